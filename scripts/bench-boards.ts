/**
 * The person board (top 100 + my rank + participants) with and without Redis, on one store with
 * BENCH_STANDINGS standings of campaign q001 inserted in bulk (users, submitted attempts,
 * standings and the count tables the database board reads, consistent with each other):
 *   - in process: `leaderboard(store, 'q001', 'person', viewer)` without and with the Redis boards;
 *   - over HTTP: GET /campaigns/q001/leaderboard?scope=person signed in, one request at a time,
 *     an app without Redis and one with it, on the same store.
 * The viewer ranks in the middle of the board. p50/p95/p99 and CPU ms per board of this process.
 *   BENCH_STANDINGS=100000 BENCH_REQUESTS=1000 REDIS_URL=redis://127.0.0.1:6379 npx tsx scripts/bench-boards.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import Redis from 'ioredis'
import type { Insertable } from 'kysely'
import { fixtures } from '../mock/fixtures'
import type { Region } from '../common/contract'
import { buildApp } from '../server/app'
import type { DB } from '../server/db/schema'
import { RedisBoards } from '../server/modules/quiz/boards'
import { leaderboard } from '../server/modules/quiz/service'
import { countyOf, townshipOf } from '../server/modules/quiz/regions'
import { deleteKeys } from '../server/redis/client'
import { Leaderboards } from '../server/redis/leaderboard'
import { DB_FILE_NAME } from '../server/store/sqlite'
import { openStore } from '../server/store/open-store'
import { loadQuickly } from './bench/batch'

const STANDINGS = Number(process.env.BENCH_STANDINGS ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const CAMPAIGN = 'q001'
const CHUNK = 500

function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const villages = (tree: Region[]) => tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/** runs `fn` REQUESTS times, one at a time, after a warm-up: wall ms percentiles and CPU ms per call */
async function measure(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await fn()
  const times: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < REQUESTS; i++) {
    const t = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  const used = process.cpuUsage(cpu)
  times.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(2).padStart(7)
  console.log(
    `${label.padEnd(34)} p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  p99 ${f(pct(times, 99))} ms  cpu ${f((used.user + used.system) / 1000 / REQUESTS)} ms/board`,
  )
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-bench-boards-'))
  const store = await openStore({ kind: 'sqlite', file: path.join(dataDir, DB_FILE_NAME), fixtures })
  const prefix = `zct-bench-boards-${process.pid}:`
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix })
  try {
    const codes = villages(store.regionTree())
    const random = seeded(13)
    const base = Date.now() - 3 * 86_400_000
    const db = store.quiz.executor
    const started = Date.now()

    // 1. bulk load, with the totals the database board reads computed here
    const scoreCounts = new Map<number, number>()
    const timeCounts = new Map<string, { score: number; sec: number; n: number }>()
    const regionTotals = new Map<string, { n: number; sum: number }>()
    await loadQuickly(store.database.sqlite!, async () => {
      for (let first = 0; first < STANDINGS; first += CHUNK) {
        const users: Insertable<DB['users']>[] = []
        const attempts: Insertable<DB['quiz_attempts']>[] = []
        const standings: Insertable<DB['quiz_standings']>[] = []
        for (let i = first; i < Math.min(STANDINGS, first + CHUNK); i++) {
          const id = `bench-${String(i).padStart(7, '0')}`
          const region = codes[Math.floor(random() * codes.length)]
          const county = countyOf(region) ?? null
          const township = townshipOf(region) ?? null
          // scores in tens and times in whole seconds (as a 10-question quiz gives): many ties
          const score = 10 * Math.floor(random() * 11)
          const timeUsedMs = 1000 * (30 + Math.floor(random() * 170))
          const startedAt = new Date(base + Math.floor(random() * 2 * 86_400_000))
          const finishedAt = new Date(startedAt.getTime() + timeUsedMs).toISOString()
          users.push({ id, provider: 'dev', external_id: `resident:${id}`, nickname: `居民${i}`, role: 'resident', created_at: startedAt.toISOString() })
          attempts.push({
            id: `a-${id}`,
            user_id: id,
            campaign_id: CAMPAIGN,
            started_at: startedAt.toISOString(),
            deadline: new Date(startedAt.getTime() + 200_000 + 30_000).toISOString(),
            status: 'submitted',
            questions: '[]',
            region_code: region,
            county_code: county,
            township_code: township,
            answers: '{}',
            score,
            correct_count: score / 10,
            time_used_ms: timeUsedMs,
            submitted_at: finishedAt,
          })
          standings.push({
            campaign_id: CAMPAIGN,
            user_id: id,
            attempt_id: `a-${id}`,
            score,
            time_used_ms: timeUsedMs,
            finished_at: finishedAt,
            county_code: county,
            township_code: township,
          })
          scoreCounts.set(score, (scoreCounts.get(score) ?? 0) + 1)
          const key = `${score}:${timeUsedMs / 1000}`
          timeCounts.set(key, { score, sec: timeUsedMs / 1000, n: (timeCounts.get(key)?.n ?? 0) + 1 })
          for (const code of [county, township]) {
            if (!code) continue
            const t = regionTotals.get(code) ?? { n: 0, sum: 0 }
            regionTotals.set(code, { n: t.n + 1, sum: t.sum + score })
          }
        }
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(users).execute()
          await trx.insertInto('quiz_attempts').values(attempts).execute()
          await trx.insertInto('quiz_standings').values(standings).execute()
        })
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('quiz_score_counts')
          .values([...scoreCounts].map(([score, n]) => ({ campaign_id: CAMPAIGN, score, participants: n })))
          .execute()
        const seconds = [...timeCounts.values()].map((t) => ({ campaign_id: CAMPAIGN, score: t.score, time_sec: t.sec, participants: t.n }))
        for (let i = 0; i < seconds.length; i += CHUNK)
          await trx
            .insertInto('quiz_time_counts')
            .values(seconds.slice(i, i + CHUNK))
            .execute()
        await trx
          .insertInto('quiz_region_totals')
          .values([...regionTotals].map(([code, t]) => ({ campaign_id: CAMPAIGN, region_code: code, participants: t.n, score_sum: t.sum })))
          .execute()
      })
    })
    await store.database.sqlite!.exec('ANALYZE')
    const loadSec = (Date.now() - started) / 1000

    // the viewer: the middle of the board
    const middle = await db
      .selectFrom('quiz_standings')
      .select('user_id')
      .where('campaign_id', '=', CAMPAIGN)
      .orderBy('score', 'desc')
      .orderBy('time_used_ms')
      .orderBy('finished_at')
      .offset(Math.floor(STANDINGS / 2))
      .limit(1)
      .executeTakeFirstOrThrow()
    const viewer = (await store.auth.getUser(middle.user_id))!
    const { token } = await store.auth.createSession({ userId: viewer.id })

    // 2. the Redis board, synced from the database as on start
    const log = { info: () => {}, warn: (o: object, m: string) => console.warn(m, o) }
    const boards = new RedisBoards(store, new Leaderboards(redis), log as never)
    const syncStarted = Date.now()
    await boards.sync(CAMPAIGN)
    const syncSec = (Date.now() - syncStarted) / 1000

    const plain = await leaderboard(store, CAMPAIGN, 'person', viewer)
    const fromRedis = await leaderboard(store, CAMPAIGN, 'person', viewer, boards)
    if (JSON.stringify(plain) !== JSON.stringify(fromRedis)) throw new Error('the Redis board differs from the database board')

    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    console.log(
      `loaded ${STANDINGS.toLocaleString()} standings of ${CAMPAIGN} in ${loadSec.toFixed(1)} s (SQLite, bulk); Redis sync ${syncSec.toFixed(1)} s; viewer rank ${plain.mine?.rank.toLocaleString()} of ${plain.total.toLocaleString()}; boards equal`,
    )
    console.log(`\nperson board, ${REQUESTS} each, one at a time:`)
    await measure('in process, database', () => leaderboard(store, CAMPAIGN, 'person', viewer))
    await measure('in process, Redis', () => leaderboard(store, CAMPAIGN, 'person', viewer, boards))

    for (const withRedis of [false, true]) {
      const app = buildApp({ store, mode: 'sqlite', rateLimit: false, ...(withRedis ? { redis: { url: REDIS_URL, prefix } } : {}) })
      await app.listen({ port: 0, host: '127.0.0.1' })
      if (withRedis) {
        // the app merges every board again on start: measure after that
        await new Promise((resolve) => setTimeout(resolve, 200))
        while ((await redis.exists(`lb:${CAMPAIGN}:sync`)) === 1) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/campaigns/${CAMPAIGN}/leaderboard?scope=person`
      const init = { headers: { authorization: `Bearer ${token}` } }
      await measure(`HTTP, ${withRedis ? 'Redis' : 'database'}`, async () => {
        const res = await fetch(url, init)
        if (res.status !== 200) throw new Error(`leaderboard: ${res.status}`)
        await res.arrayBuffer()
      })
      await app.close()
    }
    console.log(
      `load after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    await boards.close()
  } finally {
    redis.disconnect()
    await deleteKeys(REDIS_URL, prefix)
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
