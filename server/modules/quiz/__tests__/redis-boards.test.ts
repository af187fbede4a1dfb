/**
 * The boards served from Redis (REDIS_URL, default 127.0.0.1:6379, under a prefix of this run's
 * own, deleted afterwards) answer exactly what the database answers: one store, one app without
 * Redis and two with one Redis prefix (two instances behind nginx). Some submits land before the
 * Redis apps start (the sync on start must bring them), the rest alternate over the two instances,
 * with full ties (same score, time and finish), a better and a worse second attempt under `best`
 * and a worse one under `latest`. Every participant's person, county and township boards are then
 * equal on all three, and the Redis apps did not read the boards from the database.
 */
import type { AddressInfo } from 'node:net'
import Redis from 'ioredis'
import type { Attempt, AttemptResult, Leaderboard } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { makeClock } from '../../../../test/api/helpers/clock'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { buildApp } from '../../../app'
import { deleteKeys } from '../../../redis/client'
import { Leaderboards } from '../../../redis/leaderboard'
import type { App } from '../../../type-provider'
import { RESYNC_AFTER_MS } from '../boards'

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `zct-test-boards-${process.pid}-${Date.now()}:`
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))
/** villages and a township of two counties, so both regional boards have several rows */
const REGIONS = ['331002001003', '331002002001', '331002008', '331003001001', '331003107001']
const CAMPAIGNS = ['q001', 'q002'] as const

type Api = (path: string, init?: RequestInit) => Promise<Response>

function right(q: { id: string; options: { key: string; text: string }[] }): string[] {
  const seed = keyOf.get(q.id)!
  const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
  return q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)
}

function wrong(q: { id: string; options: { key: string; text: string }[] }): string[] {
  const r = right(q)
  return [q.options.map((o) => o.key).find((k) => !r.includes(k))!]
}

jest.setTimeout(60_000)

