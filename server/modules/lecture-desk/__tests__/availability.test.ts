import { availability, partOfDay, weekdayOf } from '../availability'

const order = { dateFrom: '2026-12-07', dateTo: '2026-12-13', timeOfDay: 'afternoon' as const }
const free = { active: true, weeklySlots: [], blockedDates: [] }

it('names weekdays and parts of the day', () => {
  expect(weekdayOf('2026-12-07')).toBe(1)
  expect(weekdayOf('2026-12-13')).toBe(7)
  expect([partOfDay('09:00'), partOfDay('14:30'), partOfDay('19:00')]).toEqual(['morning', 'afternoon', 'evening'])
})

it('is free every day of the window without fixed slots', () => {
  expect(availability(free, order, []).freeDates).toHaveLength(7)
})

it('keeps the weekly slots of the order’s part of the day, less blocked and scheduled days', () => {
  const profile = {
    active: true,
    weeklySlots: [
      { weekday: 2, timeOfDay: 'afternoon' as const },
      { weekday: 4, timeOfDay: 'afternoon' as const },
      { weekday: 5, timeOfDay: 'afternoon' as const },
      { weekday: 6, timeOfDay: 'morning' as const },
    ],
    blockedDates: ['2026-12-08'],
  }
  const busy = [
    {
      id: 'o2',
      topicTitle: '医保',
      dateFrom: '2026-12-01',
      dateTo: '2026-12-20',
      timeOfDay: 'afternoon' as const,
      schedule: { date: '2026-12-10', time: '15:00' },
    },
  ]
  const a = availability(profile, order, busy)
  expect(a).toMatchObject({ available: true, freeDates: ['2026-12-11'] })
  expect(a.notes).toEqual(['2026-12-10 下午已排「医保」'])
})

it('refuses an inactive lecturer, and one blocked or busy on every day', () => {
  expect(availability({ ...free, active: false }, order, [])).toMatchObject({ available: false, notes: ['该宣讲员已停用'] })
  const blocked = { ...free, blockedDates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'] }
  expect(availability(blocked, order, []).notes).toEqual(['点单时段内该宣讲员均已请假或不可安排'])
  const mornings = { ...free, weeklySlots: [{ weekday: 1, timeOfDay: 'morning' as const }] }
  expect(availability(mornings, order, []).notes).toEqual(['点单时段内没有该宣讲员的固定下午时段'])
})

it('names an unscheduled order at the same time without taking a day', () => {
  const busy = [{ id: 'o3', topicTitle: '防诈', dateFrom: '2026-12-12', dateTo: '2026-12-20', timeOfDay: 'afternoon' as const }]
  const a = availability(free, order, busy)
  expect(a.freeDates).toHaveLength(7)
  expect(a.notes).toEqual(['另有待排期的「防诈」（2026-12-12 至 2026-12-20）'])
})
