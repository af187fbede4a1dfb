/**
 * Quiz submits grouped into shared transactions on PostgreSQL (submit-batch.ts), through the real
 * server with requests in parallel: every submit scored exactly once, totals summed right, the ranks
 * of a batch's submits those of the batch's order written one after the other, a bad submit
 * failing alone, and a batch costing two round trips. `serialAheads` (the rank correction) against a brute-force
 * recount, on both databases.
 */
import pg from 'pg'
import type { Attempt, AttemptResult } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { describePostgres } from '../../../../test/api/helpers/database'
import { envDuringBlock } from '../../../../test/api/helpers/env'
import { watchPgStatements } from '../../../../test/api/helpers/pg-statements'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { sessionKey } from '../../auth/session-token'
import { serialAheads, type SubmitWrite } from '../repository'
import { submitWithSession } from '../submit-batch'
import { compareStandings } from '../standing'
import type { Standing } from '../types'

const HAIMEN = '331002001003'
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))

/** answers with the first `right` questions right and the others wrong */
function answers(a: Attempt, right: number): Record<string, string[]> {
  return Object.fromEntries(
    a.questions.map((q, i) => {
      const seed = keyOf.get(q.id)!
      const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
      const correct = q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
      return [q.id, i < right ? correct : [q.options.map((o) => o.key).find((k) => !correct.includes(k))!]]
    }),
  )
}

describe('serialAheads', () => {
  const standing = (user: number, score: number, timeUsedMs: number, campaignId = 'c1'): Standing => ({
    campaignId,
    userId: `u${user}`,
    attemptId: `a${user}-${score}-${timeUsedMs}`,
    score,
    timeUsedMs,
    finishedAt: '2026-12-06T10:00:00.000Z',
  })
  const aheadIn = (board: Standing[], s: Standing) => board.filter((o) => o.campaignId === s.campaignId && compareStandings(o, s) < 0).length

  it('equals a recount after each write in turn, whatever moves and ties', () => {
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (let round = 0; round < 200; round++) {
      const board = new Map<string, Standing>()
      for (let u = 0; u < 30; u++) if (random(2)) board.set(`u${u}`, standing(u, random(5) * 10, random(4) * 1000, random(4) ? 'c1' : 'c2'))
      const writes: SubmitWrite[] = []
      const users = new Set<number>()
      for (let k = 0; k < 8; k++) {
        const u = random(30)
        if (users.has(u)) continue
        users.add(u)
        const previous = board.get(`u${u}`)
        const candidate = standing(u, random(5) * 10, random(4) * 1000, previous?.campaignId ?? 'c1')
        const next = previous && random(2) && compareStandings(previous, candidate) <= 0 ? previous : candidate
        writes.push({ attempt: { id: candidate.attemptId } as SubmitWrite['attempt'], previous, next, puts: [], removes: [] })
      }
      const snapshot = writes.map((w) => aheadIn([...board.values()], w.next))
      const expected = writes.map((w) => {
        board.set(w.next.userId, w.next)
        return aheadIn([...board.values()], w.next)
      })
      expect(serialAheads(writes, snapshot)).toEqual(expected)
    }
  })
})

