/**
 * Round trips to PostgreSQL of a submit and of a start (issue 13): every statement the pg client
 * sends while the request runs is counted (BEGIN and COMMIT included), and so are the round trips
 * (test/api/helpers/pg-statements.ts). A submit that needs
 * more statements than SUBMIT_MAX or more round trips than SUBMIT_ROUND_TRIPS fails here, whoever
 * adds them: with submit batches (a submit alone is a batch of one, submit-batch.ts) and without
 * (PG_SUBMIT_BATCH=0: `submitAttemptWithSession`, the batch's read and write for one submit). Under
 * test:pg only.
 */
import type { Attempt, AttemptResult, Leaderboard } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { describePostgres } from '../../../../test/api/helpers/database'
import { envDuringBlock } from '../../../../test/api/helpers/env'
import { type PgStatements, watchPgStatements } from '../../../../test/api/helpers/pg-statements'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { submitAttempt } from '../service'

/** Submit: BEGIN, the session with the user's lock and the one read (migration 027), the one write, COMMIT (it took 15 before
 * issue 13, and 5 while the session lookup was a statement of its own). Start, with the request's session lookup: the campaign,
 * BEGIN, the lock, the one read, the settings saved (a new region), the attempt, COMMIT (was 11) */
const SUBMIT_MAX = 4
const START_MAX = 8
/** BEGIN with the session, the lock and the read; the write with COMMIT (5 before the pipelining, 3 with the session lookup apart) */
const SUBMIT_ROUND_TRIPS = 2
/** the campaign; BEGIN with the lock and the read; the settings; the attempt; COMMIT (8 before) */
const START_ROUND_TRIPS = 7
const HAIMEN = '331002001003'
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))

/** the display keys of the right options (`right`), or of one wrong one */
function answer(q: Attempt['questions'][number], right: boolean): string[] {
  const seed = keyOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  const correct = q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
  return right ? correct : [q.options.map((o) => o.key).find((k) => !correct.includes(k))!]
}

