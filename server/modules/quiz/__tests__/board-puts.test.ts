/**
 * The board puts of submits (issue 13): standings recorded together go to Redis in one put (one
 * script call, one round trip) and no submit is answered before the put carrying its standing was
 * answered. First with a recording stand-in for the Redis boards (when each put is sent, what it
 * carries, when each submit's wait ends), then on a real Redis (REDIS_URL, default
 * 127.0.0.1:6379, under a prefix of this run's own, deleted afterwards): the Redis commands a
 * submit costs are counted — one board put at most, nothing published (a submit changes nothing a
 * cache holds) — and the board equals the database's after concurrent submits.
 */
import type { AddressInfo } from 'node:net'
import type Redis from 'ioredis'
import type { Attempt, Leaderboard } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { buildApp } from '../../../app'
import { INVALIDATION_CHANNEL } from '../../../plugins/response-cache'
import { deleteKeys } from '../../../redis/client'
import { type BoardStanding, Leaderboards, type ScoreCounts } from '../../../redis/leaderboard'
import type { Store } from '../../../store/store'
import type { App } from '../../../type-provider'
import { RedisBoards } from '../boards'
import type { Standing } from '../types'

const standing = (userId: string, campaignId = 'q001'): Standing => ({
  campaignId,
  userId,
  attemptId: `a-${userId}`,
  score: 80,
  timeUsedMs: 30_000,
  finishedAt: '2026-01-01T00:00:00.000Z',
})

