import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'

let ready = false

/** Sets dayjs to Chinese once; every formatter calls it, so order of imports never matters. */
export function initDates(): void {
  if (ready) return
  dayjs.extend(relativeTime)
  dayjs.locale('zh-cn')
  ready = true
}

/** 2021年5月20日 */
export function formatDate(iso: string): string {
  initDates()
  return dayjs(iso).format('YYYY年M月D日')
}

/** 3天前 / 2个月前 */
export function fromNow(iso: string, now: Date = new Date()): string {
  initDates()
  return dayjs(iso).from(dayjs(now))
}

/** A countdown like "还剩 3天5小时" or "12小时30分"; '' when the moment has passed. */
export function countdown(targetIso: string, now: Date = new Date()): string {
  const ms = dayjs(targetIso).diff(dayjs(now))
  if (ms <= 0) return ''
  const minutes = Math.floor(ms / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${mins}分`
  return `${Math.max(mins, 1)}分钟`
}
