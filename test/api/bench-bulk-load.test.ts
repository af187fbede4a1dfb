/**
 * The benchmarks' bulk loader (scripts/bench/bulk-load.ts), small: what it writes is what the quiz
 * service would have left. On SQLite and, under test:pg, on PostgreSQL:
 * - one standing per resident, by the campaign's rule; the score, second and region totals equal
 *   the sums over the standings (the board's ranks and totals read them);
 * - a 错题本 as the submits would have left it: the questions a resident got wrong in their last
 *   attempt are in it with that attempt's time and no streak, and nobody's book holds more wrong
 *   answers than their attempts had;
 * - the board over HTTP counts the loaded participants, and a loaded resident's rank equals a
 *   brute-force count of the standings ahead of theirs;
 * - a running attempt it made submits (200) with its session, once.
 */
import type { AttemptResult, Leaderboard } from '../../common/contract'
import { compareStandings } from '../../server/modules/quiz/standing'
import { bulkLoadAttempts, campaignTemplate } from '../../scripts/bench/bulk-load'
import { startTestServer, type TestServer } from './helpers/test-server'

jest.setTimeout(120_000)

const CAMPAIGN = 'q001'
const REGIONS = ['331002001003', '331002002001', '331003001001', '331081']

describe('bulk loader', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: false, responseCache: false })
  })
  afterAll(() => server.close())

  it('loads attempts, standings and totals as the service would leave them', async () => {
    const db = server.store.database.kysely
    const before = await db
      .selectFrom('quiz_standings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', CAMPAIGN)
      .executeTakeFirstOrThrow()
    const template = await campaignTemplate(server.store, CAMPAIGN)
    const loaded = await bulkLoadAttempts(server.store.database, {
      campaignId: CAMPAIGN,
      scoreCounts: template.scoreCounts,
      attempts: 203,
      perUser: 4,
      regions: REGIONS,
      questions: template.questions,
      running: 3,
      prefix: 'bl-',
    })
    expect(loaded).toMatchObject({ attempts: 203, standings: 51, users: 54 })

    const attempts = await db.selectFrom('quiz_attempts').selectAll().where('id', 'like', 'bl-a%').execute()
    expect(attempts).toHaveLength(203)
    const standings = await db.selectFrom('quiz_standings').selectAll().where('campaign_id', '=', CAMPAIGN).execute()
    expect(standings).toHaveLength(Number(before.n) + 51)

    // each loaded resident's standing is their best attempt (q001 counts the best)
    const byUser = new Map<string, typeof attempts>()
    for (const a of attempts) byUser.set(a.user_id, [...(byUser.get(a.user_id) ?? []), a])
    const asStanding = (a: (typeof attempts)[number]) => ({ score: a.score!, timeUsedMs: a.time_used_ms!, finishedAt: a.submitted_at! })
    for (const s of standings.filter((x) => x.user_id.startsWith('bl-'))) {
      const best = [...byUser.get(s.user_id)!].sort((x, y) => compareStandings(asStanding(x), asStanding(y)))[0]
      expect(s.attempt_id).toBe(best.id)
    }

    // the 错题本: the last attempt's wrong questions carry its time, streak 0; no more wrong than answered wrong
    const mistakes = await db.selectFrom('quiz_mistakes').selectAll().where('user_id', 'like', 'bl-u%').execute()
    expect(mistakes.length).toBe(loaded.mistakes)
    expect(mistakes.length).toBeGreaterThan(0)
    const questionIds = new Set(template.questions.map((q) => q.id))
    for (const [userId, own] of byUser) {
      const book = mistakes.filter((m) => m.user_id === userId)
      for (const m of book) expect(questionIds.has(m.question_id)).toBe(true)
      const last = [...own].sort((x, y) => x.submitted_at!.localeCompare(y.submitted_at!)).at(-1)!
      const wrongInLast = template.questions.length - last.correct_count!
      expect(book.filter((m) => m.last_wrong_at === last.submitted_at && m.streak === 0)).toHaveLength(wrongInLast)
      const wrongInAll = own.reduce((n, a) => n + template.questions.length - a.correct_count!, 0)
      expect(book.reduce((n, m) => n + m.wrong_count, 0)).toBeLessThanOrEqual(wrongInAll)
    }

    // the totals are the sums over every standing of the campaign
    const scoreCounts = new Map<number, number>()
    const timeCounts = new Map<string, number>()
    const regionTotals = new Map<string, [number, number]>()
    for (const s of standings) {
      scoreCounts.set(s.score, (scoreCounts.get(s.score) ?? 0) + 1)
      const key = `${s.score}:${Math.floor(s.time_used_ms / 1000)}`
      timeCounts.set(key, (timeCounts.get(key) ?? 0) + 1)
      for (const code of [s.county_code, s.township_code]) {
        if (!code) continue
        const r = regionTotals.get(code) ?? [0, 0]
        regionTotals.set(code, [r[0] + 1, r[1] + s.score])
      }
    }
    const scoreRows = await db.selectFrom('quiz_score_counts').selectAll().where('campaign_id', '=', CAMPAIGN).where('participants', '>', 0).execute()
    expect(new Map(scoreRows.map((r) => [r.score, Number(r.participants)]))).toEqual(scoreCounts)
    const timeRows = await db.selectFrom('quiz_time_counts').selectAll().where('campaign_id', '=', CAMPAIGN).where('participants', '>', 0).execute()
    expect(new Map(timeRows.map((r) => [`${r.score}:${r.time_sec}`, Number(r.participants)]))).toEqual(timeCounts)
    const regionRows = await db.selectFrom('quiz_region_totals').selectAll().where('campaign_id', '=', CAMPAIGN).where('participants', '>', 0).execute()
    expect(new Map(regionRows.map((r) => [r.region_code, [Number(r.participants), Number(r.score_sum)]]))).toEqual(regionTotals)

    // a running attempt submits with its session; the board counts everyone and ranks it by brute force
    const run = loaded.running[0]
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${run.token}` }
    const submit = () => server.api(`/attempts/${run.attemptId}/submit`, { method: 'POST', headers, body: template.submitBody })
    const first = await submit()
    expect(first.status).toBe(200)
    expect(((await first.json()) as AttemptResult).score).toBeGreaterThanOrEqual(0)
    expect((await submit()).status).toBe(200)
    const board = (await (await server.api(`/campaigns/${CAMPAIGN}/leaderboard?scope=person`, { headers })).json()) as Leaderboard
    const own = await db.selectFrom('quiz_standings').selectAll().where('campaign_id', '=', CAMPAIGN).where('user_id', '=', 'bl-r0').executeTakeFirstOrThrow()
    const mine = { score: own.score, timeUsedMs: own.time_used_ms, finishedAt: own.finished_at }
    const ahead = standings.filter((s) => compareStandings({ score: s.score, timeUsedMs: s.time_used_ms, finishedAt: s.finished_at }, mine) < 0).length
    expect(board.mine).toMatchObject({ rank: ahead + 1, isMe: true })
    expect(board.total).toBe(standings.length + 1)
  })
})
