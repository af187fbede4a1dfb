/**
 * The contest-integrity rules (pure) and their repository on SQLite in memory with the sample
 * fixtures: which questions are locked when, a user's running and reviewed questions, the stored
 * risk outcome, and that each read walks an index.
 */
import { sampleFixtures } from '../../../../test/api/helpers/sample-fixtures'
import { makeClock } from '../../../../test/api/helpers/clock'
import type { AttemptRecord } from '../../../quiz/types'
import { SqliteStore } from '../../../store/sqlite'
import { integrityOf } from '../repository'
import { practiceVerdict, riskOutcome, type QuestionLocks } from '../rules'

const set = (...ids: string[]) => new Set(ids)

describe('practiceVerdict', () => {
  const locks = (l: string[], r: string[], v: string[]): QuestionLocks => ({ locked: set(...l), running: set(...r), reviewed: set(...v) })

  it('opens what no running or upcoming campaign uses', () => {
    expect(practiceVerdict('q', locks([], [], []))).toBe('open')
  })
  it('locks a campaign question for a caller who never saw its answer', () => {
    expect(practiceVerdict('q', locks(['q'], [], []))).toBe('locked')
    expect(practiceVerdict('q', locks(['q'], [], ['q']))).toBe('open')
  })
  it('refuses a question of a running attempt, reviewed or not, locked or not', () => {
    expect(practiceVerdict('q', locks(['q'], ['q'], ['q']))).toBe('running')
    expect(practiceVerdict('q', locks([], ['q'], []))).toBe('running')
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
  beforeAll(() => {
    store = new SqliteStore({ file: ':memory:', fixtures: sampleFixtures, now: clock.now })
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

  it('locks the questions of running and upcoming campaigns, as the clock moves', () => {
    const repo = integrityOf(store)
    expect([...repo.lockedQuestions(new Date('2025-05-10T12:00:00+08:00'))].sort()).toEqual(['qq1', 'qq2']) // q-ended running then, the others upcoming
    expect([...repo.lockedQuestions(clock.now())].sort()).toEqual(['qq1', 'qq2'])
    expect([...repo.lockedQuestions(new Date('2025-07-01T12:00:00+08:00'))]).toEqual(['qq2']) // only q-upcoming, now running
    // a bare end date is the whole day in Beijing time: q-upcoming runs through 07-15
    expect([...repo.lockedQuestions(new Date('2025-07-15T23:59:00+08:00'))]).toEqual(['qq2'])
    expect([...repo.lockedQuestions(new Date('2025-07-16T00:00:00+08:00'))]).toEqual([])
  })

  it("knows a user's running (within the grace) and reviewed questions", () => {
    const repo = integrityOf(store)
    const user = store.upsertUser({ provider: 'dev', externalId: 'resident:integrity', nickname: '居民', role: 'resident' })
    const other = store.upsertUser({ provider: 'dev', externalId: 'resident:other', nickname: '邻居', role: 'resident' })
    const now = clock.now()
    store.quiz.insertAttempt(attempt('a-done', user.id, 'submitted', new Date(now.getTime() - 3_600_000), ['qq1']))
    store.quiz.insertAttempt(attempt('a-run', user.id, 'active', new Date(now.getTime() + 60_000), ['qq2']))
    store.quiz.insertAttempt(attempt('a-other', other.id, 'active', new Date(now.getTime() + 60_000), ['qq1']))
    expect([...repo.runningQuestions(user.id, now)]).toEqual(['qq2'])
    expect([...repo.reviewedQuestions(user.id)]).toEqual(['qq1'])
    expect(repo.wasReviewed(user.id, 'qq1')).toBe(true)
    expect(repo.wasReviewed(user.id, 'qq2')).toBe(false)
    expect(repo.wasReviewed(other.id, 'qq1')).toBe(false)
    // past deadline + grace an active attempt can no longer be submitted: it locks nothing
    expect([...repo.runningQuestions(user.id, new Date(now.getTime() + 60_000 + 11_000))]).toEqual([])

    const locks = repo.locksFor(user.id, now, ['qq1'])
    expect(practiceVerdict('qq1', locks)).toBe('open') // reviewed
    expect(practiceVerdict('qq2', repo.locksFor(user.id, now, ['qq2']))).toBe('running')
    expect(practiceVerdict('qq1', repo.locksFor(other.id, now, ['qq1']))).toBe('running')
    expect(practiceVerdict('qq2', repo.locksFor(other.id, now))).toBe('locked')
  })

  it('stores the risk outcome on the attempt', () => {
    const repo = integrityOf(store)
    expect(repo.getIntegrity('a-done')).toEqual({ prizeEligible: true })
    repo.saveRiskOutcome('a-done', riskOutcome(4))
    expect(repo.getIntegrity('a-done')).toEqual({ riskCheck: 'flagged', riskRank: 4, flagReason: expect.any(String), prizeEligible: false })
    repo.saveRiskOutcome('a-done', riskOutcome(undefined))
    expect(repo.getIntegrity('a-done')).toEqual({ riskCheck: 'unavailable', prizeEligible: true })
    expect(repo.getIntegrity('nope')).toBeUndefined()
  })

  it("reads a user's attempts through an index, never a scan of quiz_attempts", () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const running = plan("SELECT questions, deadline FROM quiz_attempts WHERE user_id = ? AND status = 'active'", 'u')
    const reviewed = plan(
      "SELECT 1 FROM quiz_attempts a, json_each(a.questions) j WHERE a.user_id = ? AND a.status = 'submitted' AND j.value ->> '$.id' = ? LIMIT 1",
      'u',
      'q',
    )
    expect(running).toBe('SEARCH quiz_attempts USING INDEX quiz_attempts_one_active (user_id=?)')
    expect(reviewed).toMatch(/^SEARCH a USING INDEX quiz_attempts_by_user \(user_id=\?\)/)
    expect(reviewed).not.toMatch(/SCAN a\b/)
  })
})
