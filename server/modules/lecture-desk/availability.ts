/**
 * Whether a lecturer can take an order: the days of the order's wished window that fall in the
 * lecturer's weekly slots (for the order's part of the day), are not blocked, and are not already
 * taken by a lecture the lecturer has scheduled in that part of the day. Orders dispatched or
 * accepted but not yet scheduled take no day; they are named as something to mind. Pure.
 */
import type { LecturerSlot, TimeOfDay } from '../../../common/contract'
import { timeOfDayLabel } from '../../../common/contract'
import { addDays } from '../../../common/shanghai-date'

/** the longest window looked at, in days (an order's window is at most a few weeks) */
export const WINDOW_MAX_DAYS = 92

export interface AvailabilityProfile {
  active: boolean
  weeklySlots: readonly LecturerSlot[]
  blockedDates: readonly string[]
}

/** another order of the lecturer that is still open (dispatched, accepted or scheduled) */
export interface BusyOrder {
  id: string
  topicTitle: string
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
  schedule?: { date: string; time: string }
}

export interface OrderWindow {
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
}

export interface Availability {
  available: boolean
  freeDates: string[]
  notes: string[]
}

/** 1 = Monday … 7 = Sunday, of a YYYY-MM-DD day */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** the part of the day an HH:mm time is in */
export function partOfDay(time: string): TimeOfDay {
  const hour = Number(time.slice(0, 2))
  if (hour < 12) return 'morning'
  if (hour < 18) return 'afternoon'
  return 'evening'
}

export function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  for (let d = from; d <= to && days.length < WINDOW_MAX_DAYS; d = addDays(d, 1)) days.push(d)
  return days
}

export function availability(profile: AvailabilityProfile, order: OrderWindow, busy: readonly BusyOrder[]): Availability {
  const notes: string[] = []
  if (!profile.active) return { available: false, freeDates: [], notes: ['该宣讲员已停用'] }
  const blocked = new Set(profile.blockedDates)
  const taken = new Map<string, BusyOrder>()
  for (const b of busy) if (b.schedule && partOfDay(b.schedule.time) === order.timeOfDay) taken.set(b.schedule.date, b)
  const inSlots = (day: string) =>
    profile.weeklySlots.length === 0 || profile.weeklySlots.some((s) => s.weekday === weekdayOf(day) && s.timeOfDay === order.timeOfDay)
  const days = daysOf(order.dateFrom, order.dateTo)
  const slotted = days.filter(inSlots)
  const unblocked = slotted.filter((d) => !blocked.has(d))
  const freeDates = unblocked.filter((d) => !taken.has(d))
  if (slotted.length === 0) notes.push(`点单时段内没有该宣讲员的固定${timeOfDayLabel[order.timeOfDay]}时段`)
  else if (unblocked.length === 0) notes.push('点单时段内该宣讲员均已请假或不可安排')
  else if (freeDates.length === 0) notes.push('点单时段内该宣讲员均已排有其他宣讲')
  for (const d of unblocked) {
    const b = taken.get(d)
    if (b && freeDates.length > 0) notes.push(`${d} ${timeOfDayLabel[order.timeOfDay]}已排「${b.topicTitle}」`)
  }
  for (const b of busy) {
    if (b.schedule) continue
    if (b.timeOfDay === order.timeOfDay && b.dateFrom <= order.dateTo && b.dateTo >= order.dateFrom) {
      notes.push(`另有待排期的「${b.topicTitle}」（${b.dateFrom} 至 ${b.dateTo}）`)
    }
  }
  return { available: freeDates.length > 0, freeDates, notes }
}