describe('quiz boards from Redis', () => {
  const clock = makeClock(new Date())
  let server: TestServer
  const apps: App[] = []
  let plain: Api
  let a: Api
  let b: Api
  const tokens: string[] = []
  let client: Redis
  let boards: Leaderboards

  async function redisApp(): Promise<Api> {
    const app = buildApp({ store: server.store, mode: 'sqlite', devLogin: true, rateLimit: false, redis: { url, prefix } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    apps.push(app)
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`
    return (path, init) => fetch(base + path, init)
  }

  const as = (who: number, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(who >= 0 ? { authorization: `Bearer ${tokens[who]}` } : {}) },
  })

  /** starts an attempt for each user (at one instant), then submits each with its number of right answers */
  async function round(via: (i: number) => Api, campaign: string, users: number[], rights: (user: number) => number, secondsUsed = 30) {
    const attempts: Attempt[] = []
    for (const [i, u] of users.entries()) {
      const res = await via(i)(`/campaigns/${campaign}/attempts`, as(u, postJson({ regionCode: REGIONS[u % REGIONS.length] })))
      expect(res.status).toBe(201)
      attempts.push((await res.json()) as Attempt)
    }
    clock.advance(secondsUsed * 1000)
    for (const [i, u] of users.entries()) {
      const attempt = attempts[i]
      const n = rights(u)
      const answers = Object.fromEntries(attempt.questions.map((q, j) => [q.id, j < n ? right(q) : wrong(q)]))
      const res = await via(i)(`/attempts/${attempt.id}/submit`, as(u, postJson({ answers })))
      expect(res.status).toBe(200)
      expect(((await res.json()) as AttemptResult).correctCount).toBe(n)
    }
    clock.advance(1000)
  }

  async function boardsOf(api: Api) {
    const out: Record<string, Leaderboard> = {}
    for (const campaign of CAMPAIGNS) {
      for (const scope of ['person', 'county', 'township']) {
        for (let who = -1; who < tokens.length; who++) {
          const res = await api(`/campaigns/${campaign}/leaderboard?scope=${scope}`, as(who))
          expect(res.status).toBe(200)
          out[`${campaign} ${scope} ${who}`] = (await res.json()) as Leaderboard
        }
      }
    }
    return out
  }

  async function untilReady() {
    const deadline = Date.now() + 10_000
    while (!(await Promise.all(CAMPAIGNS.map((c) => boards.isReady(c)))).every(Boolean)) {
      if (Date.now() > deadline) throw new Error('the Redis boards were not synced within 10 s')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false, now: clock.now })
    plain = server.api
    for (let i = 0; i < 24; i++) {
      const res = await plain('/auth/dev', postJson({ role: 'resident', name: `榜${String(i).padStart(2, '0')}` }))
      tokens.push(((await res.json()) as { token: string }).token)
    }
    client = new Redis(url, { keyPrefix: prefix, lazyConnect: true })
    boards = new Leaderboards(client)
  })

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()))
    await server?.close()
    client?.disconnect()
    await deleteKeys(url, prefix)
  })

  it('answers every board as the database does, after a sync on start and submits on either instance', async () => {
    // before any instance has Redis: only the database knows these (the sync must bring them)
    const scoreOf = (u: number) => [10, 8, 8, 5][u % 4]
    await round(() => plain, 'q001', [0, 1, 2, 3, 4, 5, 6, 7], scoreOf)
    await round(() => plain, 'q002', [0, 1, 2, 3], scoreOf, 40)

    a = await redisApp()
    b = await redisApp()
    await untilReady()

    const either = (i: number) => (i % 2 ? b : a)
    // full ties: the same right answers, at the same instants
    await round(either, 'q001', [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], scoreOf)
    await round(either, 'q001', [20, 21, 22, 23], () => 8, 45)
    // second attempts under `best`: 1 (8 → 10) moves up; 0 (10 → 5) stays where it was
    await round(either, 'q001', [1, 0], (u) => (u === 1 ? 10 : 5), 20)
    // under `latest`: 0 (10 → 5) moves down, 4 and 5 come in
    await round(either, 'q002', [0, 4, 5], (u) => (u === 0 ? 5 : 8))

    const expected = await boardsOf(plain)
    // the boards have ties to get right
    const top = expected['q001 person -1'].rows
    expect(top.length).toBe(24)
    expect(new Set(top.map((r) => r.rank)).size).toBeLessThan(top.length / 2)
    expect(expected['q001 person 1'].mine).toMatchObject({ rank: 1, score: 100 })
    expect(expected['q001 person 0'].mine).toMatchObject({ score: 100 })
    expect(expected['q002 person 0'].mine).toMatchObject({ score: 50 })
    expect(expected['q001 township -1'].rows.filter((r) => (r.participants ?? 0) > 0).length).toBe(REGIONS.length)

    const personBoard = jest.spyOn(server.store.quiz, 'personBoard')
    const regionTotals = jest.spyOn(server.store.quiz, 'regionTotals')
    try {
      expect(await boardsOf(a)).toEqual(expected)
      expect(await boardsOf(b)).toEqual(expected)
      // both instances answered from Redis, not from the database's board
      expect(personBoard).not.toHaveBeenCalled()
      expect(regionTotals).not.toHaveBeenCalled()
    } finally {
      personBoard.mockRestore()
      regionTotals.mockRestore()
    }
    expect(await boards.count('q001')).toBe(24)
    expect(await boards.count('q002')).toBe(6)
  })

  it('reads the database while a board is not synced, and syncs it on that first read', async () => {
    await boards.drop('q001')
    // the two instances' syncs on start raced for q001's lock: the one that lost it starts no sync
    // on a read within RESYNC_AFTER_MS of that (the winner's sync makes the board ready), so the
    // first read must come later than that, whichever instance lost
    await new Promise((resolve) => setTimeout(resolve, RESYNC_AFTER_MS + 100))
    const expected = await boardsOf(plain)
    const personBoard = jest.spyOn(server.store.quiz, 'personBoard')
    try {
      const first = await a('/campaigns/q001/leaderboard?scope=person', as(3))
      expect(await first.json()).toEqual(expected['q001 person 3'])
      expect(personBoard).toHaveBeenCalledTimes(1)
    } finally {
      personBoard.mockRestore()
    }
    await untilReady()
    expect(await boards.count('q001')).toBe(24)
    expect(await boardsOf(b)).toEqual(expected)
  })

  it('answers a submit on the other instance at once, though each keeps the top it read', async () => {
    const person = async (api: Api, who: number) => (await api('/campaigns/q001/leaderboard?scope=person', as(who))).json() as Promise<Leaderboard>
    await person(a, -1)
    await person(b, -1)
    // user 3 (5 of 10 so far) leads now, submitted on b; a's next read shows it
    await round(
      () => b,
      'q001',
      [3],
      () => 10,
      5,
    )
    const onA = await person(a, 3)
    expect(onA.rows[0]).toMatchObject({ rank: 1, score: 100, isMe: true })
    expect(onA).toEqual(await person(plain, 3))
    expect(await person(b, 7)).toEqual(await person(plain, 7))
  })
})