describePostgres.each([
  ['batched (PG_SUBMIT_BATCH=1)', '1'],
  ['alone (PG_SUBMIT_BATCH=0)', '0'],
])('round trips of the quiz on PostgreSQL, submits %s', (_mode, batchSwitch) => {
  let server: TestServer
  let seq = 0
  let watch: PgStatements

  envDuringBlock('PG_SUBMIT_BATCH', batchSwitch)
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false, responseCache: false })
    watch = watchPgStatements()
  })
  afterAll(async () => {
    watch?.restore()
    await server?.close()
  })

  /** the statements sent while `fn` runs */
  async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: string[]; roundTrips: number }> {
    watch.reset()
    const value = await fn()
    return { value, statements: [...watch.sent], roundTrips: watch.roundTrips() }
  }

  async function resident() {
    const res = await server.api('/auth/dev', postJson({ role: 'resident', name: `往返${seq++}` }))
    const { token } = (await res.json()) as { token: string }
    const call = (path: string, body?: unknown, key?: string) =>
      server.api(path, {
        ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
      })
    return Object.assign(call, { token })
  }

  async function startAndSubmit(right: (i: number) => boolean) {
    const call = await resident()
    const start = await counted(() => call('/campaigns/q001/attempts', { regionCode: HAIMEN }))
    expect(start.value.status).toBe(201)
    const attempt = (await start.value.json()) as Attempt
    const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, answer(q, right(i))]))
    const submit = await counted(() => call(`/attempts/${attempt.id}/submit`, { answers }, `rt-${attempt.id}`))
    expect(submit.value.status).toBe(200)
    const result = (await submit.value.json()) as AttemptResult
    return {
      call,
      attempt,
      answers,
      result,
      start: start.statements,
      submit: submit.statements,
      roundTrips: { start: start.roundTrips, submit: submit.roundTrips },
    }
  }

  it(`submits in at most ${SUBMIT_MAX} statements and starts in at most ${START_MAX}, and the result is still exact`, async () => {
    await startAndSubmit(() => true) // the caches (answer key, pools) are warm from here
    const { call, attempt, answers, result, start, submit, roundTrips: trips } = await startAndSubmit((i) => i % 2 === 0)
    // the figures of issue 13, in the test's output
    console.log(
      `start: ${start.length} statements in ${trips.start} round trips\n  ${start.join('\n  ')}\nsubmit: ${submit.length} statements in ${trips.submit} round trips\n  ${submit.join('\n  ')}`,
    )
    expect(submit.length).toBeLessThanOrEqual(SUBMIT_MAX)
    expect(start.length).toBeLessThanOrEqual(START_MAX)
    expect(trips.submit).toBeLessThanOrEqual(SUBMIT_ROUND_TRIPS)
    expect(trips.start).toBeLessThanOrEqual(START_ROUND_TRIPS)
    // and every one but BEGIN and COMMIT by name: PostgreSQL parses and plans it once per connection, not per submit
    expect(submit.filter((text) => !/^(begin|commit)$/i.test(text.trim()) && !watch.named.has(text))).toEqual([])
    // batched or not, the read is the batch's (a batch of one), the one read function of migration 027
    expect(submit.filter((text) => text.includes('quiz_submit_read'))).toEqual([expect.stringContaining('quiz_submit_read_batch(')])

    // what the fewer statements wrote: the same as the slow path answers
    expect(result.correctCount).toBe(Math.ceil(attempt.questions.length / 2))
    const view = (await (await call(`/attempts/${attempt.id}`)).json()) as { result: AttemptResult }
    expect(view.result).toEqual(result)
    const replay = await call(`/attempts/${attempt.id}/submit`, { answers }, `rt-${attempt.id}`)
    expect(await replay.json()).toEqual(result)
    const board = (await (await call('/campaigns/q001/leaderboard')).json()) as Leaderboard
    expect(board.mine).toMatchObject({ rank: result.rank, score: result.score })
  })

  it('submits for a caller that knows its user (submitAttempt) by statements, as on SQLite, with the same result', async () => {
    const call = await resident()
    const user = (await server.store.auth.getSession(call.token))!.user
    const attempt = (await (await call('/campaigns/q001/attempts', { regionCode: HAIMEN })).json()) as Attempt
    const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, answer(q, i < 4)]))
    const submit = await counted(() => submitAttempt(server.store, user, attempt.id, answers))
    // BEGIN with the lock; the attempt with its rules and standing; the 错题本's rows; the campaigns; the
    // running attempts; the write with COMMIT. No route submits this way (the route reads by its session)
    expect(submit.roundTrips).toBeLessThanOrEqual(6)
    expect(submit.value).toMatchObject({ replayed: false, result: { correctCount: 4 } })
    const view = (await (await call(`/attempts/${attempt.id}`)).json()) as { result: AttemptResult }
    expect(view.result).toEqual(submit.value.result)
    const replay = await call(`/attempts/${attempt.id}/submit`, { answers }, `user-${attempt.id}`)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(await replay.json()).toEqual(submit.value.result)
  })

  it('answers the rank the board shows after the one write, also when a latest attempt replaces a better one', async () => {
    // q002 counts the latest attempt: the rank is read in the write's snapshot, where the replaced
    // standing still stood, so a better standing replaced by a worse one must not count itself ahead
    const play = async (call: Awaited<ReturnType<typeof resident>>, rightCount: number) => {
      const attempt = (await (await call('/campaigns/q002/attempts', { regionCode: HAIMEN })).json()) as Attempt
      const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, answer(q, i < rightCount)]))
      const res = await call(`/attempts/${attempt.id}/submit`, { answers }, `rank-${attempt.id}`)
      expect(res.status).toBe(200)
      return (await res.json()) as AttemptResult
    }
    const mineOn = async (call: Awaited<ReturnType<typeof resident>>) => ((await (await call('/campaigns/q002/leaderboard')).json()) as Leaderboard).mine!.rank
    const [top, middle, same] = [await resident(), await resident(), await resident()]
    expect((await play(top, 10)).rank).toBe(await mineOn(top))
    const mid = await play(middle, 6)
    expect(mid.rank).toBe(await mineOn(middle))
    // the best one falls below the middle one: one place fewer ahead than the old standing's place would make it
    const fallen = await play(top, 2)
    expect(fallen.rank).toBe(await mineOn(top))
    expect(fallen.rank).toBeGreaterThan(await mineOn(middle))
    // the middle one again with the same score: rank unchanged or one lower (a later finish), as the board says
    const again = await play(middle, 6)
    expect(again.rank).toBe(await mineOn(middle))
    expect((await play(same, 6)).rank).toBe(await mineOn(same))
  })
})
