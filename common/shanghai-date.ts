/**
 * Calendar dates in Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving), whatever
 * the device's or server's zone: "today" for "no past dates" is the same on a phone in Taizhou,
 * a server in UTC and a test. A fixed offset through dayjs' utc plugin, not the timezone plugin:
 * that one needs Intl time-zone data, which some mini-program runtimes lack.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const SHANGHAI_OFFSET_MIN = 8 * 60

export function inShanghai(at: Date | string = new Date()): Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MIN)
}

/** YYYY-MM-DD of the day it is in Beijing */
export function shanghaiToday(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD')
}

/** a real calendar date written YYYY-MM-DD (2026-02-30 is not) */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = dayjs.utc(s)
  return d.isValid() && d.format('YYYY-MM-DD') === s
}

/** YYYY-MM-DD plus n days */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD')
}
