/**
 * The quiz service on the SQLite store must start,
 * score, rank and keep the 错题本 the same way (real fixtures, a clock the tests move).
 */
import { join } from 'node:path'
import { hasKey, type Attempt, type User } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import type { Fixtures } from '../../mock/types'
import { ApiError } from '../../server/errors'
import {
  answerPractice,
  attemptView,
  campaignMe,
  HIDDEN_NAME,
  leaderboard,
  mistakeBook,
  practiceQuestions,
  saveProfile,
  startAttempt,
  submitAttempt,
} from '../../server/modules/quiz/service'
import { GRACE_SEC } from '../../server/modules/quiz/time'
import { openStore } from '../../server/store/open-store'
import type { Store, StoreOptions } from '../../server/store/store'
import { makeClock } from './helpers/clock'
import { makeTempDir } from './helpers/temp-dir'

type Factory = (fixtures: Fixtures, options: StoreOptions, file?: string) => Promise<Store>

const temp = makeTempDir('zct-quiz-')
let fileSeq = 0
afterAll(() => temp.remove())

const factories: [string, Factory][] = [
  ['sqlite', async (f, options, file) => openStore({ kind: 'sqlite', file: file ?? join(temp.path, `q${fileSeq++}.db`), fixtures: f, ...options })],
]

/** q002 limited to 临海市 for the eligibility case; everything else as in the fixtures */
const quizFixtures: Fixtures = {
  ...fixtures,
  campaigns: fixtures.campaigns.map((c) => (c.id === 'q002' ? { ...c, rules: { ...c.rules, eligibleRegions: ['331082'] } } : c)),
}

const HAIMEN = '331002001003' // 椒江区 海门街道 城隍浦社区
const DAYANG = '331082001' // a 临海市 township
const MINUTE = 60_000

async function refusal(run: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await run()
  } catch (e) {
    if (e instanceof ApiError) return { status: e.statusCode, message: e.message }
    throw e
  }
  throw new Error('expected a refusal')
}

