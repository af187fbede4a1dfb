import { beijingHour, readingMs, sameTimingGroups, scoreBuckets, tooFast } from '../rules'
import { questionIdsOf } from '../repository'

const chars = () => 30 // 1 s + 30/15 s = 3 s to read

it('needs 1 s plus a second per 15 characters to read a question', () => {
  expect(readingMs(0)).toBe(1000)
  expect(readingMs(30)).toBe(3000)
  expect(readingMs(45)).toBe(4000)
})

it('flags an attempt when at least 2 and a third of its answered questions came faster than reading', () => {
  const base = { id: 'a', userId: 'u', questionIds: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], timeUsedMs: 60_000 }
  expect(tooFast({ ...base, questionMs: [2900, 2900, 5000, 5000, 5000, 5000] }, chars)?.text).toBe(
    '答题过快：6 题中 2 题用时短于读题所需（如第 1 题 2.9 秒，读题约需 3.0 秒）',
  )
  expect(tooFast({ ...base, questionMs: [2900, 5000, 5000, 5000, 5000, 5000] }, chars)).toBeUndefined()
  // unanswered (0) questions are not compared
  expect(tooFast({ ...base, questionMs: [0, 0, 0, 0, 2000, 5000] }, chars)).toBeUndefined()
  // without per-question times: the whole attempt against the sum (6 × 3 s)
  expect(tooFast({ ...base, timeUsedMs: 17_000 }, chars)?.text).toBe('答题过快：整卷用时 17.0 秒，短于 6 题读题所需约 18.0 秒')
  expect(tooFast({ ...base, timeUsedMs: 18_000 }, chars)).toBeUndefined()
})

it('groups the same rounded time pattern across two or more accounts only', () => {
  const v = (id: string, userId: string, questionMs: number[]) => ({ id, userId, questionIds: ['a', 'b', 'c'], questionMs, timeUsedMs: 0 })
  const groups = sameTimingGroups([
    v('1', 'u1', [3000, 4000, 5000]),
    v('2', 'u2', [3100, 4100, 4900]),
    v('3', 'u1', [8000, 4000, 5000]),
    v('4', 'u1', [8000, 4000, 5000]), // one account twice: not a group
    v('5', 'u3', [3000, 4000]), // too short to compare
  ])
  expect([...groups.keys()].sort()).toEqual(['1', '2'])
  expect(groups.get('1')).toMatchObject({ kind: 'same-timing', group: 'T1' })
})

it('buckets scores by ten with 100 on its own, reads question ids and Beijing hours', () => {
  const buckets = scoreBuckets(
    new Map([
      [0, 1],
      [95, 2],
      [100, 3],
    ]),
  )
  expect(buckets).toHaveLength(11)
  expect(buckets.map((b) => b.participants)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3])
  expect(
    questionIdsOf(
      JSON.stringify([
        { id: 'q1', order: ['B', 'A'] },
        { id: 'q-2', order: ['T', 'F'] },
      ]),
    ),
  ).toEqual(['q1', 'q-2'])
  expect(beijingHour('2026-12-04T20')).toBe('2026-12-05 04:00')
})
