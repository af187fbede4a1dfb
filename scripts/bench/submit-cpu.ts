/**
 * CPU per quiz submit of two copies of the code in one process, alternating, so that the load of
 * other jobs on a shared machine falls on both alike (bench:quiz runs them one after the other,
 * minutes apart, and its figures swing more with that load than with a change). Each copy builds
 * its own app (server/app.ts) on its own database with PREPARED running attempts from its own
 * bulk loader; then blocks of BLOCK submits (app.inject, CONCURRENCY at a time, each a different
 * resident's attempt with its Idempotency-Key) alternate between the copies, ROUNDS times, and the
 * process's CPU time (user + system) per submit is printed per block, with the medians.
 * In-process: no HTTP parsing or sockets. BENCH_REDIS_URL=redis://… gives each copy's app Redis (a
 * prefix of its own, deleted afterwards), as every instance of a multi-instance deployment has it:
 * the boards are synced on start and each submit's standing put after its commit. On PostgreSQL the CPU of the backends serving
 * each copy's database is measured per block as well (scripts/bench/process-cpu.ts: each copy has
 * its own database, so its backends are its own); SQLite runs inside the process, so there it is in
 * the process's figure.
 *   npx tsx scripts/bench/submit-cpu.ts /path/to/before /path/to/after        (SQLite files)
 *   BENCH_TARGET=postgres npx tsx scripts/bench/submit-cpu.ts /path/to/before /path/to/after
 * A copy is a checkout of the repository (`git archive <commit> | tar -x -C dir`, node_modules
 * linked in). CPU_PROFILE=<file.cpuprofile> writes a V8 profile of the rounds (not the set-up or
 * the warm-up) for scripts/bench/profile-summary.ts: give the same copy twice to profile one.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { deleteKeys } from '../../server/redis/client'
import { BENCH_ADMIN_URL, createBenchDatabase, type BenchDatabase } from './postgres'
import { profileRounds } from './cpu-profile'
import { ProcessCpu } from './process-cpu'

const ROUNDS = Number(process.env.ROUNDS ?? 8)
const BLOCK = Number(process.env.BLOCK ?? 400)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16)
const WARMUP = Number(process.env.WARMUP ?? 400)
const PREPARED = WARMUP + ROUNDS * BLOCK + 100
const TARGET = process.env.BENCH_TARGET === 'postgres' ? 'postgres' : 'sqlite'
const CAMPAIGN = 'q001'
const REDIS_URL = process.env.BENCH_REDIS_URL

interface Copy {
  name: string
  /** the copy's PostgreSQL database (its backends' CPU is measured), if any */
  database?: string
  submit(): Promise<number>
  close(): Promise<void>
}

