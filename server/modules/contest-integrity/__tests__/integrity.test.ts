/**
 * The contest-integrity rules (pure) and their repository on SQLite in memory with the sample
 * fixtures: which questions are locked when and until when, a user's running questions, the stored
 * risk outcome, and that each read walks an index.
 */
import { sampleFixtures } from '../../../../test/api/helpers/sample-fixtures'
import { makeClock } from '../../../../test/api/helpers/clock'
import { GRACE_SEC } from '../../quiz/time'
import type { AttemptRecord } from '../../quiz/types'
import { type SqliteStore } from '../../../store/sqlite'
import { openStore } from '../../../store/open-store'
import { integrityOf } from '../repository'
import { keysRevealedAt, keyVerdict, maskName, practiceVerdict, riskOutcome, type QuestionLocks } from '../rules'

const set = (...ids: string[]) => new Set(ids)

describe('keyVerdict (practice and reviews)', () => {
  const locks = (l: string[], r: string[]): QuestionLocks => ({ locked: new Map(l.map((id) => [id, '2025-07-15T16:00:00.000Z'])), running: set(...r) })

  it('opens what no running or upcoming campaign uses', () => {
    expect(keyVerdict('q', locks([], []))).toBe('open')
  })
  it('locks a campaign question for everyone: no exception for a caller who saw it in a review', () => {
    expect(keyVerdict('q', locks(['q'], []))).toBe('locked')
    expect(practiceVerdict).toBe(keyVerdict)
  })
  it('refuses a question of a running attempt, locked or not', () => {
    expect(keyVerdict('q', locks(['q'], ['q']))).toBe('running')
    expect(keyVerdict('q', locks([], ['q']))).toBe('running')
  })
  it('reveals withheld keys at the end of the last campaign locking them', () => {
    const l: QuestionLocks = {
      locked: new Map([
        ['a', '2025-06-30T16:00:00.000Z'],
        ['b', '2025-07-15T16:00:00.000Z'],
      ]),
      running: set('c'),
    }
    expect(keysRevealedAt(['a'], l)).toBe('2025-06-30T16:00:00.000Z')
    expect(keysRevealedAt(['a', 'b', 'c'], l)).toBe('2025-07-15T16:00:00.000Z')
    expect(keysRevealedAt(['c'], l)).toBeUndefined()
  })
})

describe('maskName (prize list)', () => {
  it('keeps the first and last character, never the whole name', () => {
    expect(maskName('林小梅')).toBe('林*梅')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('王')).toBe('*')
    expect(maskName('居民1234')).toBe('居****4')
    expect(maskName('欧阳娜娜娜娜娜娜')).toBe('欧****娜')
  })
})

describe('riskOutcome', () => {
  it('flags from rank 3, passes below, and keeps an unanswered check unflagged', () => {
    expect(riskOutcome(0)).toEqual({ riskCheck: 'passed', riskRank: 0, prizeEligible: true })
    expect(riskOutcome(2)).toEqual({ riskCheck: 'passed', riskRank: 2, prizeEligible: true })
    expect(riskOutcome(3)).toMatchObject({ riskCheck: 'flagged', riskRank: 3, prizeEligible: false })
    expect(riskOutcome(4)).toMatchObject({ riskCheck: 'flagged', riskRank: 4, prizeEligible: false, flagReason: expect.stringContaining('4') })
    expect(riskOutcome(undefined)).toEqual({ riskCheck: 'unavailable', prizeEligible: true })
  })
})

