/**
 * The signed-in person board (GET /campaigns/q001/leaderboard?scope=person: top 100 + my rank) of
 * two copies of the code in one process, alternating, as submit-cpu.ts does for submits: one
 * PostgreSQL database (BENCH_ATTEMPTS attempts of q001 from the bulk loader, 4 per resident) and
 * one Redis, each copy its own app (server/app.ts) with the Redis boards under a prefix of its own,
 * synced from the database before measuring. Then blocks of BLOCK requests, one at a time (as
 * bench:quiz's board phase), each by another resident, alternate between the copies ROUNDS times:
 * wall-clock p50/p95 per block and this process's CPU per request, with the medians over the blocks.
 * In-process (app.inject): no HTTP parsing or sockets; PostgreSQL's and Redis's own time is in the
 * wall clock, not in the CPU figure.
 *   BENCH_ATTEMPTS=1000000 npx tsx scripts/bench/board-ab.ts /path/to/before /path/to/after
 * CPU_PROFILE=<file.cpuprofile> writes a V8 profile of the rounds (profile-summary.ts).
 */
import { loadavg } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fixtures } from '../../mock/fixtures'
import { deleteKeys } from '../../server/redis/client'
import { Leaderboards } from '../../server/redis/leaderboard'
import { openStore } from '../../server/store/open-store'
import Redis from 'ioredis'
import { bulkLoadAttempts, campaignTemplate } from './bulk-load'
import { profileRounds } from './cpu-profile'
import { createBenchDatabase } from './postgres'

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000)
const ROUNDS = Number(process.env.ROUNDS ?? 8)
const BLOCK = Number(process.env.BLOCK ?? 300)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const CAMPAIGN = 'q001'
const VIEWERS = 2_000

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const roots = process.argv.slice(2).map((r) => path.resolve(r))
  if (roots.length !== 2) throw new Error('usage: board-ab.ts <before> <after>')
  const database = await createBenchDatabase(`bench_board_ab_${process.pid}`)
  const prefixes = roots.map((_, i) => `zct-bench-board-ab-${process.pid}-${i}:`)
  const closers: (() => Promise<unknown>)[] = []
  try {
    const store = await openStore({ kind: 'postgres', databaseUrl: database.url, fixtures })
    closers.push(() => store.close())
    const template = await campaignTemplate(store, CAMPAIGN)
    const villages = store.regionTree().flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
    const loaded = await bulkLoadAttempts(store.database, {
      campaignId: CAMPAIGN,
      scoreCounts: template.scoreCounts,
      attempts: ATTEMPTS,
      perUser: 4,
      regions: villages,
      questions: template.questions,
      running: VIEWERS,
      prefix: 'board-',
    })
    console.log(`loaded ${ATTEMPTS.toLocaleString('en')} attempts, ${loaded.standings.toLocaleString('en')} standings in ${(loaded.ms / 1000).toFixed(0)} s`)
    const tokens = loaded.running.map((r) => r.token)

    const copies: { root: string; board(): Promise<number> }[] = []
    for (const [i, root] of roots.entries()) {
      const { buildApp } = (await import(path.join(root, 'server/app.ts'))) as typeof import('../../server/app')
      const { openStore: openCopyStore } = (await import(path.join(root, 'server/store/open-store.ts'))) as typeof import('../../server/store/open-store')
      // the copy's own store on the one database (the app checks the store's class)
      const copyStore = await openCopyStore({ kind: 'postgres', databaseUrl: database.url, fixtures })
      closers.unshift(() => copyStore.close())
      const app = buildApp({
        store: copyStore,
        mode: 'sqlite',
        logger: true,
        logLevel: 'warn',
        rateLimit: false,
        responseCache: true,
        redis: { url: REDIS_URL, prefix: prefixes[i] },
      })
      await app.ready()
      closers.unshift(() => app.close())
      const client = new Redis(REDIS_URL, { keyPrefix: prefixes[i] })
      closers.unshift(async () => client.disconnect())
      const boards = new Leaderboards(client)
      const t0 = Date.now()
      while (!(await boards.isReady(CAMPAIGN))) {
        if (Date.now() - t0 > 300_000) throw new Error('Redis board not synced in 300 s')
        await delay(100)
      }
      console.log(`${root}: board synced to Redis in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
      let next = 0
      copies.push({
        root,
        async board() {
          const res = await app.inject({
            method: 'GET',
            url: `/api/v1/campaigns/${CAMPAIGN}/leaderboard?scope=person`,
            headers: { authorization: `Bearer ${tokens[next++ % tokens.length]}` },
          })
          if (res.statusCode !== 200) throw new Error(`${root}: board answered ${res.statusCode}`)
          return res.body.length
        },
      })
    }

    // the same answer from both (a resident's board, byte for byte)
    const a = await copies[0].board()
    const b = await copies[1].board()
    if (a !== b) console.log(`note: answers differ in length (${a} / ${b})`)

    const block = async (copy: (typeof copies)[number], n: number) => {
      const times: number[] = []
      const cpu = process.cpuUsage()
      for (let i = 0; i < n; i++) {
        const t = process.hrtime.bigint()
        await copy.board()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      const used = process.cpuUsage(cpu)
      times.sort((x, y) => x - y)
      return { p50: pct(times, 50), p95: pct(times, 95), cpu: (used.user + used.system) / 1000 / n }
    }
    for (const c of copies) await block(c, 100)
    const per: { p50: number; p95: number; cpu: number }[][] = [[], []]
    const stopProfile = await profileRounds()
    for (let r = 0; r < ROUNDS; r++) {
      for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) per[i].push(await block(copies[i], BLOCK))
      const [x, y] = [per[0][r], per[1][r]]
      console.log(
        `round ${r + 1}: before p50 ${x.p50.toFixed(2)} / p95 ${x.p95.toFixed(2)} ms, ${x.cpu.toFixed(3)} ms CPU; after p50 ${y.p50.toFixed(2)} / p95 ${y.p95.toFixed(2)} ms, ${y.cpu.toFixed(3)} ms CPU (load ${loadavg()[0].toFixed(1)})`,
      )
    }
    await stopProfile()
    for (const k of ['p50', 'p95', 'cpu'] as const) {
      const [x, y] = per.map((rows) => median(rows.map((m) => m[k])))
      const lower = per[1].filter((m, i) => m[k] < per[0][i][k]).length
      console.log(
        `${k}: median before ${x.toFixed(3)} ms, after ${y.toFixed(3)} ms (${(((y - x) / x) * 100).toFixed(1)} %); after lower in ${lower} of ${ROUNDS} rounds`,
      )
    }
  } finally {
    for (const close of closers) await close().catch(() => {})
    for (const p of prefixes) await deleteKeys(REDIS_URL, p).catch(() => {})
    await database.drop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