/** a Leaderboards whose puts are answered when the test says so */
function recordingBoards() {
  const puts: { campaignId: string; rule: ScoreCounts; userIds: string[]; answer: (error?: Error) => void }[] = []
  const boards = {
    put: (campaignId: string, rule: ScoreCounts, standings: readonly BoardStanding[]) =>
      new Promise<number>((resolve, reject) => {
        puts.push({ campaignId, rule, userIds: standings.map((s) => s.userId), answer: (error) => (error ? reject(error) : resolve(standings.length)) })
      }),
  }
  return { puts, boards: boards as unknown as Leaderboards }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('board puts of submits', () => {
  const log = { info: jest.fn(), warn: jest.fn() }
  beforeEach(() => jest.clearAllMocks())

  it('sends the standings of one turn in one put, and answers each submit only once that put was answered', async () => {
    const { puts, boards } = recordingBoards()
    const redisBoards = new RedisBoards({} as Store, boards, log)
    const settled: string[] = []
    const waits = ['u1', 'u2', 'u3'].map((u) => redisBoards.recorded('best', standing(u)).then(() => settled.push(u)))
    await turn()
    expect(puts.map((p) => p.userIds)).toEqual([['u1', 'u2', 'u3']])
    await turn()
    expect(settled).toEqual([])
    puts[0].answer()
    await Promise.all(waits)
    expect(settled).toEqual(['u1', 'u2', 'u3'])
  })

  it('keeps one put in flight per campaign: what is recorded meanwhile goes in the next, right after it', async () => {
    const { puts, boards } = recordingBoards()
    const redisBoards = new RedisBoards({} as Store, boards, log)
    const first = redisBoards.recorded('best', standing('u1'))
    await turn()
    let laterSettled = false
    const later = Promise.all([redisBoards.recorded('best', standing('u2')), redisBoards.recorded('best', standing('u3'))]).then(() => (laterSettled = true))
    await turn()
    await turn()
    expect(puts.map((p) => p.userIds)).toEqual([['u1']])
    puts[0].answer()
    await first
    expect(puts.map((p) => p.userIds)).toEqual([['u1'], ['u2', 'u3']])
    expect(laterSettled).toBe(false)
    puts[1].answer()
    await later
    expect(laterSettled).toBe(true)
  })

  it('puts each campaign and rule on its own', async () => {
    const { puts, boards } = recordingBoards()
    const redisBoards = new RedisBoards({} as Store, boards, log)
    const waits = [
      redisBoards.recorded('best', standing('u1', 'q001')),
      redisBoards.recorded('latest', standing('u2', 'q002')),
      redisBoards.recorded('best', standing('u3', 'q001')),
    ]
    await turn()
    expect(puts.map((p) => [p.campaignId, p.rule, p.userIds])).toEqual([
      ['q001', 'best', ['u1', 'u3']],
      ['q002', 'latest', ['u2']],
    ])
    for (const p of puts) p.answer()
    await Promise.all(waits)
  })

  it('logs a failed put once, without whose standings, and still answers the submits (the database holds them)', async () => {
    const { puts, boards } = recordingBoards()
    const redisBoards = new RedisBoards({} as Store, boards, log)
    const waits = [redisBoards.recorded('best', standing('u-secret-1')), redisBoards.recorded('best', standing('u-secret-2'))]
    await turn()
    puts[0].answer(new Error('Redis down'))
    await expect(Promise.all(waits)).resolves.toEqual([undefined, undefined])
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(JSON.stringify(log.warn.mock.calls[0][0])).not.toContain('u-secret')
    expect(log.warn.mock.calls[0][0]).toMatchObject({ campaignId: 'q001', standings: 2 })
  })

  it('waits on close for the puts waiting and in flight', async () => {
    const { puts, boards } = recordingBoards()
    const redisBoards = new RedisBoards({} as Store, boards, log)
    void redisBoards.recorded('best', standing('u1'))
    let closed = false
    const closing = redisBoards.close().then(() => (closed = true))
    await turn()
    expect(puts).toHaveLength(1)
    expect(closed).toBe(false)
    puts[0].answer()
    await closing
    expect(closed).toBe(true)
  })
})

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `zct-test-board-puts-${process.pid}-${Date.now()}:`
const keyOf = new Map(fixtures.questions.map((q) => [q.id, q]))

jest.setTimeout(60_000)

describe('Redis commands of a submit', () => {
  let server: TestServer
  let app: App
  let base: string
  /** every command the app's Redis connection sent, by name */
  const sent: string[] = []
  const published: string[] = []
  let watcher: Redis | undefined

  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, rateLimit: false })
    app = buildApp({ store: server.store, mode: 'sqlite', devLogin: true, rateLimit: false, redis: { url, prefix } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`
    // the board synced from the database (on ready), so that it is read from Redis
    const boards = new Leaderboards(app.redis!.client)
    for (const deadline = Date.now() + 10_000; !(await boards.isReady('q001'));) {
      if (Date.now() > deadline) throw new Error('the Redis board was not synced within 10 s')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const client = app.redis!.client
    const send = client.sendCommand.bind(client)
    client.sendCommand = ((command: { name: string }, stream?: unknown) => {
      sent.push(command.name)
      return send(command as Parameters<typeof send>[0], stream as Parameters<typeof send>[1])
    }) as typeof client.sendCommand
    // whatever is published on the invalidation channel, by any instance
    watcher = app.redis!.client.duplicate({ keyPrefix: '' })
    await watcher.subscribe(app.redis!.channel(INVALIDATION_CHANNEL))
    watcher.on('message', (_channel: string, message: string) => published.push(message))
  })

  afterAll(async () => {
    watcher?.disconnect()
    await app?.close()
    await server?.close()
    await deleteKeys(url, prefix)
  })

  const api = (path: string, init?: RequestInit) => fetch(base + path, init)

  /** n residents, each with a started attempt of q001 and its right answers */
  async function started(n: number) {
    const out: { token: string; attempt: Attempt; answers: Record<string, string[]> }[] = []
    for (let i = 0; i < n; i++) {
      const res = await api('/auth/dev', postJson({ role: 'resident', name: `批${out.length}-${Date.now() % 1000}` }))
      const { token } = (await res.json()) as { token: string }
      const start = await api('/campaigns/q001/attempts', {
        ...postJson({ regionCode: '331002001003' }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      })
      expect(start.status).toBe(201)
      const attempt = (await start.json()) as Attempt
      const answers = Object.fromEntries(
        attempt.questions.map((q) => {
          const seed = keyOf.get(q.id)!
          const texts = seed.answer.map((k) => seed.options.find((o) => o.key === k)!.text)
          return [q.id, q.options.filter((o) => texts.includes(o.text)).map((o) => o.key)]
        }),
      )
      out.push({ token, attempt, answers })
    }
    return out
  }

  const submit = (p: { token: string; attempt: Attempt; answers: Record<string, string[]> }) =>
    api(`/attempts/${p.attempt.id}/submit`, {
      ...postJson({ answers: p.answers }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `k-${p.attempt.id}` },
    })

  async function commandsOf(fn: () => Promise<void>) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    sent.length = 0
    published.length = 0
    await fn()
    // a message published would reach the watcher within milliseconds
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { sent: [...sent], published: [...published] }
  }

  it('costs a submit one board put and publishes nothing; a replay costs none', async () => {
    const [p] = await started(1)
    const first = await commandsOf(async () => expect((await submit(p)).status).toBe(200))
    expect(first.sent).toEqual(['evalsha'])
    expect(first.published).toEqual([])
    const replay = await commandsOf(async () => expect((await submit(p)).status).toBe(200))
    expect(replay.sent).toEqual([])
  })

  // How many of 12 concurrent submits share a put depends on how their commits interleave (on
  // SQLite one writer, whose group commit may answer them one by one on a loaded machine): what is
  // certain is at most one put each. That standings of one turn share a put, and that one put is
  // in flight per campaign, is shown with the recording stand-in above, deterministically.
  it('sends concurrent submits in at most one put each, and the board equals the database', async () => {
    const residents = await started(12)
    const { sent: commands, published: messages } = await commandsOf(async () => {
      const answers = await Promise.all(residents.map(submit))
      expect(answers.map((r) => r.status)).toEqual(residents.map(() => 200))
    })
    expect(messages).toEqual([])
    expect(commands.every((c) => c === 'evalsha')).toBe(true)
    expect(commands.length).toBeGreaterThanOrEqual(1)
    expect(commands.length).toBeLessThanOrEqual(residents.length)
    // each resident, on the instance with Redis and on the one without (the database's board)
    for (const p of residents.slice(0, 3)) {
      const auth = { headers: { authorization: `Bearer ${p.token}` } }
      const fromRedis = (await (await api('/campaigns/q001/leaderboard?scope=person', auth)).json()) as Leaderboard
      const fromDb = (await (await server.api('/campaigns/q001/leaderboard?scope=person', auth)).json()) as Leaderboard
      expect(fromRedis.mine).toBeDefined()
      expect(fromRedis).toEqual(fromDb)
    }
  })
})
