/** 138****5678 — a mainland mobile number with the middle four digits hidden. */
export function maskPhone(phone: string): string {
  return phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
}

/** 1.2万 for large counts, as Chinese apps show views. */
export function formatCount(n: number): string {
  if (n >= 10000) return `${(n / 10000).toFixed(n >= 100000 ? 0 : 1)}万`
  return String(n)
}

/** 1:05 */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

// 3 分 18 秒: the server says video lengths the same way (favourites), hence common/
export { minutesAndSeconds } from '@common/durations'