describe('IntegrityRepository (SQLite)', () => {
  // sample campaigns: q-ended 05-01..05-31 (qq2), q-ongoing 06-01..06-30 (qq1), q-upcoming 06-16..07-15 (qq2)
  const clock = makeClock(new Date('2025-06-10T12:00:00+08:00'))
  let store: SqliteStore
  beforeAll(async () => {
    store = await openStore({ kind: 'memory', fixtures: sampleFixtures, now: clock.now })
  })
  afterAll(() => store.close())

  const attempt = (id: string, userId: string, status: AttemptRecord['status'], deadline: Date, questions: string[]): AttemptRecord => ({
    id,
    userId,
    campaignId: 'q-ongoing',
    startedAt: new Date(deadline.getTime() - 60_000).toISOString(),
    deadline: deadline.toISOString(),
    status,
    questions: questions.map((q) => ({ id: q, order: ['A', 'B'] })),
  })

  it('locks the questions of running and upcoming campaigns until the end of the last one using each, as the clock moves', async () => {
    const repo = integrityOf(store)
    const ids = async (now: Date) => [...(await repo.lockedQuestions(now)).keys()].sort()
    const endOf = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString() // a bare end date: the whole day in Beijing time
    expect(await ids(new Date('2025-05-10T12:00:00+08:00'))).toEqual(['qq1', 'qq2']) // q-ended running then, the others upcoming
    expect(await ids(clock.now())).toEqual(['qq1', 'qq2'])
    expect(Object.fromEntries(await repo.lockedQuestions(clock.now()))).toEqual({
      qq1: new Date('2025-06-30T00:00:00+08:00').toISOString(),
      qq2: endOf('2025-07-16'),
    })
    expect(await ids(new Date('2025-07-01T12:00:00+08:00'))).toEqual(['qq2']) // only q-upcoming, now running
    expect(await ids(new Date('2025-07-15T23:59:00+08:00'))).toEqual(['qq2'])
    // after the end, for as long as an attempt started just before it can still be submitted
    const rules = sampleFixtures.campaigns.find((c) => c.id === 'q-upcoming')!.rules
    const windowMs = (rules.questionsPerAttempt * rules.secondsPerQuestion + GRACE_SEC) * 1000
    const end = Date.parse('2025-07-16T00:00:00+08:00')
    expect(await ids(new Date(end))).toEqual(['qq2'])
    expect(await ids(new Date(end + windowMs - 1))).toEqual(['qq2'])
    expect(await ids(new Date(end + windowMs))).toEqual([])
  })

  it("knows a user's running questions (within the grace); nobody's review opens a locked question", async () => {
    const repo = integrityOf(store)
    const user = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:integrity', nickname: '居民', role: 'resident' })
    const other = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:other', nickname: '邻居', role: 'resident' })
    const now = clock.now()
    await store.quiz.insertAttempt(attempt('a-done', user.id, 'submitted', new Date(now.getTime() - 3_600_000), ['qq1']))
    await store.quiz.insertAttempt(attempt('a-run', user.id, 'active', new Date(now.getTime() + 60_000), ['qq2']))
    await store.quiz.insertAttempt(attempt('a-other', other.id, 'active', new Date(now.getTime() + 60_000), ['qq1']))
    expect([...(await repo.runningQuestions(user.id, now))]).toEqual(['qq2'])
    // past deadline + grace an active attempt can no longer be submitted: it locks nothing
    expect([...(await repo.runningQuestions(user.id, new Date(now.getTime() + 60_000 + 11_000)))]).toEqual([])

    expect(keyVerdict('qq1', await repo.locksFor(user.id, now))).toBe('locked') // submitted and reviewed: still locked
    expect(keyVerdict('qq2', await repo.locksFor(user.id, now))).toBe('running')
    expect(keyVerdict('qq1', await repo.locksFor(other.id, now))).toBe('running')
    expect(keyVerdict('qq2', await repo.locksFor(other.id, now))).toBe('locked')
  })

  it('stores the risk outcome on the attempt', async () => {
    const repo = integrityOf(store)
    expect(await repo.getIntegrity('a-done')).toEqual({ prizeEligible: true })
    await repo.saveRiskOutcome('a-done', riskOutcome(4))
    expect(await repo.getIntegrity('a-done')).toEqual({ riskCheck: 'flagged', riskRank: 4, flagReason: expect.any(String), prizeEligible: false })
    await repo.saveRiskOutcome('a-done', riskOutcome(undefined))
    expect(await repo.getIntegrity('a-done')).toEqual({ riskCheck: 'unavailable', prizeEligible: true })
    expect(await repo.getIntegrity('nope')).toBeUndefined()
  })

  it("reads a user's attempts through an index, never a scan of quiz_attempts", () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (store.database.sqlite!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const running = plan("SELECT questions, deadline FROM quiz_attempts WHERE user_id = ? AND status = 'active'", 'u')
    expect(running).toBe('SEARCH quiz_attempts USING INDEX quiz_attempts_one_active (user_id=?)')
  })
})