describe.each(factories)('%s quiz store', (_kind, make) => {
  // on the hour, so the fixtures' campaign dates (relative to the import time) hold
  const clock = makeClock(new Date())
  let store: Store
  let users: User[]
  const user = (n: number) => users[n]

  /** the display keys of the right answer of each question of an attempt, read from the key */
  async function rightAnswers(attempt: Attempt): Promise<Record<string, string[]>> {
    const keys = await store.quiz.questionKeys(attempt.questions.map((q) => q.id))
    return Object.fromEntries(
      attempt.questions.map((q) => {
        const key = keys.get(q.id)!
        const texts = key.answer.map((k) => key.options.find((o) => o.key === k)!.text)
        return [q.id, q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)]
      }),
    )
  }

  /** right answers for the first `n` questions, a wrong one for the rest */
  async function answersWith(attempt: Attempt, n: number): Promise<Record<string, string[]>> {
    const right = await rightAnswers(attempt)
    return Object.fromEntries(
      attempt.questions.map((q, i) => {
        if (i < n) return [q.id, right[q.id]]
        const wrong = q.options.map((o) => o.key).find((k) => !right[q.id].includes(k))!
        return [q.id, [wrong]]
      }),
    )
  }

  beforeEach(async () => {
    clock.set(new Date())
    store = await make(quizFixtures, { now: clock.now })
    users = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.auth.upsertUser({ provider: 'dev', externalId: `resident:u${i}`, nickname: `居民${i}`, role: 'resident' })),
    )
  })
  afterEach(() => store.close())

  describe('starting', () => {
    it('draws the campaign’s number of questions, shuffled, without any key, and saves the region', async () => {
      const { attempt, resumed } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      expect(resumed).toBe(false)
      expect(attempt.questions).toHaveLength(10)
      expect(new Set(attempt.questions.map((q) => q.topic)).size).toBeGreaterThanOrEqual(5)
      expect(Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)).toBe(10 * 20 * 1000)
      expect(JSON.stringify(attempt)).not.toMatch(/answer|explanation|correct|interpretation/i)
      expect(await store.quiz.getProfile(user(0).id)).toEqual({ regionCode: HAIMEN, hideName: false })
    })

    it('resumes the running attempt instead of starting a second one', async () => {
      const first = (await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })).attempt
      clock.advance(MINUTE)
      const again = await startAttempt(store, user(0), 'q001', {})
      expect(again.resumed).toBe(true)
      expect(again.attempt.id).toBe(first.id)
      expect(again.attempt.questions).toEqual(first.questions)
      expect(await campaignMe(store, user(0), 'q001')).toMatchObject({ attemptsToday: 1, attemptsLeftToday: 2, activeAttemptId: first.id })
    })

    it('refuses without a region, outside the eligible regions, before the start and after the end', async () => {
      expect(await refusal(async () => startAttempt(store, user(0), 'q001', {}))).toEqual({ status: 400, message: '请先选择所在地区' })
      expect(await refusal(async () => startAttempt(store, user(0), 'q002', { regionCode: HAIMEN }))).toEqual({
        status: 400,
        message: '您所在的地区不在本次竞赛范围内',
      })
      expect((await startAttempt(store, user(1), 'q002', { regionCode: DAYANG })).resumed).toBe(false)
      expect((await refusal(async () => startAttempt(store, user(0), 'q003', { regionCode: HAIMEN }))).status).toBe(409)
      expect(await refusal(async () => startAttempt(store, user(0), 'q004', { regionCode: HAIMEN }))).toEqual({
        status: 409,
        message: '竞赛已结束，可以查看排行榜和练习',
      })
      expect((await refusal(async () => startAttempt(store, user(0), 'nope', { regionCode: HAIMEN }))).status).toBe(404)
      expect((await refusal(async () => startAttempt(store, user(0), 'q001', { regionCode: '331002' }))).status).toBe(400)
    })

    it('allows the day’s attempts, then refuses until the next day in Beijing time', async () => {
      // start at 10:00 Beijing time of a day inside the campaign
      const day = new Date(Math.floor((Date.now() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000 + 10 * 3600_000)
      clock.set(day)
      for (let i = 0; i < 3; i++) {
        const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
        clock.advance(MINUTE)
        await submitAttempt(store, user(0), attempt.id, {})
      }
      expect(await refusal(async () => startAttempt(store, user(0), 'q001', {}))).toEqual({ status: 409, message: '今天的答题次数已用完，明天再来吧' })
      expect(await campaignMe(store, user(0), 'q001')).toMatchObject({ attemptsToday: 3, attemptsLeftToday: 0 })
      clock.set(new Date(day.getTime() + 14 * 3600_000)) // 00:00 the next day
      expect((await startAttempt(store, user(0), 'q001', {})).resumed).toBe(false)
    })
  })

  describe('submitting', () => {
    it('scores on the server through the attempt’s option order and returns the review', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      clock.advance(95_500)
      const { result, replayed } = await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 7))
      expect(replayed).toBe(false)
      expect(result).toMatchObject({ score: 70, correctCount: 7, total: 10, maxScore: 100, timeUsedSec: 95.5, rank: 1, countedScore: 70 })
      expect(result.review).toHaveLength(10)
      expect(result.review.filter((r) => r.isCorrect)).toHaveLength(7)
      // q001 runs: only what was chosen and whether it was right, never the key (review of issue 12, H1)
      for (const r of result.review) expect(Object.keys(r).sort()).toEqual(['chosen', 'id', 'isCorrect', 'options', 'stem', 'topic', 'type'])
      expect(result.keyWithheld).toEqual({ questions: 10, until: expect.any(String) })
      expect((await attemptView(store, user(0), attempt.id)).result?.score).toBe(70)
      // once every campaign using them has ended, the same review shows the keys and explanations
      const until = Date.parse(result.keyWithheld!.until!)
      clock.set(new Date(until + 3_600_000))
      const later = (await attemptView(store, user(0), attempt.id)).result!
      expect(later.keyWithheld).toBeUndefined()
      for (const r of later.review) expect(hasKey(r) && r.explanation.length > 5 && r.correct.length > 0).toBe(true)
      expect(later.review.filter((r) => r.isCorrect)).toHaveLength(7)
    })

    it('is idempotent: any resubmit answers the first result and scores nothing twice', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      clock.advance(MINUTE)
      const first = (await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 3))).result
      const mistakes = await mistakeBook(store, user(0))
      clock.advance(MINUTE)
      const replay = await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 3))
      const other = await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 10))
      expect(replay).toEqual({ result: first, replayed: true })
      expect(other).toEqual({ result: first, replayed: true })
      expect(await mistakeBook(store, user(0))).toEqual(mistakes)
      expect((await leaderboard(store, 'q001', 'county')).rows.find((r) => r.regionCode === '331002')).toMatchObject({ participants: 1 })
    })

    it('takes a submit within the grace, counting time only to the deadline', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      clock.set(new Date(Date.parse(attempt.deadline) + (GRACE_SEC - 1) * 1000))
      expect((await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 10))).result).toMatchObject({ score: 100, timeUsedSec: 200 })
    })

    it('refuses a submit after the deadline plus grace: the attempt expires and scores nothing', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      clock.set(new Date(Date.parse(attempt.deadline) + (GRACE_SEC + 1) * 1000))
      expect(await refusal(async () => submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 10)))).toEqual({
        status: 409,
        message: '答题时间已过，本次提交未被受理',
      })
      expect(await attemptView(store, user(0), attempt.id)).toMatchObject({ attempt: { status: 'expired' } })
      expect((await attemptView(store, user(0), attempt.id)).result).toBeUndefined()
      expect((await leaderboard(store, 'q001', 'person')).total).toBe(0)
      expect((await refusal(async () => submitAttempt(store, user(0), attempt.id, {}))).status).toBe(409)
      // and a new one may start (one of the day's three is used)
      expect((await startAttempt(store, user(0), 'q001', {})).resumed).toBe(false)
    })

    it('refuses answers outside the attempt, unknown options and two options for a single choice; nothing changes', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      const single = attempt.questions.find((q) => q.type !== 'multiple')!
      expect((await refusal(async () => submitAttempt(store, user(0), attempt.id, { qq999: ['A'] }))).message).toBe('答案中有不属于本次答题的题目')
      expect((await refusal(async () => submitAttempt(store, user(0), attempt.id, { [single.id]: ['Z'] }))).message).toBe('答案中有不存在的选项')
      expect((await refusal(async () => submitAttempt(store, user(0), attempt.id, { [single.id]: single.options.map((o) => o.key) }))).status).toBe(400)
      expect((await store.quiz.getAttempt(attempt.id))!.status).toBe('active')
      expect((await refusal(async () => submitAttempt(store, user(1), attempt.id, {}))).status).toBe(403)
    })
  })

  describe('boards', () => {
    async function play(n: number, campaign: string, right: number, seconds: number, region = HAIMEN) {
      const { attempt } = await startAttempt(store, user(n), campaign, { regionCode: region })
      clock.advance(seconds * 1000)
      return (await submitAttempt(store, user(n), attempt.id, await answersWith(attempt, right))).result
    }

    it('counts the best attempt on a best campaign and the latest on a latest one', async () => {
      await play(0, 'q001', 8, 60)
      await play(0, 'q001', 5, 30)
      expect((await campaignMe(store, user(0), 'q001')).counted?.score).toBe(80)
      await play(1, 'q002', 8, 60, DAYANG)
      await play(1, 'q002', 5, 30, DAYANG)
      expect((await campaignMe(store, user(1), 'q002')).counted?.score).toBe(50)
      expect((await leaderboard(store, 'q002', 'county')).rows.find((r) => r.regionCode === '331082')).toMatchObject({ participants: 1, averageScore: 50 })
    })

    it('ranks by score, then less time, then the earlier finish, with the caller’s row', async () => {
      await play(0, 'q001', 9, 100) // 90 in 100 s
      await play(1, 'q001', 9, 80) // 90 in 80 s
      await play(2, 'q001', 10, 190) // 100
      await play(3, 'q001', 9, 80) // 90 in 80 s, finished later than user 1
      const board = await leaderboard(store, 'q001', 'person', user(3))
      expect(board.rows.map((r) => [r.name, r.rank, r.score])).toEqual([
        ['居民2', 1, 100],
        ['居民1', 2, 90],
        ['居民3', 3, 90],
        ['居民0', 4, 90],
      ])
      expect(board.mine).toMatchObject({ rank: 3, name: '居民3', isMe: true, regionName: '椒江区 · 海门街道' })
      expect(board.rows[2].isMe).toBe(true)
      expect(board.total).toBe(4)
      expect((await leaderboard(store, 'q001', 'person', user(5))).mine).toBeUndefined()
    })

    it('hides the name of a participant who asks, on the board but not to themselves', async () => {
      await play(0, 'q001', 9, 100)
      await saveProfile(store, user(0).id, { hideName: true })
      expect((await leaderboard(store, 'q001', 'person')).rows[0].name).toBe(HIDDEN_NAME)
      expect((await leaderboard(store, 'q001', 'person', user(0))).mine?.name).toBe('居民0')
      await saveProfile(store, user(0).id, { hideName: false })
      expect((await leaderboard(store, 'q001', 'person')).rows[0].name).toBe('居民0')
    })

    it('ranks counties and townships per resident, leaving out those with nobody yet', async () => {
      await play(0, 'q001', 10, 60) // 椒江 海门
      await play(1, 'q001', 6, 60) // 椒江 海门
      await play(2, 'q001', 8, 60, '331022001') // 三门
      const counties = await leaderboard(store, 'q001', 'county', user(2))
      expect(counties.rows).toHaveLength(2)
      expect(counties).toMatchObject({ total: 2, regions: 9 })
      expect(counties.rows[0]).toMatchObject({ name: '三门县', participants: 1, averageScore: 80, residents: 335_000, rank: 1 })
      expect(counties.rows[1]).toMatchObject({ name: '椒江区', participants: 2, averageScore: 80 })
      expect(counties.rows[1].score).toBeCloseTo((160 * 10000) / 812_000, 1)
      expect(counties.mine).toMatchObject({ name: '三门县', isMe: true })
      const townships = await leaderboard(store, 'q001', 'township')
      expect(townships.rows.map((r) => r.name)).toEqual(['三门县 海游街道', '椒江区 海门街道'])
      expect(townships).toMatchObject({ total: 2, regions: 136 })
      expect(townships.rows.find((r) => r.regionCode === '331002001')).toMatchObject({ participants: 2, name: '椒江区 海门街道' })
    })
  })

  describe('practice and 错题本', () => {
    it('practises a topic without keys and gives instant feedback with the explanation', async () => {
      const qs = await practiceQuestions(store, user(0), { topic: 'yibao' })
      // the running campaigns' yibao questions are locked: practice draws the practice-only ones
      const open = fixtures.questions.filter((q) => q.topic === 'yibao' && q.campaignIds.length === 0).map((q) => q.id)
      expect(open.length).toBeGreaterThan(0)
      expect(qs.map((q) => q.id).sort()).toEqual(open.sort())
      expect(JSON.stringify(qs)).not.toMatch(/answer|explanation/)
      const key = (await store.quiz.questionKeys([qs[0].id])).get(qs[0].id)!
      const fb = await answerPractice(store, user(0), qs[0].id, key.answer)
      expect(fb).toMatchObject({ isCorrect: true, correct: [...key.answer].sort(), explanation: key.explanation, mistake: { inBook: false, removed: false } })
      expect((await refusal(async () => practiceQuestions(store, user(0), { topic: 'nope' }))).status).toBe(400)
    })

    it('collects wrong campaign answers grouped by policy, and two right answers in a row take one out', async () => {
      const { attempt } = await startAttempt(store, user(0), 'q001', { regionCode: HAIMEN })
      clock.advance(MINUTE)
      await submitAttempt(store, user(0), attempt.id, await answersWith(attempt, 7))
      const book = await mistakeBook(store, user(0))
      const items = book.flatMap((g) => g.items)
      expect(items).toHaveLength(3)
      for (const g of book) expect(g.policyTitle.length).toBeGreaterThan(3)
      expect(JSON.stringify(book)).not.toMatch(/answer|explanation/)
      // while q001 (or any campaign sharing them) runs, practice neither draws nor answers them
      expect(await practiceQuestions(store, user(0), { source: 'mistakes' })).toEqual([])
      expect((await refusal(async () => answerPractice(store, user(0), items[0].question.id, [items[0].question.options[0].key]))).status).toBe(403)

      // once every campaign using them has ended, the 错题本 is practised as usual
      const usedBy = new Set(items.flatMap((i) => fixtures.questions.find((q) => q.id === i.question.id)!.campaignIds))
      clock.set(new Date(Math.max(...[...usedBy].map((id) => Date.parse(fixtures.campaigns.find((c) => c.id === id)!.endsAt))) + 3_600_000))
      for (const g of book) {
        const redo = await practiceQuestions(store, user(0), { source: 'mistakes', policyId: g.policyId ?? 'none' })
        expect(redo.map((q) => q.id).sort()).toEqual(g.items.map((i) => i.question.id).sort())
      }
      const qid = items[0].question.id
      const key = (await store.quiz.questionKeys([qid])).get(qid)!
      const wrong = key.options.map((o) => o.key).find((k) => !key.answer.includes(k))!
      expect((await practiceQuestions(store, user(0), { source: 'mistakes' })).map((q) => q.id).sort()).toEqual(items.map((i) => i.question.id).sort())
      expect((await answerPractice(store, user(0), qid, key.answer)).mistake).toEqual({ inBook: true, streak: 1, removed: false })
      expect((await answerPractice(store, user(0), qid, [wrong])).mistake).toEqual({ inBook: true, streak: 0, removed: false })
      expect((await answerPractice(store, user(0), qid, key.answer)).mistake).toEqual({ inBook: true, streak: 1, removed: false })
      expect((await answerPractice(store, user(0), qid, key.answer)).mistake).toEqual({ inBook: false, streak: 0, removed: true })
      expect((await mistakeBook(store, user(0))).flatMap((g) => g.items)).toHaveLength(2)
    })

    it('puts a wrong practice answer in the book', async () => {
      const q = (await store.quiz.bankQuestions('zwgk')).find((x) => fixtures.questions.find((f) => f.id === x.id)!.campaignIds.length === 0)!
      const wrong = q.options.map((o) => o.key).find((k) => !q.answer.includes(k))!
      expect(await answerPractice(store, user(0), q.id, [wrong])).toMatchObject({ isCorrect: false, mistake: { inBook: true, streak: 0 } })
      expect((await mistakeBook(store, user(0)))[0].items[0]).toMatchObject({ question: { id: q.id }, wrongCount: 1 })
    })
  })
})

it('keeps attempts, standings and the 错题本 across a restart (sqlite)', async () => {
  const file = join(temp.path, 'restart.db')
  const clock = makeClock(new Date())
  const first = await openStore({ kind: 'sqlite', file, fixtures: quizFixtures, now: clock.now })
  const u = await first.auth.upsertUser({ provider: 'dev', externalId: 'resident:r', nickname: '居民', role: 'resident' })
  const { attempt } = await startAttempt(first, u, 'q001', { regionCode: HAIMEN })
  clock.advance(MINUTE)
  const result = (await submitAttempt(first, u, attempt.id, {})).result
  await first.close()
  const second = await openStore({ kind: 'sqlite', file, fixtures: quizFixtures, now: clock.now })
  expect((await attemptView(second, u, attempt.id)).result).toEqual(result)
  expect((await mistakeBook(second, u)).flatMap((g) => g.items)).toHaveLength(10)
  expect((await second.quiz.residentFigures())['331002']).toBe(812_000)
  await second.close()
})
