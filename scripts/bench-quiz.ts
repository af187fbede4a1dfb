/**
 * `npm run bench:quiz`: the quiz under load, side by side in one run, at each data size:
 *   - SQLite × 1 instance (the embedded default, `npm start`);
 *   - PostgreSQL + Redis × 2 instances (two `server/main.ts` processes on one database and one Redis
 *     prefix, autocannon's connections spread round-robin over the two, as nginx would).
 * For each size (BENCH_SIZES, default 100,000 and 1,000,000 submitted attempts of campaign q001,
 * 4 per resident) a fresh database gets the attempts from the bulk loader (scripts/bench/bulk-load.ts),
 * with PREPARED residents holding a session and a running attempt; then, with the real servers up
 * (and, on Redis, the boards synced):
 *   1. submits: POST /attempts/:id/submit, each request a different running attempt of a different
 *      resident with its Idempotency-Key, BENCH_DURATION s at BENCH_CONNECTIONS connections:
 *      submits/s, p50/p99 and the CPU per submit of each kind of process (scripts/bench/process-cpu.ts):
 *      the servers, PostgreSQL's backends of the bench database and its background processes,
 *      redis-server, this process (autocannon), and the whole machine — and from their sum, the
 *      submits/s the machine's cores could carry at best with nothing else running;
 *   2. boards: GET /campaigns/q001/leaderboard?scope=person|county|township as a signed-in resident
 *      (top 100 + my rank: never micro-cached), one request at a time (alternating the instances):
 *      p50/p95/p99.
 * Every database, file and Redis key it makes is removed afterwards: the SQLite files in a temp dir,
 * PostgreSQL's `bench_quiz_<pid>_<n>` (on BENCH_DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/postgres), Redis's `zct-bench-quiz-<pid>-<n>:` prefix (REDIS_URL).
 * Targets (issue 13): SQLite ≥ 1,135 submits/s; PostgreSQL + Redis × 2 ≥ 1,500 submits/s with
 * p99 ≤ 50 ms; person board p95 ≤ 10 ms at 1,000,000 attempts on Redis.
 *   BENCH_SIZES=100000,1000000 BENCH_TARGETS=sqlite,postgres BENCH_DURATION=10 BENCH_WARMUP=10 BENCH_CONNECTIONS=32 npm run bench:quiz
 * SQLite's group commit side by side: BENCH_SQLITE_GROUP_COMMIT=0,1 BENCH_ROUNDS=3 runs the SQLite
 * server with SQLITE_GROUP_COMMIT=0, then =1, alternating, BENCH_ROUNDS times on the one loaded
 * data set (a fresh process each run; the boards are measured after the last run only).
 * PostgreSQL's submit batches likewise: BENCH_PG_SUBMIT_BATCH=0,1 BENCH_ROUNDS=3 (PG_SUBMIT_BATCH,
 * server/modules/quiz/submit-batch.ts) on the two instances.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import Redis from 'ioredis'
import { fixtures } from '../mock/fixtures'
import type { Region } from '../common/contract'
import { deleteKeys } from '../server/redis/client'
import { Leaderboards } from '../server/redis/leaderboard'
import { DB_FILE_NAME } from '../server/store/sqlite'
import { openStore } from '../server/store/open-store'
import { BENCH_ADMIN_URL, createBenchDatabase, type BenchDatabase } from './bench/postgres'
import { accountedSeconds, ceilingPerSecond, type CpuBreakdown, describeBreakdown, KIND_LABEL, PROCESS_KINDS, ProcessCpu } from './bench/process-cpu'
import { bulkLoadAttempts, campaignTemplate } from './bench/bulk-load'
import { startProcess, type Running as Instance } from './bench/server-process'
import { submitRunner } from './bench/submit-run'

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number)
const TARGETS = (process.env.BENCH_TARGETS ?? 'sqlite,postgres').split(',') as Target[]
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
/**
 * seconds of submits before the measured ones: 10, not 3 — at ~500/s over two instances 3 s gave
 * each server ~800 submits, and TurboFan still took 15 % of its CPU in the measured window (perf,
 * node-submit helper); with 20 s Node's CPU per submit read 23–25 % lower than with 3 s
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10)
/**
 * 32, not 16: autocannon keeps this many submits in flight (a closed loop), so the rate it sees is
 * connections ÷ latency, and on PostgreSQL the more submits wait, the bigger each instance's next
 * batch and the less CPU a submit costs. At 16: 1,356–1,385/s, p99 19–21 ms, 1.18 ms of CPU a
 * submit in all; at 32: 1,744–1,802/s, p99 31–33 ms, 0.92 ms; 48 and 64 add rate and p99 together
 * (2026-12-06, 100,000 attempts, README Performance). 32 shows what two instances carry within the
 * target's p99 of 50 ms
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const BOARD_REQUESTS = Number(process.env.BENCH_LEADERBOARD_REQUESTS ?? 600)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
/** attempts per loaded resident: 4 over 4 days, within the daily limit of 3 */
const PER_USER = 4
/** running attempts for the submit phase: more than a run can use at 3,000/s */
const PREPARED = Math.max(5_000, (DURATION + WARMUP) * 3_000)
/** each target's variants × rounds run on one data set: running attempts for each, at up to 2,500/s */
const preparedFor = (target: Target) => Math.max(PREPARED, VARIANTS[target].length * ROUNDS * (DURATION + WARMUP) * 2_500)
/** the switch each target's variants set: SQLite's group commit, PostgreSQL's submit batches */
const SWITCH = { sqlite: 'SQLITE_GROUP_COMMIT', postgres: 'PG_SUBMIT_BATCH' } as const
/** values of the switch to alternate ('' = the server's default, alone) */
const VARIANTS = {
  sqlite: (process.env.BENCH_SQLITE_GROUP_COMMIT ?? '').split(','),
  postgres: (process.env.BENCH_PG_SUBMIT_BATCH ?? '').split(','),
}
const ROUNDS = Object.values(VARIANTS).some((v) => v.length > 1 || v[0] !== '') ? Number(process.env.BENCH_ROUNDS ?? 1) : 1
/**
 * BENCH_MISTAKES=0: the loaded residents have no 错题本 and quiz_mistakes is never analyzed, as in a
 * deployment's first campaign (scripts/bench/bulk-load.ts); default: the 错题本 their attempts left
 */
