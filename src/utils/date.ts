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

// the server draws campaign countdowns too (首屏直出), hence common/
export { countdown } from '@common/durations'