describePostgres('quiz submits in shared transactions on PostgreSQL', () => {
  let server: TestServer
  let seq = 0
  let admin: pg.Client

  // batches, also when the suite runs with PG_SUBMIT_BATCH=0 (round-trips.test.ts runs both)
  envDuringBlock('PG_SUBMIT_BATCH', '1')
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false, responseCache: false })
    admin = new pg.Client({ connectionString: server.databaseUrl })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.end()
    await server?.close()
  })

  /** a new resident with a running attempt of q001 */
  async function running() {
    const res = await server.api('/auth/dev', postJson({ role: 'resident', name: `批量${seq++}` }))
    const { token, user } = (await res.json()) as { token: string; user: { id: string } }
    const started = await server.api('/campaigns/q001/attempts', postJson({ regionCode: HAIMEN }, { authorization: `Bearer ${token}` }))
    const attempt = (await started.json()) as Attempt
    const submit = (body: unknown, key = `k-${attempt.id}`) =>
      server.api(`/attempts/${attempt.id}/submit`, postJson(body, { authorization: `Bearer ${token}`, 'idempotency-key': key }))
    return { token, userId: user.id, attempt, submit }
  }

  const standingsOf = async () =>
    (
      await admin.query<Standing & { user_id: string }>(
        `SELECT user_id AS "userId", campaign_id AS "campaignId", attempt_id AS "attemptId", score, time_used_ms AS "timeUsedMs", finished_at AS "finishedAt"
         FROM quiz_standings WHERE campaign_id = 'q001'`,
      )
    ).rows

  it('scores many residents submitting at once exactly once and sums the totals', async () => {
    const before = await standingsOf()
    const residents = await Promise.all(Array.from({ length: 24 }, () => running()))
    const responses = await Promise.all(residents.map((r, i) => r.submit({ answers: answers(r.attempt, i % 6) })))
    expect(responses.map((r) => r.status)).toEqual(Array(24).fill(200))

    const after = await standingsOf()
    expect(after).toHaveLength(before.length + 24)
    const totals = await admin.query<{ n: number }>(`SELECT SUM(participants)::int AS n FROM quiz_score_counts WHERE campaign_id = 'q001'`)
    expect(totals.rows[0].n).toBe(after.length)
    const seconds = await admin.query<{ n: number }>(`SELECT SUM(participants)::int AS n FROM quiz_time_counts WHERE campaign_id = 'q001'`)
    expect(seconds.rows[0].n).toBe(after.length)
    const submitted = await admin.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM quiz_attempts WHERE id = ANY($1) AND status = 'submitted'`, [
      residents.map((r) => r.attempt.id),
    ])
    expect(submitted.rows[0].n).toBe(24)
  })

  it('answers each submit of a batch the rank it has once the submits before it in the batch are written', async () => {
    const before = await standingsOf()
    const residents = await Promise.all(Array.from({ length: 12 }, () => running()))
    // in one turn of the event loop, best scores first: the first opens a batch alone, the others
    // share the next in this order, and each later one must count the earlier ones ahead of it
    const results = await Promise.all(
      residents.map((r, i) => submitWithSession(server.store, sessionKey(r.token), r.attempt.id, answers(r.attempt, 5 - (i % 6)))),
    )
    const after = await standingsOf()
    const mine = residents.map((r) => after.find((s) => s.userId === r.userId)!)
    const serial = mine.map(
      (s, i) => 1 + before.filter((o) => compareStandings(o, s) < 0).length + mine.slice(0, i).filter((o) => compareStandings(o, s) < 0).length,
    )
    expect(results.map((r) => r.result.rank)).toEqual(serial)
  })

  it('scores one attempt sent at once with two sessions of its user once; the other replays it', async () => {
    const r = await running()
    const second = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: `批量${seq - 1}` }))).json()) as {
      token: string
      user: { id: string }
    }
    // the dev login of the same name signs the same resident in again: another session of one user
    expect(second.user.id).toBe(r.userId)
    const body = { answers: answers(r.attempt, 3) }
    const responses = await Promise.all([
      r.submit(body),
      server.api(`/attempts/${r.attempt.id}/submit`, postJson(body, { authorization: `Bearer ${second.token}`, 'idempotency-key': 'other' })),
      r.submit(body, 'third'),
    ])
    expect(responses.map((x) => x.status)).toEqual([200, 200, 200])
    expect(responses.filter((x) => x.headers.get('idempotent-replayed') === 'true')).toHaveLength(2)
    const results = (await Promise.all(responses.map((x) => x.json()))) as AttemptResult[]
    expect(new Set(results.map((x) => `${x.score} ${x.submittedAt} ${x.rank}`)).size).toBe(1)
    const rows = await admin.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM quiz_standings WHERE user_id = $1`, [r.userId])
    expect(rows.rows[0].n).toBe(1)
  })

  it('fails a bad submit alone: the others of its batch are scored', async () => {
    const residents = await Promise.all(Array.from({ length: 10 }, () => running()))
    const bad = residents[4]
    // a row the database refuses, for one resident only: the batch's write fails, then each runs alone
    await admin.query(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.user_id = '${bad.userId}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`)
    await admin.query('CREATE TRIGGER refuse_one BEFORE INSERT OR UPDATE ON quiz_standings FOR EACH ROW EXECUTE FUNCTION refuse_one()')
    try {
      const responses = await Promise.all(residents.map((r) => r.submit({ answers: answers(r.attempt, 2) })))
      expect(responses.map((r) => r.status)).toEqual(residents.map((r) => (r === bad ? 500 : 200)))
      const rows = await admin.query<{ id: string; status: string }>(`SELECT id, status FROM quiz_attempts WHERE id = ANY($1)`, [
        residents.map((r) => r.attempt.id),
      ])
      const status = new Map(rows.rows.map((x) => [x.id, x.status]))
      for (const r of residents) expect(status.get(r.attempt.id)).toBe(r === bad ? 'active' : 'submitted')
    } finally {
      await admin.query('DROP TRIGGER refuse_one ON quiz_standings')
      await admin.query('DROP FUNCTION refuse_one()')
    }
  })

  it('writes a batch of submits in two round trips', async () => {
    const residents = await Promise.all(Array.from({ length: 8 }, () => running()))
    const watch = watchPgStatements()
    let responses: Response[]
    try {
      responses = await Promise.all(residents.map((r) => r.submit({ answers: answers(r.attempt, 1) })))
    } finally {
      watch.restore()
    }
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200))
    // the first submit opens a batch alone, the seven that arrive meanwhile share the next: 2 batches,
    // each BEGIN + read, write + COMMIT (alone, the 8 would take 16 round trips)
    expect(watch.roundTrips()).toBeLessThanOrEqual(4)
    expect(watch.sent.length).toBeLessThanOrEqual(8)
  })
})
