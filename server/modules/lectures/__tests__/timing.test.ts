/** 提前预约 and no time in the past: the pure rules the order and 排期 routes apply. */
import { earliestOrderDate, orderTimingProblem, scheduleTimingProblem, timingOf } from '../rules'

// 16:22 in Beijing on 2026-12-04, when the walkthrough's "today 上午" order was accepted
const AT_1622 = timingOf(new Date('2026-12-04T08:22:00Z'))

describe('timingOf', () => {
  it('reads the Beijing date and minute, whatever the server zone', () => {
    expect(AT_1622).toEqual({ today: '2026-12-04', minuteOfDay: 16 * 60 + 22 })
    // 23:30 UTC is already the next morning in Beijing
    expect(timingOf(new Date('2026-12-04T23:30:00Z'))).toEqual({ today: '2026-12-05', minuteOfDay: 7 * 60 + 30 })
  })
})

describe('orderTimingProblem', () => {
  const order = (dateFrom: string, dateTo = dateFrom, timeOfDay: 'morning' | 'afternoon' | 'evening' = 'afternoon') => ({ dateFrom, dateTo, timeOfDay })

  it('refuses today and anything inside the lead time, naming the first day allowed', () => {
    expect(orderTimingProblem(order('2026-12-04', '2026-12-04', 'morning'), AT_1622, 3)).toBe('宣讲需至少提前3天预约，最早可选12月7日')
    expect(orderTimingProblem(order('2026-12-06', '2026-12-10'), AT_1622, 3)).toBe('宣讲需至少提前3天预约，最早可选12月7日')
    expect(orderTimingProblem(order('2026-12-07'), AT_1622, 3)).toBeUndefined()
    expect(earliestOrderDate('2026-12-30', 3)).toBe('2027-01-02')
    expect(orderTimingProblem(order('2026-12-31'), timingOf(new Date('2026-12-30T02:00:00Z')), 3)).toBe('宣讲需至少提前3天预约，最早可选1月2日')
  })

  it('refuses past dates before the lead time', () => {
    expect(orderTimingProblem(order('2026-12-03', '2026-12-08'), AT_1622, 3)).toBe('不能选择已经过去的日期')
  })

  it('with no lead time, refuses a 时段 of today already over', () => {
    expect(orderTimingProblem(order('2026-12-04', '2026-12-04', 'morning'), AT_1622, 0)).toBe('今天上午已经过去，请选择以后的时间')
    expect(orderTimingProblem(order('2026-12-04', '2026-12-04', 'evening'), AT_1622, 0)).toBeUndefined()
    // a range reaching past today is fine: the lecture can still be held on a later day
    expect(orderTimingProblem(order('2026-12-04', '2026-12-05', 'morning'), AT_1622, 0)).toBeUndefined()
  })
})

describe('scheduleTimingProblem', () => {
  it('refuses a time today that has passed, and yesterday', () => {
    expect(scheduleTimingProblem({ date: '2026-12-04', time: '14:30' }, AT_1622)).toBe('宣讲时间已经过去，请选择以后的时间')
    expect(scheduleTimingProblem({ date: '2026-12-04', time: '16:22' }, AT_1622)).toBe('宣讲时间已经过去，请选择以后的时间')
    expect(scheduleTimingProblem({ date: '2026-12-03', time: '19:00' }, AT_1622)).toBe('不能选择已经过去的日期')
  })
  it('accepts later today and any later day', () => {
    expect(scheduleTimingProblem({ date: '2026-12-04', time: '16:23' }, AT_1622)).toBeUndefined()
    expect(scheduleTimingProblem({ date: '2026-12-05', time: '08:00' }, AT_1622)).toBeUndefined()
  })
})
