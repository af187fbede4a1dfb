/**
 * The quiz's rules under concurrent requests of one user (the real server, requests in parallel):
 * one running attempt per user and campaign, the day's attempt limit, a submit scored exactly once,
 * and boards that move with the attempts. The service is asynchronous, so these requests do
 * interleave between their transactions; on PostgreSQL the user's row lock (repository.ts) keeps
 * the same answers.
 */
import type { Attempt, AttemptResult, CampaignMe, Leaderboard } from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

const HAIMEN = '331002001003'

describe('quiz under concurrent requests', () => {
  let server: TestServer
  let seq = 0

  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false })
  })
  afterAll(() => server.close())

  async function resident() {
    const res = await server.api('/auth/dev', postJson({ role: 'resident', name: `并发${seq++}` }))
    const { token } = (await res.json()) as { token: string }
    return (path: string, body?: unknown, key?: string) =>
      server.api(path, {
        ...(body === undefined ? {} : postJson(body)),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
        ...(body === undefined ? {} : { method: 'POST' }),
      })
  }

  const answersOf = (a: Attempt) => Object.fromEntries(a.questions.map((q) => [q.id, [q.options[0].key]]))

  it('starts one attempt for eight simultaneous starts: the others resume it', async () => {
    const call = await resident()
    const responses = await Promise.all(Array.from({ length: 8 }, () => call('/campaigns/q001/attempts', { regionCode: HAIMEN })))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Attempt).id)))
    expect(ids.size).toBe(1)
    const me = (await (await call('/campaigns/q001/me')).json()) as CampaignMe
    expect(me).toMatchObject({ attemptsToday: 1, activeAttemptId: [...ids][0] })
  })

  it('keeps the daily limit when four lanes start and submit as fast as they can', async () => {
    const call = await resident()
    const submitted = new Set<string>()
    const lane = async () => {
      for (let i = 0; i < 10; i++) {
        const start = await call('/campaigns/q001/attempts', { regionCode: HAIMEN })
        if (start.status === 409) return ((await start.json()) as { error: { message: string } }).error.message
        const attempt = (await start.json()) as Attempt
        const submit = await call(`/attempts/${attempt.id}/submit`, { answers: answersOf(attempt) }, `k-${attempt.id}-${i}`)
        expect(submit.status).toBe(200)
        submitted.add(attempt.id)
      }
      return 'never refused'
    }
    const outcomes = await Promise.all(Array.from({ length: 4 }, lane))
    expect(outcomes).toEqual(Array(4).fill('今天的答题次数已用完，明天再来吧'))
    expect(submitted.size).toBe(3)
    const me = (await (await call('/campaigns/q001/me')).json()) as CampaignMe
    expect(me).toMatchObject({ attemptsToday: 3, attemptsLeftToday: 0 })
  })

  it('scores a submit sent ten times at once exactly once, and the boards count it once', async () => {
    const call = await resident()
    const before = (await (await server.api('/campaigns/q001/leaderboard')).json()) as Leaderboard
    const county = (await (await server.api('/campaigns/q001/leaderboard?scope=county')).json()) as Leaderboard
    const haimenBefore = county.rows.find((r) => r.regionCode === '331002')!.participants ?? 0
    const attempt = (await (await call('/campaigns/q001/attempts', { regionCode: HAIMEN })).json()) as Attempt
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => call(`/attempts/${attempt.id}/submit`, { answers: answersOf(attempt) }, `k${i}`)))
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200))
    const replayed = responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')
    expect(replayed).toHaveLength(9)
    const results = (await Promise.all(responses.map((r) => r.json()))) as AttemptResult[]
    expect(new Set(results.map((r) => JSON.stringify({ score: r.score, submittedAt: r.submittedAt }))).size).toBe(1)

    const after = (await (await server.api('/campaigns/q001/leaderboard')).json()) as Leaderboard
    expect(after.total).toBe(before.total + 1)
    const countyAfter = (await (await server.api('/campaigns/q001/leaderboard?scope=county')).json()) as Leaderboard
    expect(countyAfter.rows.find((r) => r.regionCode === '331002')!.participants).toBe(haimenBefore + 1)
  })
})
