/** The 3-working-day promise over the 2026 holiday and 调休 calendar, and the provisional 2027. */
import { addWorkingDays, HOLIDAY_CALENDAR, isOverdue, isWorkingDay, replyDueDate, workingDaysBetween } from '../../../../common/working-days'

// 2026-09-30 10:00 Beijing, the day before 国庆
const BEFORE_NATIONAL_DAY = '2026-09-30T02:00:00.000Z'

it('counts 调休 Saturdays and Sundays as working days and holidays as days off', () => {
  expect(isWorkingDay('2026-10-10')).toBe(true) // 周六 调休上班
  expect(isWorkingDay('2026-09-20')).toBe(true) // 周日 调休上班
  expect(isWorkingDay('2026-02-14')).toBe(true)
  expect(isWorkingDay('2026-10-01')).toBe(false)
  expect(isWorkingDay('2026-10-07')).toBe(false) // 周三, 国庆
  expect(isWorkingDay('2026-02-16')).toBe(false) // 周一, 春节
  expect(isWorkingDay('2026-12-05')).toBe(false) // an ordinary Saturday
  expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10')
})

it('does not make a consultation spanning 国庆 2026 overdue after 5 calendar days', () => {
  expect(replyDueDate(BEFORE_NATIONAL_DAY)).toBe('2026-10-10')
  expect(isOverdue(BEFORE_NATIONAL_DAY, new Date('2026-10-05T02:00:00.000Z'))).toBe(false)
  expect(isOverdue(BEFORE_NATIONAL_DAY, new Date('2026-10-10T15:59:00.000Z'))).toBe(false) // 23:59 on the due day
  expect(isOverdue(BEFORE_NATIONAL_DAY, new Date('2026-10-10T16:00:00.000Z'))).toBe(true) // 00:00 Beijing the day after
})

it('makes one submitted on an ordinary Monday overdue on Friday', () => {
  const monday = '2026-11-16T01:30:00.000Z' // Monday 09:30 Beijing
  expect(replyDueDate(monday)).toBe('2026-11-19')
  expect(isOverdue(monday, new Date('2026-11-19T09:00:00.000Z'))).toBe(false)
  expect(isOverdue(monday, new Date('2026-11-20T01:00:00.000Z'))).toBe(true)
  // answered on Thursday: never overdue afterwards
  expect(isOverdue(monday, new Date('2026-12-01T01:00:00.000Z'), '2026-11-19T08:00:00.000Z')).toBe(false)
})

it('takes the Beijing date of a submission late in the UTC day', () => {
  // 2026-11-15 23:30 Beijing is a Sunday: the three working days are Mon, Tue, Wed
  expect(replyDueDate('2026-11-15T15:30:00.000Z')).toBe('2026-11-18')
})

it('counts working days between two dates', () => {
  expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3)
  expect(workingDaysBetween('2026-11-16', '2026-11-16')).toBe(0)
  expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1)
})

it('keeps 2027 provisional: statutory dates only, no guessed 调休', () => {
  expect(HOLIDAY_CALENDAR[2027].provisional).toBe(true)
  expect(HOLIDAY_CALENDAR[2027].workdays).toEqual([])
  expect(isWorkingDay('2027-02-08')).toBe(false) // 正月初三, a Monday
  expect(isWorkingDay('2027-10-01')).toBe(false)
  expect(HOLIDAY_CALENDAR[2026].provisional).toBeUndefined()
})
