import { type LecturerSlot, type TimeOfDay, timeOfDayLabel } from '@common/contract'

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
export const PARTS: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening']

/** 「周二下午、周四下午」, or 不限 when no fixed slots */
export function slotsText(slots: readonly LecturerSlot[]): string {
  if (slots.length === 0) return '不限'
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || PARTS.indexOf(a.timeOfDay) - PARTS.indexOf(b.timeOfDay))
    .map((s) => `${WEEKDAYS[s.weekday - 1]}${timeOfDayLabel[s.timeOfDay]}`)
    .join('、')
}

export const slotKey = (s: LecturerSlot) => `${s.weekday}-${s.timeOfDay}`
export const slotOf = (key: string): LecturerSlot => {
  const [weekday, timeOfDay] = key.split('-')
  return { weekday: Number(weekday), timeOfDay: timeOfDay as TimeOfDay }
}
