import { coverage, firstInterpretations, isSynced, shanghaiDay, workingDaysAfter } from '../figures'

describe('working days (the State Council calendar, Asia/Shanghai)', () => {
  it('counts the weekdays after the first day up to the second', () => {
    // 2026-03-06 is a Friday
    expect(workingDaysAfter('2026-03-06', '2026-03-06')).toBe(0)
    expect(workingDaysAfter('2026-03-06', '2026-03-09')).toBe(1)
    expect(workingDaysAfter('2026-03-06', '2026-03-11')).toBe(3)
    expect(workingDaysAfter('2026-03-06', '2026-03-12')).toBe(4)
    expect(workingDaysAfter('2026-03-12', '2026-03-06')).toBe(0)
    // 国庆 2026 (10-01…10-07) is not counted; the 调休 Saturday 10-10 is
    expect(workingDaysAfter('2026-09-30', '2026-10-08')).toBe(1)
    expect(workingDaysAfter('2026-09-30', '2026-10-10')).toBe(3)
    expect(isSynced('2026-09-30', '2026-10-10')).toBe(true)
    expect(isSynced('2026-09-30', '2026-10-12')).toBe(false)
  })

  it('a Friday policy interpreted the next Wednesday is 同步; the next Thursday is not', () => {
    expect(isSynced('2026-03-06', '2026-03-11')).toBe(true)
    expect(isSynced('2026-03-06', '2026-03-12')).toBe(false)
    // a Saturday policy: Mon, Tue, Wed
    expect(isSynced('2026-03-07', '2026-03-11')).toBe(true)
    expect(isSynced('2026-03-07', '2026-03-12')).toBe(false)
    // interpreted the same day, or even before the policy went live
    expect(isSynced('2026-03-06', '2026-03-06')).toBe(true)
    expect(isSynced('2026-03-06', '2026-03-01')).toBe(true)
  })

  it('days are Beijing days: 00:30 on Thursday in Beijing is still Wednesday in UTC', () => {
    expect(shanghaiDay('2026-03-11T16:30:00.000Z')).toBe('2026-03-12')
    expect(shanghaiDay('2026-03-11T15:59:59.000Z')).toBe('2026-03-11')
  })
})

describe('coverage', () => {
  const org = { code: '331024', name: '仙居县' }
  const policy = (id: string, day: string) => ({ id, orgCode: '331024', department: '仙居县教育局', validity: 'valid' as const, day })

  it('4 policies, 2 interpreted, 1 within 3 working days → rate 0.5, syncRate 0.25', () => {
    const first = firstInterpretations([
      { policyId: 'p1', day: '2026-03-11' },
      { policyId: 'p2', day: '2026-03-12' },
      // a later interpretation of p1 changes nothing
      { policyId: 'p1', day: '2026-04-01' },
    ])
    const row = coverage(org, [policy('p1', '2026-03-06'), policy('p2', '2026-03-06'), policy('p3', '2026-03-06'), policy('p4', '2026-03-06')], first)
    expect(row).toEqual({ org, policies: 4, interpreted: 2, rate: 0.5, synced: 1, syncRate: 0.25 })
  })

  it('the earliest interpretation decides; one of unknown day counts as interpreted, not synced', () => {
    const first = firstInterpretations([{ policyId: 'p1', day: '2026-04-01' }, { policyId: 'p1', day: '2026-03-09' }, { policyId: 'p2' }])
    expect(coverage(org, [policy('p1', '2026-03-06'), policy('p2', '2026-03-06')], first)).toMatchObject({ interpreted: 2, synced: 1 })
  })

  it('no policies: rates are 0', () => {
    expect(coverage(org, [], new Map())).toEqual({ org, policies: 0, interpreted: 0, rate: 0, synced: 0, syncRate: 0 })
  })
})
