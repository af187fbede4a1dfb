/** The quiz's business rules, as pure functions: selection, scoring, time, limits, ranking, regions, 错题本. */
import type { Campaign, Region } from '../../../../common/contract'
import { attemptsLeft, canStart } from '../limits'
import { nextMistake } from '../mistakes'
import { countyOf, regionalBoard, regionWithin, residentsByRegion, townshipOf } from '../regions'
import { isCorrect, scoreAttempt } from '../score'
import { optionOrder, presentQuestion, selectQuestions, toDisplayKeys, toOriginalKeys } from '../select'
import { assignRanks, compareStandings, countedStanding } from '../standing'
import { attemptDeadline, GRACE_SEC, shanghaiDay, timeUsedMs, withinGrace } from '../time'
import type { AttemptQuestion, QuestionKey, Standing } from '../types'

/** a seeded generator (mulberry32), so draws are repeatable */
function seeded(seed: number) {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const abcd = (texts: string[]) => texts.map((text, i) => ({ key: 'ABCD'[i], text }))
const single: QuestionKey = {
  id: 's1',
  type: 'single',
  stem: '单选',
  topic: 'yibao',
  options: abcd(['甲', '乙', '丙', '丁']),
  answer: ['C'],
  explanation: '因为丙',
}
const multiple: QuestionKey = {
  id: 'm1',
  type: 'multiple',
  stem: '多选',
  topic: 'yibao',
  options: abcd(['甲', '乙', '丙', '丁']),
  answer: ['A', 'B', 'C'],
  explanation: '甲乙丙',
}
const judge: QuestionKey = {
  id: 'j1',
  type: 'judge',
  stem: '判断',
  topic: 'zwgk',
  options: [
    { key: 'T', text: '正确' },
    { key: 'F', text: '错误' },
  ],
  answer: ['F'],
  explanation: '错误',
}

function bank(perTopic: Record<string, number>): QuestionKey[] {
  return Object.entries(perTopic).flatMap(([topic, n]) => Array.from({ length: n }, (_, i) => ({ ...single, id: `${topic}-${i}`, topic })))
}

describe('question selection', () => {
  it('draws the asked number, no repeats, balanced by topic', () => {
    const pool = bank({ a: 20, b: 3, c: 8, d: 8, e: 8 })
    for (let seed = 1; seed <= 50; seed++) {
      const picked = selectQuestions(pool, 10, seeded(seed))
      expect(picked).toHaveLength(10)
      expect(new Set(picked.map((q) => q.id)).size).toBe(10)
      const perTopic = new Map<string, number>()
      for (const q of picked) perTopic.set(q.topic, (perTopic.get(q.topic) ?? 0) + 1)
      // five topics, ten questions: two each
      expect([...perTopic.values()]).toEqual([2, 2, 2, 2, 2])
    }
  })

  it('fills from other topics when one runs out, and stops at the pool size', () => {
    const pool = bank({ a: 1, b: 9 })
    const picked = selectQuestions(pool, 6, seeded(3))
    expect(picked.filter((q) => q.topic === 'a')).toHaveLength(1)
    expect(picked.filter((q) => q.topic === 'b')).toHaveLength(5)
    expect(selectQuestions(pool, 50, seeded(3))).toHaveLength(10)
  })

  it('is random: different seeds give different draws', () => {
    const pool = bank({ a: 30, b: 30 })
    const draws = new Set(
      [1, 2, 3, 4, 5].map((s) =>
        selectQuestions(pool, 10, seeded(s))
          .map((q) => q.id)
          .join(),
      ),
    )
    expect(draws.size).toBeGreaterThan(3)
  })

  it('shuffles choice options per attempt and relabels them A, B, C, D; judge questions stay in place', () => {
    const orders = new Set<string>()
    for (let s = 1; s <= 30; s++) orders.add(optionOrder(single, seeded(s)).order.join(''))
    expect(orders.size).toBeGreaterThan(5)
    const aq: AttemptQuestion = { id: 's1', order: ['C', 'A', 'D', 'B'] }
    expect(presentQuestion(single, aq).options).toEqual([
      { key: 'A', text: '丙' },
      { key: 'B', text: '甲' },
      { key: 'C', text: '丁' },
      { key: 'D', text: '乙' },
    ])
    expect(presentQuestion(single, aq)).not.toHaveProperty('answer')
    expect(optionOrder(judge, seeded(9)).order).toEqual(['T', 'F'])
  })

  it('maps display keys to the original keys and back through the stored order', () => {
    const aq: AttemptQuestion = { id: 's1', order: ['C', 'A', 'D', 'B'] }
    expect(toOriginalKeys(single, aq, ['A'])).toEqual(['C'])
    expect(toDisplayKeys(single, aq, ['C'])).toEqual(['A'])
    expect(toDisplayKeys(multiple, aq, ['A', 'B', 'C'])).toEqual(['A', 'B', 'D'])
  })
})

describe('scoring', () => {
  const keys = new Map([single, multiple, judge].map((q) => [q.id, q]))
  const shuffled: AttemptQuestion[] = [
    { id: 's1', order: ['C', 'A', 'D', 'B'] }, // correct 丙 shows as A
    { id: 'm1', order: ['D', 'C', 'B', 'A'] }, // correct 甲乙丙 show as D, C, B
    { id: 'j1', order: ['T', 'F'] },
  ]

  it('scores the shuffled display keys against the original key', () => {
    const r = scoreAttempt(shuffled, keys, { s1: ['A'], m1: ['B', 'C', 'D'], j1: ['F'] })
    expect(r).toMatchObject({ score: 100, correctCount: 3, total: 3 })
    expect(r.review.map((q) => q.correct)).toEqual([['A'], ['B', 'C', 'D'], ['F']])
    // the original key C is wrong in this attempt: it shows 丁
    expect(scoreAttempt(shuffled, keys, { s1: ['C'] }).review[0]).toMatchObject({ isCorrect: false, chosen: ['C'], correct: ['A'] })
  })

  it('gives multiple choice no partial credit: all the correct options and nothing else', () => {
    expect(isCorrect(multiple, ['A', 'B'])).toBe(false)
    expect(isCorrect(multiple, ['A', 'B', 'C', 'D'])).toBe(false)
    expect(isCorrect(multiple, ['C', 'B', 'A'])).toBe(true)
  })

  it('takes one option for single and judge questions', () => {
    expect(isCorrect(single, ['C'])).toBe(true)
    expect(isCorrect(single, ['C', 'A'])).toBe(false)
    expect(isCorrect(judge, ['F'])).toBe(true)
    expect(isCorrect(judge, ['T'])).toBe(false)
  })

  it('scores unanswered questions zero and shares 100 points equally', () => {
    const r = scoreAttempt(shuffled, keys, { s1: ['A'] })
    expect(r).toMatchObject({ score: 33, correctCount: 1, total: 3 })
    expect(r.review[1]).toMatchObject({ chosen: [], isCorrect: false, explanation: '甲乙丙' })
    expect(scoreAttempt(shuffled, keys, {}).score).toBe(0)
  })

  it('ignores answers to questions outside the attempt', () => {
    expect(scoreAttempt([shuffled[2]], keys, { j1: ['F'], s1: ['A'] })).toMatchObject({ score: 100, total: 1 })
  })
})

describe('time', () => {
  const start = new Date('2026-06-01T02:00:00Z')

  it('sets the deadline at questions × seconds per question', () => {
    expect(attemptDeadline(start, 10, 20).toISOString()).toBe('2026-06-01T02:03:20.000Z')
  })

  it('takes a submit up to the deadline plus the grace, and refuses one after', () => {
    const deadline = '2026-06-01T02:03:20.000Z'
    expect(withinGrace(deadline, new Date('2026-06-01T02:03:20.000Z'))).toBe(true)
    expect(withinGrace(deadline, new Date(Date.parse(deadline) + GRACE_SEC * 1000))).toBe(true)
    expect(withinGrace(deadline, new Date(Date.parse(deadline) + GRACE_SEC * 1000 + 1))).toBe(false)
  })

  it('counts time used up to the submit, never past the deadline', () => {
    const deadline = '2026-06-01T02:03:20.000Z'
    expect(timeUsedMs(start.toISOString(), deadline, new Date('2026-06-01T02:01:05.500Z'))).toBe(65_500)
    expect(timeUsedMs(start.toISOString(), deadline, new Date('2026-06-01T02:03:25.000Z'))).toBe(200_000)
  })

  it('uses Asia/Shanghai days: 23:59 and 00:00 Beijing time are different days', () => {
    const late = shanghaiDay(new Date('2026-06-01T15:59:00Z')) // 23:59 on 6-01 in Beijing
    const early = shanghaiDay(new Date('2026-06-01T16:00:00Z')) // 00:00 on 6-02
    expect(late.start.toISOString()).toBe('2026-05-31T16:00:00.000Z')
    expect(late.end.toISOString()).toBe('2026-06-01T16:00:00.000Z')
    expect(early.start.toISOString()).toBe('2026-06-01T16:00:00.000Z')
  })
})

describe('attempt limits', () => {
  const rules: Campaign['rules'] = {
    questionsPerAttempt: 10,
    secondsPerQuestion: 20,
    attemptsPerDay: 3,
    scoreCounts: 'best',
    eligibleRegions: ['331082', '331023'],
  }

  it('allows a running campaign, an eligible region and attempts left today', () => {
    expect(canStart({ status: 'ongoing', rules }, '331082001001', 2)).toEqual({ ok: true })
  })

  it('refuses before the start, after the end, without or outside the region, and past the daily limit', () => {
    expect(canStart({ status: 'upcoming', rules }, '331082001', 0)).toEqual({ ok: false, reason: 'not-started' })
    expect(canStart({ status: 'ended', rules }, '331082001', 0)).toEqual({ ok: false, reason: 'ended' })
    expect(canStart({ status: 'ongoing', rules }, undefined, 0)).toEqual({ ok: false, reason: 'no-region' })
    expect(canStart({ status: 'ongoing', rules }, '331002001', 0)).toEqual({ ok: false, reason: 'not-eligible' })
    expect(canStart({ status: 'ongoing', rules }, '331082001', 3)).toEqual({ ok: false, reason: 'daily-limit' })
    expect(attemptsLeft(3, 5)).toBe(0)
  })

  it('reads a city code as all of its counties', () => {
    expect(regionWithin('331002001003', '331000')).toBe(true)
    expect(regionWithin('330102001', '331000')).toBe(false)
    expect(regionWithin('331002001', '331002')).toBe(true)
    expect(countyOf('331002001003')).toBe('331002')
    expect(townshipOf('331002001003')).toBe('331002001')
    expect(townshipOf('331002')).toBeUndefined()
  })
})

describe('which score counts, and ranking', () => {
  const s = (userId: string, score: number, timeUsedMs: number, finishedAt: string, attemptId = userId): Standing => ({
    campaignId: 'q1',
    userId,
    attemptId,
    score,
    timeUsedMs,
    finishedAt,
  })

  it('best keeps the higher score, then the faster, then the earlier; latest takes the last', () => {
    const first = s('u', 80, 100_000, '2026-06-01T02:00:00.000Z', 'a1')
    const lower = s('u', 70, 50_000, '2026-06-01T03:00:00.000Z', 'a2')
    const faster = s('u', 80, 90_000, '2026-06-01T04:00:00.000Z', 'a3')
    const sameLater = s('u', 80, 100_000, '2026-06-01T05:00:00.000Z', 'a4')
    expect(countedStanding(first, lower, 'best')).toBe(first)
    expect(countedStanding(first, faster, 'best')).toBe(faster)
    expect(countedStanding(first, sameLater, 'best')).toBe(first)
    expect(countedStanding(first, lower, 'latest')).toBe(lower)
    expect(countedStanding(undefined, lower, 'best')).toBe(lower)
  })

  it('ranks by score, then less time used, then earlier finish; full ties share a rank', () => {
    const board = [
      s('slow', 90, 120_000, '2026-06-01T01:00:00.000Z'),
      s('late', 90, 60_000, '2026-06-01T03:00:00.000Z'),
      s('top', 100, 190_000, '2026-06-01T05:00:00.000Z'),
      s('early', 90, 60_000, '2026-06-01T02:00:00.000Z'),
      s('twin', 90, 60_000, '2026-06-01T02:00:00.000Z'),
      s('low', 40, 10_000, '2026-06-01T00:00:00.000Z'),
    ].sort(compareStandings)
    expect(assignRanks(board).map((r) => [r.userId, r.rank])).toEqual([
      ['top', 1],
      ['early', 2],
      ['twin', 2],
      ['late', 4],
      ['slow', 5],
      ['low', 6],
    ])
  })
})

describe('regional boards per capita', () => {
  const tree: Region[] = [
    {
      code: '331002',
      name: '椒江区',
      level: 'county',
      children: [
        { code: '331002001', name: '海门街道', level: 'township' },
        { code: '331002002', name: '白云街道', level: 'township' },
        { code: '331002100', name: '大陈镇', level: 'township' },
      ],
    },
    { code: '331022', name: '三门县', level: 'county', children: [{ code: '331022001', name: '海游街道', level: 'township' }] },
  ]

  it('takes given figures and derives the rest: townships share what their county leaves', () => {
    const r = residentsByRegion(tree, { '331002': 800_000, '331002100': 4_000, '331022': 330_000 })
    expect(r.get('331002100')).toBe(4_000)
    expect(r.get('331002001')).toBe(398_000)
    expect(r.get('331002002')).toBe(398_000)
    expect(r.get('331022001')).toBe(330_000)
    // no figure at all: one resident each, never a division by zero
    expect(residentsByRegion(tree).get('331002')).toBe(3)
  })

  it('ranks a small place with many participants above a big one with a few', () => {
    const rows = regionalBoard(
      [
        { code: '331002001', name: '海门街道', residents: 400_000 },
        { code: '331002100', name: '大陈镇', residents: 4_000 },
        { code: '331002002', name: '白云街道', residents: 100_000 },
      ],
      [
        { regionCode: '331002001', participants: 100, scoreSum: 9_000 },
        { regionCode: '331002100', participants: 20, scoreSum: 1_600 },
      ],
    )
    expect(rows.map((r) => [r.name, r.rank])).toEqual([
      ['大陈镇', 1],
      ['海门街道', 2],
      ['白云街道', 3],
    ])
    expect(rows[0]).toMatchObject({ participants: 20, participationPer10k: 50, averageScore: 80, score: 4000, residents: 4_000 })
    expect(rows[1]).toMatchObject({ participants: 100, participationPer10k: 2.5, averageScore: 90, score: 225 })
    expect(rows[2]).toMatchObject({ participants: 0, averageScore: 0, score: 0 })
  })
})

describe('错题本', () => {
  const now = new Date('2026-06-01T02:00:00Z')

  it('puts a wrong answer in the book and restarts its streak', () => {
    const first = nextMistake(undefined, 'u', 'q', false, now)
    expect(first).toEqual({ kind: 'put', record: { userId: 'u', questionId: 'q', wrongCount: 1, streak: 0, lastWrongAt: now.toISOString() } })
    const again = nextMistake({ userId: 'u', questionId: 'q', wrongCount: 1, streak: 1, lastWrongAt: 'x' }, 'u', 'q', false, now)
    expect(again).toMatchObject({ kind: 'put', record: { wrongCount: 2, streak: 0 } })
  })

  it('takes a question out after two correct answers in a row', () => {
    const inBook = { userId: 'u', questionId: 'q', wrongCount: 2, streak: 0, lastWrongAt: 'x' }
    const once = nextMistake(inBook, 'u', 'q', true, now)
    expect(once).toEqual({ kind: 'put', record: { ...inBook, streak: 1 } })
    expect(nextMistake({ ...inBook, streak: 1 }, 'u', 'q', true, now)).toEqual({ kind: 'remove' })
    expect(nextMistake(undefined, 'u', 'q', true, now)).toEqual({ kind: 'none' })
  })
})
