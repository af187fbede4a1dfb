import dayjs from 'dayjs'
import type { Region } from '@common/contract'
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

/** names of region codes ('331000' = 全市) */
export function regionNamer(tree: Region[]): (codes: string[]) => string {
  const names = new Map<string, string>()
  const walk = (nodes: Region[]) =>
    nodes.forEach((r) => {
      names.set(r.code, r.name)
      walk(r.children ?? [])
    })
  walk(tree)
  return (codes) => codes.map((c) => (c.endsWith('00') && c.length === 6 ? '台州全市' : (names.get(c) ?? c))).join('、')
}
