/**
 * Working days (工作日) in mainland China, for the promise 「一般在3个工作日内答复」: weekends are
 * off, except the 调休 Saturdays and Sundays the State Council makes working days, and the
 * statutory holidays with their 调休 days are off. The calendar is data, one entry per year, from
 * the 国务院办公厅 notice of that year's holiday arrangements. A year not listed counts weekends
 * only. Dates are Beijing calendar dates (YYYY-MM-DD); instants go through shanghaiToday first.
 */
import dayjs from 'dayjs'
import { addDays, shanghaiToday } from './shanghai-date'

export interface HolidayYear {
  /** days off that would otherwise be working days (and the weekend days of a holiday, harmlessly) */
  holidays: readonly string[]
  /** weekend days that are working days (调休上班) */
  workdays: readonly string[]
  /** true while only the statutory fixed dates are known: the 调休 arrangement is not yet published */
  provisional?: boolean
}

/** d1..d2 inclusive, as YYYY-MM-DD */
function span(from: string, to: string): string[] {
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d)
  return days
}

export const HOLIDAY_CALENDAR: Readonly<Record<number, HolidayYear>> = {
  // 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // The 2027 arrangement (its 调休 days) was not known when this was written: only the statutory
  // holidays of 《全国年节及纪念日放假办法》 (2024 revision) on their fixed dates are listed, and no
  // 调休 day is guessed. Replace this entry with the State Council's notice once it is published.
  2027: {
    provisional: true,
    holidays: [
      '2027-01-01', // 元旦
      ...span('2027-02-05', '2027-02-08'), // 春节：除夕（2月5日）至正月初三
      '2027-04-05', // 清明节
      ...span('2027-05-01', '2027-05-02'), // 劳动节
      '2027-06-09', // 端午节（农历五月初五）
      '2027-09-15', // 中秋节（农历八月十五）
      ...span('2027-10-01', '2027-10-03'), // 国庆节
    ],
    workdays: [],
  },
}

const sets = new Map<number, { holidays: Set<string>; workdays: Set<string> }>()
function yearSets(year: number) {
  let s = sets.get(year)
  if (!s) {
    const y = HOLIDAY_CALENDAR[year]
    s = { holidays: new Set(y?.holidays ?? []), workdays: new Set(y?.workdays ?? []) }
    sets.set(year, s)
  }
  return s
}

/** whether a Beijing calendar date is a working day */
export function isWorkingDay(date: string): boolean {
  const { holidays, workdays } = yearSets(Number(date.slice(0, 4)))
  if (workdays.has(date)) return true
  if (holidays.has(date)) return false
  const weekday = dayjs.utc(date).day()
  return weekday !== 0 && weekday !== 6
}

/** the n-th working day after `date` (the date itself not counted); n ≥ 0 */
export function addWorkingDays(date: string, n: number): string {
  let d = date
  for (let left = n; left > 0;) {
    d = addDays(d, 1)
    if (isWorkingDay(d)) left--
  }
  return d
}

/** the working days d with from < d ≤ to (0 when to ≤ from) */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++
  return count
}

/** the promise to residents: a reply within this many working days */
export const REPLY_WORKING_DAYS = 3

/** the due date (Beijing) of a consultation submitted at `createdAt`: the 3rd working day after the day it came in */
export function replyDueDate(createdAt: string | Date): string {
  return addWorkingDays(shanghaiToday(new Date(createdAt)), REPLY_WORKING_DAYS)
}

/**
 * Overdue: the due date has passed (it is a later Beijing day) without a reply, or the reply came
 * on a later day than the due date. `now` is the caller's clock (the server's app.store.now).
 */
export function isOverdue(createdAt: string, now: Date, repliedAt?: string | null): boolean {
  const due = replyDueDate(createdAt)
  const end = repliedAt ? shanghaiToday(new Date(repliedAt)) : shanghaiToday(now)
  return end > due
}
