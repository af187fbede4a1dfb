import dayjs from 'dayjs'
import { initDates } from '@/utils/date'

/** 6月1日 08:00 */
export function formatDateTime(iso: string): string {
  initDates()
  return dayjs(iso).format('M月D日 HH:mm')
}

/** 125 → 2:05 */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** 95.5 → 1分35.5秒 */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = Math.round((seconds - m * 60) * 10) / 10
  return m > 0 ? `${m}分${s}秒` : `${s}秒`
}
