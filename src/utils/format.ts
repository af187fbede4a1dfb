/** 138****5678 — a mainland mobile number with the middle four digits hidden. */
export function maskPhone(phone: string): string {
  return phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
}

// 1.2万, 1:05, 3 分 18 秒: the server draws them the same way (首屏直出, favourites), hence common/
export { formatCount } from '@common/counts'
export { formatDuration, minutesAndSeconds } from '@common/durations'