const LOAD_MISTAKES = process.env.BENCH_MISTAKES !== '0'
const CAMPAIGN = 'q001'
const SCOPES = ['person', 'county', 'township'] as const

type Target = 'sqlite' | 'postgres'
const LABEL: Record<Target, string> = { sqlite: 'SQLite × 1', postgres: 'PostgreSQL + Redis × 2' }

interface Row {
  size: number
  target: Target
  /** the target's switch (SWITCH) in this run, and which round ('' = the default, one run) */
  variant: string
  round: number
  loadSec: number
  submitsPerSec: number
  p50: number
  p99: number
  failed: number
  cpuMsPerSubmit?: number
  /** CPU per submit by kind of process, ms (undefined off Linux) */
  cpu?: { breakdown: CpuBreakdown; requests: number }
  boards?: Record<(typeof SCOPES)[number], { p50: number; p95: number; p99: number }>
  loadAverage: string
}

function villages(tree: Region[]): string[] {
  return tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

let runs = 0

/** one size on one target: load, start, measure (each SQLite variant, alternating), clean up */
async function measure(size: number, target: Target): Promise<Row[]> {
  const n = ++runs
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-bench-quiz-'))
  const prefix = `zct-bench-quiz-${process.pid}-${n}:`
  const instances: Instance[] = []
  let redis: Redis | undefined
  let database: BenchDatabase | undefined
  try {
    if (target === 'postgres') database = await createBenchDatabase(`bench_quiz_${process.pid}_${n}`)
    const url = database?.url
    // 1. the data set, through the bulk loader
    const store = await openStore(
      target === 'postgres' ? { kind: 'postgres', databaseUrl: url, fixtures } : { kind: 'sqlite', file: path.join(dataDir, DB_FILE_NAME), fixtures },
    )
    const template = await campaignTemplate(store, CAMPAIGN)
    const loaded = await bulkLoadAttempts(store.database, {
      campaignId: CAMPAIGN,
      scoreCounts: template.scoreCounts,
      attempts: size,
      perUser: PER_USER,
      regions: villages(store.regionTree()),
      questions: template.questions,
      running: preparedFor(target),
      prefix: 'bench-',
      mistakes: LOAD_MISTAKES,
    })
    // a resident in the middle of the loaded ones looks at the boards
    const viewer = (await store.auth.createSession({ userId: `bench-u${Math.floor(loaded.standings / 2)}` })).token
    await store.close()
    const loadSec = loaded.ms / 1000
    console.log(
      `\n[${LABEL[target]}, ${size.toLocaleString()} attempts] loaded ${loaded.attempts.toLocaleString()} attempts, ${loaded.standings.toLocaleString()} participants, ${loaded.mistakes.toLocaleString()} 错题本 rows, ${preparedFor(target).toLocaleString()} running attempts in ${loadSec.toFixed(1)} s`,
    )

    // 2. the servers: fresh processes per variant and round, alternating, on the one data set
    const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_MODE: 'sqlite', STATIC_DIR: path.join(dataDir, 'no-h5') }
    if (target === 'postgres') Object.assign(env, { DATABASE_URL: database!.url, REDIS_URL, REDIS_PREFIX: prefix, WORKERS: '1' })
    const variants = VARIANTS[target]
    const runs = Array.from({ length: variants.length > 1 || variants[0] !== '' ? ROUNDS : 1 }, (_, r) =>
      variants.map((variant) => ({ variant, round: r + 1 })),
    ).flat()
    const rows: Row[] = []
    const submits = submitRunner(loaded.running, template.submitBody, CONNECTIONS)
    for (const [runIndex, run] of runs.entries()) {
      const last = runIndex === runs.length - 1
      const runEnv = run.variant === '' ? env : { ...env, [SWITCH[target]]: run.variant }
      if (run.variant !== '') console.log(`  round ${run.round}, ${SWITCH[target]}=${run.variant}:`)
      if (target === 'postgres') {
        // one after the other: the first applies the schema's migrations, the second finds them
        instances.push(await startProcess('server/main.ts', runEnv, '/api/v1/health'))
        instances.push(await startProcess('server/main.ts', runEnv, '/api/v1/health'))
        await redis?.quit()
        redis = new Redis(REDIS_URL, { keyPrefix: prefix })
        const boards = new Leaderboards(redis)
        const started = Date.now()
        while (!(await boards.isReady(CAMPAIGN))) {
          if (Date.now() - started > 600_000) throw new Error('the Redis board was not synced within 10 minutes')
          await delay(200)
        }
        console.log(`  Redis boards synced from PostgreSQL ${((Date.now() - started) / 1000).toFixed(1)} s after both instances were up`)
      } else {
        instances.push(await startProcess('server/main.ts', runEnv, '/api/v1/health'))
      }

      // 3. submits: WARMUP s not measured (the JIT, lazily built serializers, statement caches,
      // pools), then DURATION s measured, each on fresh running attempts
      const urls = instances.map((i) => i.url)
      const before = submits.taken()
      await submits.run(urls, WARMUP)
      const warmed = submits.taken() - before
      const load = loadAverage()
      const cpu = new ProcessCpu(() => instances.map((i) => i.child.pid), database ? { adminUrl: BENCH_ADMIN_URL, name: database.name } : undefined)
      await cpu.start()
      const result = await submits.run(urls, DURATION)
      const breakdown = await cpu.stop()
      const failed = result.non2xx + result.errors + result.timeouts
      const requests = result.requests.total
      const cpuMsPerSubmit = requests > 0 && breakdown.seconds.servers > 0 ? (breakdown.seconds.servers * 1000) / requests : undefined
      console.log(
        `  submits: ${Math.round(result.requests.average).toLocaleString()}/s (total ${result.requests.total.toLocaleString()}, non-2xx/errors ${failed}; after ${warmed.toLocaleString()} warm-up submits), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms` +
          (cpuMsPerSubmit !== undefined ? `, server CPU ${cpuMsPerSubmit.toFixed(2)} ms per submit` : '') +
          `; load average before ${load}`,
      )
      if (requests > 0) {
        console.log(`  ${describeBreakdown(breakdown, requests)}`)
        console.log(
          `  at best ${Math.round(ceilingPerSecond(breakdown, requests, cpus().length)).toLocaleString()} submits/s on ${cpus().length} cores with nothing else running (all the processes above, the load generator included)`,
        )
      }
      if (submits.taken() > loaded.running.length)
        console.log(`  note: ${submits.taken() - loaded.running.length} requests replayed an already submitted attempt (raise PREPARED)`)

      // 4. boards (after the last run), one request at a time, signed in, alternating the instances
      let boards: Row['boards']
      if (last) {
        boards = {} as NonNullable<Row['boards']>
        for (const scope of SCOPES) {
          const times: number[] = []
          for (let i = 0; i < BOARD_REQUESTS; i++) {
            const base = instances[i % instances.length].url
            const t = process.hrtime.bigint()
            const res = await fetch(`${base}/api/v1/campaigns/${CAMPAIGN}/leaderboard?scope=${scope}`, { headers: { authorization: `Bearer ${viewer}` } })
            const text = await res.text()
            times.push(Number(process.hrtime.bigint() - t) / 1e6)
            if (res.status !== 200) throw new Error(`leaderboard ${scope}: ${res.status} ${text}`)
          }
          const sorted = times.slice(20).sort((a, b) => a - b) // the first requests warm the JIT
          boards[scope] = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) }
          console.log(
            `  ${scope.padEnd(8)} board: p50 ${boards[scope].p50.toFixed(2)} ms, p95 ${boards[scope].p95.toFixed(2)} ms, p99 ${boards[scope].p99.toFixed(2)} ms`,
          )
        }
      } else {
        for (const i of instances.splice(0)) await i.stop()
      }
      rows.push({
        size,
        target,
        ...run,
        loadSec,
        submitsPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed,
        ...(cpuMsPerSubmit !== undefined ? { cpuMsPerSubmit } : {}),
        ...(requests > 0 ? { cpu: { breakdown, requests } } : {}),
        ...(boards ? { boards } : {}),
        loadAverage: load,
      })
    }
    return rows
  } finally {
    for (const i of instances) await i.stop()
    await redis?.quit()
    if (target === 'postgres') await deleteKeys(REDIS_URL, prefix)
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main() {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load average ${loadAverage()} (other processes share these cores)`,
  )
  console.log(`${CONNECTIONS} connections × ${DURATION} s of submits; ${BOARD_REQUESTS} board requests per scope`)
  const rows: Row[] = []
  for (const size of SIZES) for (const target of TARGETS) rows.push(...(await measure(size, target)))

  const ms = (n: number) => n.toFixed(1)
  const setup = (r: Row) => `${LABEL[r.target]}${r.variant === '' ? '' : `, ${SWITCH[r.target]}=${r.variant} (round ${r.round})`}`
  console.log('\n| attempts | setup | load (bulk) | submits/s | submit p50 / p99 | CPU per submit | person p50 / p95 | county p95 | township p95 | load avg |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  for (const r of rows) {
    const b = r.boards
    console.log(
      `| ${r.size.toLocaleString()} | ${setup(r)} | ${r.loadSec.toFixed(0)} s | ${Math.round(r.submitsPerSec).toLocaleString()}${r.failed ? ` (${r.failed} failed)` : ''} | ${r.p50} / ${r.p99} ms | ${r.cpuMsPerSubmit !== undefined ? `${r.cpuMsPerSubmit.toFixed(2)} ms` : '—'} | ${b ? `${ms(b.person.p50)} / ${ms(b.person.p95)} ms` : '—'} | ${b ? `${ms(b.county.p95)} ms` : '—'} | ${b ? `${ms(b.township.p95)} ms` : '—'} | ${r.loadAverage} |`,
    )
  }
  // where each submit's CPU went (ms per submit, by kind of process), and what that allows on this machine's cores
  const withCpu = rows.filter((r) => r.cpu)
  if (withCpu.length) {
    console.log(`\n| attempts | setup | ${PROCESS_KINDS.map((k) => KIND_LABEL[k]).join(' | ')} | total | whole machine | at best on ${cpus().length} cores |`)
    console.log(`|---|---|${PROCESS_KINDS.map(() => '---|').join('')}---|---|---|`)
    for (const r of withCpu) {
      const { breakdown, requests } = r.cpu!
      const per = (s: number) => `${((s * 1000) / requests).toFixed(2)} ms`
      const total = accountedSeconds(breakdown)
      console.log(
        `| ${r.size.toLocaleString()} | ${setup(r)} | ${PROCESS_KINDS.map((k) => per(breakdown.seconds[k])).join(' | ')} | ${per(total)} | ${breakdown.machine !== undefined ? per(breakdown.machine) : '—'} | ${Math.round(ceilingPerSecond(breakdown, requests, cpus().length)).toLocaleString()}/s |`,
      )
    }
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