async function openCopy(root: string, n: number): Promise<Copy> {
  const { buildApp } = (await import(path.join(root, 'server/app.ts'))) as typeof import('../../server/app')
  const { openStore } = (await import(path.join(root, 'server/store/open-store.ts'))) as typeof import('../../server/store/open-store')
  const { fixtures } = (await import(path.join(root, 'mock/fixtures/index.ts'))) as typeof import('../../mock/fixtures')
  const { bulkLoadAttempts, campaignTemplate } = (await import(path.join(root, 'scripts/bench/bulk-load.ts'))) as typeof import('./bulk-load')
  const dir = mkdtempSync(path.join(tmpdir(), 'zct-submit-cpu-'))
  let database: BenchDatabase | undefined
  if (TARGET === 'postgres') database = await createBenchDatabase(`bench_submit_cpu_${process.pid}_${n}`)
  const store = await openStore(
    database ? { kind: 'postgres', databaseUrl: database.url, fixtures } : { kind: 'sqlite', file: path.join(dir, 'zct.db'), fixtures },
  )
  const template = await campaignTemplate(store, CAMPAIGN)
  const villages = store.regionTree().flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
  const { running } = await bulkLoadAttempts(store.database, {
    campaignId: CAMPAIGN,
    scoreCounts: template.scoreCounts,
    attempts: 10_000,
    perUser: 4,
    regions: villages,
    questions: template.questions,
    running: PREPARED,
    prefix: 'cpu-',
  })
  const redisPrefix = REDIS_URL ? `zct-submit-cpu-${process.pid}-${n}:` : undefined
  const app = buildApp({
    store,
    mode: 'sqlite',
    logger: true,
    logLevel: 'warn',
    rateLimit: false,
    responseCache: true,
    ...(REDIS_URL && redisPrefix ? { redis: { url: REDIS_URL, prefix: redisPrefix } } : {}),
  })
  await app.ready()
  if (REDIS_URL && app.redis) {
    const { Leaderboards } = (await import(path.join(root, 'server/redis/leaderboard.ts'))) as typeof import('../../server/redis/leaderboard')
    const boards = new Leaderboards(app.redis.client)
    while (!(await boards.isReady(CAMPAIGN))) await delay(100)
  }
  let next = 0
  return {
    name: root,
    ...(database ? { database: database.name } : {}),
    async submit() {
      const p = running[next++]
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/attempts/${p.attemptId}/submit`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `cpu-${p.attemptId}` },
        payload: template.submitBody,
      })
      return res.statusCode
    },
    async close() {
      await app.close()
      await store.close()
      if (REDIS_URL && redisPrefix) await deleteKeys(REDIS_URL, redisPrefix)
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `count` submits, `CONCURRENCY` at a time: CPU ms per submit of this process and of the copy's PostgreSQL backends */
async function block(copy: Copy, count: number): Promise<{ node: number; backends?: number }> {
  let left = count
  const backends = copy.database ? new ProcessCpu(() => [], { adminUrl: BENCH_ADMIN_URL, name: copy.database }) : undefined
  await backends?.start()
  const before = process.cpuUsage()
  const worker = async () => {
    while (left-- > 0) {
      const status = await copy.submit()
      if (status !== 200) throw new Error(`${copy.name}: submit answered ${status}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const used = process.cpuUsage(before)
  const db = await backends?.stop()
  return { node: (used.user + used.system) / 1000 / count, ...(db ? { backends: (db.seconds.postgres * 1000) / count } : {}) }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const roots = process.argv.slice(2).map((r) => path.resolve(r))
  if (roots.length !== 2) throw new Error('usage: submit-cpu.ts <before> <after>')
  const copies = [await openCopy(roots[0], 1), await openCopy(roots[1], 2)]
  try {
    for (const c of copies) await block(c, WARMUP)
    const per: number[][] = [[], []]
    const db: number[][] = [[], []]
    const stopProfile = await profileRounds()
    for (let r = 0; r < ROUNDS; r++) {
      // alternate which goes first, so neither always follows the other's garbage
      const order = r % 2 === 0 ? [0, 1] : [1, 0]
      for (const i of order) {
        const m = await block(copies[i], BLOCK)
        per[i].push(m.node)
        if (m.backends !== undefined) db[i].push(m.backends)
      }
      const backends = db[0].length ? `; PostgreSQL backends before ${db[0][r].toFixed(3)} ms, after ${db[1][r].toFixed(3)} ms` : ''
      console.log(
        `round ${r + 1}: before ${per[0][r].toFixed(3)} ms, after ${per[1][r].toFixed(3)} ms CPU per submit${backends} (load ${loadavg()[0].toFixed(1)})`,
      )
    }
    await stopProfile()
    const [b, a] = per.map(median)
    console.log(
      `${TARGET}: median CPU per submit, before ${b.toFixed(3)} ms, after ${a.toFixed(3)} ms (${(((a - b) / b) * 100).toFixed(1)} %); after faster in ${per[1].filter((x, i) => x < per[0][i]).length} of ${ROUNDS} rounds`,
    )
    if (db[0].length) {
      const [bd, ad] = db.map(median)
      console.log(
        `${TARGET}: median CPU per submit of the PostgreSQL backends, before ${bd.toFixed(3)} ms, after ${ad.toFixed(3)} ms (${(((ad - bd) / bd) * 100).toFixed(1)} %); after lower in ${db[1].filter((x, i) => x < db[0][i]).length} of ${ROUNDS} rounds`,
      )
    }
  } finally {
    for (const c of copies) await c.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
