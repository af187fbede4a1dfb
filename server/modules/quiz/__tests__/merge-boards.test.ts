/**
 * An account merge (binding in the mini-program a mobile that an H5 account signed in with) and
 * the quiz boards, on the database and in Redis (REDIS_URL, default 127.0.0.1:6379, under a prefix
 * of this run's own, deleted afterwards); under test:pg on PostgreSQL + Redis.
 * - both took part in q001: the kept (WeChat) account's standing stays, the H5 one's leaves the
 *   board, and the participants and regional totals lose it, in the database and in Redis;
 * - only the H5 account took part in q002: its standing moves to the kept account, counted once;
 * - the Redis board answers what the database board answers, for both campaigns.
 */
import Redis from 'ioredis'
import type { Attempt, Leaderboard, Session, SmsSent } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { startFakeWechat, type FakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { deleteKeys } from '../../../redis/client'
import { Leaderboards } from '../../../redis/leaderboard'

jest.setTimeout(120_000)

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `zct-test-merge-${process.pid}-${Date.now()}:`
const MOBILE = '13612345678'
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))

const authed = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
})

/** the display keys of the right options (`right`), or of one wrong one */
function answer(q: Attempt['questions'][number], right: boolean): string[] {
  const seed = keyOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  const correct = q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
  return right ? correct : [q.options.map((o) => o.key).find((k) => !correct.includes(k))!]
}

describe('an account merge moves the quiz boards, in the database and in Redis', () => {
  let wx: FakeWechat
  let withRedis: TestServer
  let client: Redis

  beforeAll(async () => {
    wx = await startFakeWechat()
    const wechat = { appId: 'wx-test', secret: 'wx-secret', apiBase: wx.apiBase }
    withRedis = await startTestServer({ devLogin: true, rateLimit: false, responseCache: false, wechat, redis: { url, prefix } })
    client = new Redis(url, { keyPrefix: prefix, lazyConnect: true })
    await client.connect()
  })
  afterAll(async () => {
    await withRedis?.close()
    await wx?.close()
    await client?.quit()
    await deleteKeys(url, prefix)
  })

  const api = (path: string, init?: RequestInit) => withRedis.api(path, init)

  async function smsSignIn(mobile: string): Promise<Session> {
    const { devCode } = (await (await api('/auth/sms/send', postJson({ mobile }))).json()) as SmsSent
    return (await api('/auth/sms/verify', postJson({ mobile, code: devCode }))).json() as Promise<Session>
  }
  const miniLogin = async (code: string) => (await api('/auth/wechat', postJson({ code }))).json() as Promise<Session>
  async function take(token: string, campaign: string, regionCode: string, right: number) {
    const attempt = (await (await api(`/campaigns/${campaign}/attempts`, authed(token, postJson({ regionCode })))).json()) as Attempt
    const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, answer(q, i < right)]))
    const res = await api(`/attempts/${attempt.id}/submit`, authed(token, postJson({ answers })))
    expect(res.status).toBe(200)
  }
  const board = async (campaign: string, scope: string, token: string) =>
    (await (await api(`/campaigns/${campaign}/leaderboard?scope=${scope}`, authed(token))).json()) as Leaderboard

  it('drops the merged-away standing where both took part, moves it where only it did', async () => {
    const boards = new Leaderboards(client)
    // others on the boards, so ranks and totals mean something
    for (let i = 0; i < 3; i++) await take((await smsSignIn(`1370000000${i}`)).token, 'q001', '331002001003', 4 + i)
    const h5 = await smsSignIn(MOBILE)
    await take(h5.token, 'q001', '331003001001', 9) // 黄岩: the better score, but the kept account's stays
    await take(h5.token, 'q002', '331003001001', 5)
    const mini = await miniLogin('mini-merge')
    await take(mini.token, 'q001', '331002001003', 2) // 椒江
    // the Redis boards are synced (the start's sync, or a read's): poll until both are ready
    const deadline = Date.now() + 30_000
    for (const c of ['q001', 'q002']) {
      while (!(await boards.isReady(c))) {
        if (Date.now() > deadline) throw new Error(`board ${c} never became ready`)
        await board(c, 'person', mini.token)
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    const before = await board('q001', 'person', mini.token)
    expect(before.total).toBe(5)
    const huangyanBefore = (await board('q001', 'county', mini.token)).rows.find((r) => r.name.includes('黄岩'))

    const res = await api('/auth/phone', authed(mini.token, postJson({ code: `phone-${MOBILE}` })))
    expect(res.status).toBe(200)

    // q001: the H5 standing is gone from Redis and from the database's totals
    expect(await boards.rankOf('q001', h5.user.id)).toBeUndefined()
    expect(await boards.count('q001')).toBe(4)
    const after = await board('q001', 'person', mini.token)
    expect(after.total).toBe(4)
    expect(after.rows.map((r) => r.name)).not.toContain(h5.user.nickname)
    expect(after.mine).toMatchObject({ isMe: true, score: before.mine!.score })
    const huangyanAfter = (await board('q001', 'county', mini.token)).rows.find((r) => r.name.includes('黄岩'))
    expect(huangyanBefore).toBeDefined()
    expect(huangyanAfter?.participants ?? 0).toBe((huangyanBefore?.participants ?? 0) - 1)
    const db = withRedis.store.database.kysely
    const dbTotal = await db
      .selectFrom('quiz_score_counts')
      .select((eb) => eb.fn.sum<number>('participants').as('n'))
      .where('campaign_id', '=', 'q001')
      .executeTakeFirstOrThrow()
    expect(Number(dbTotal.n)).toBe(4)
    expect(Number((await withRedis.store.quiz.regionTotals('q001')).find((t) => t.regionCode === '331003')?.participants ?? 0)).toBe(
      (await boards.regionTotals('q001')).find((t) => t.regionCode === '331003')?.participants ?? 0,
    )

    // q002: the H5 standing now counts for the kept account, once
    expect(await boards.rankOf('q002', h5.user.id)).toBeUndefined()
    expect(await boards.rankOf('q002', mini.user.id)).toBe(1)
    const q002 = await board('q002', 'person', mini.token)
    expect(q002).toMatchObject({ total: 1, mine: { isMe: true, rank: 1 } })

    // Redis answers what the database answers
    for (const c of ['q001', 'q002']) {
      const fromRedis = await boards.board(c, 100, mini.user.id)
      const fromDb = await withRedis.store.quiz.personBoard(c, 100, mini.user.id)
      expect(fromRedis?.total).toBe(fromDb.total)
      expect(fromRedis?.top?.map((m) => m.userId)).toEqual(fromDb.top.map((m) => m.userId))
      expect(fromRedis?.mine?.ahead).toBe(fromDb.mine?.ahead)
      const byCode = (a: { regionCode: string }, b: { regionCode: string }) => (a.regionCode < b.regionCode ? -1 : 1)
      expect((await boards.regionTotals(c)).sort(byCode)).toEqual(
        (await withRedis.store.quiz.regionTotals(c)).map((t) => ({ ...t, participants: Number(t.participants), scoreSum: Number(t.scoreSum) })).sort(byCode),
      )
    }
  })
})
