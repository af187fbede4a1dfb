/**
 * `npm run bench:quiz`: the real server (`tsx server/main.ts`) on a fresh SQLite file with
 * 100,000 submitted attempts of campaign q001 loaded (through the quiz service, so standings,
 * region totals and the 错题本 are what real traffic leaves), then
 *   1. submits: autocannon POSTs /attempts/:id/submit, each request a different prepared attempt
 *      of a different signed-in user (with its Idempotency-Key), BENCH_DURATION s at
 *      BENCH_CONNECTIONS connections: submits/s and latency p50/p99;
 *   2. leaderboard: GET /campaigns/q001/leaderboard (person, county, township) as a signed-in
 *      user (top 100 + that user's rank), one request at a time: p50/p95/p99.
 * Targets (issue 6): ≥ 1,000 submits/s, leaderboard p95 ≤ 20 ms on the 2-core machine.
 *   BENCH_ATTEMPTS=100000 BENCH_DURATION=10 BENCH_CONNECTIONS=16 npm run bench:quiz
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { fixtures } from '../mock/fixtures'
import type { Region, User } from '../common/contract'
import { leaderboard, startAttempt, submitAttempt } from '../server/modules/quiz/service'
import { DB_FILE_NAME } from '../server/store/sqlite'
import { openStore } from '../server/store/open-store'
import { startProcess } from './bench/server-process'
import { loadQuickly } from './bench/batch'

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const LEADERBOARD_REQUESTS = Number(process.env.BENCH_LEADERBOARD_REQUESTS ?? 600)
/** attempts per loaded user: 4 over 4 days, within the daily limit of 3 */
const PER_USER = 4
/** active attempts waiting for the submit phase: more than the run can use at the target rate × 3 */
const PREPARED = Math.max(5_000, DURATION * 3_000)
const CAMPAIGN = 'q001'
const DAY = 86_400_000

function villages(tree: Region[]): string[] {
  return tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
}

/** a seeded generator (mulberry32): the same data set on every run */
function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const ms = (n: number) => `${n.toFixed(2)} ms`

/** CPU seconds (user + system) a process has used so far (Linux /proc), or undefined elsewhere */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

interface Prepared {
  token: string
  attemptId: string
  body: string
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-bench-quiz-'))
  const file = path.join(dataDir, DB_FILE_NAME)
  const random = seeded(6)
  let clock = Date.now() - 5 * DAY
  const store = await openStore({ kind: 'sqlite', file, fixtures, now: () => new Date(clock) })
  const codes = villages(store.regionTree())
  const started = Date.now()

  // 1. load: ATTEMPTS submitted attempts by ATTEMPTS / PER_USER users, spread over the last days
  const users = Math.ceil(ATTEMPTS / PER_USER)
  let loaded = 0
  const batch = 500
  for (let first = 0; first < users; first += batch) {
    await loadQuickly(store.database.sqlite!, async () => {
      for (let u = first; u < Math.min(users, first + batch); u++) {
        const user = await store.auth.upsertUser({ provider: 'dev', externalId: `resident:bench-${u}`, nickname: `居民${u}`, role: 'resident' })
        const region = codes[Math.floor(random() * codes.length)]
        for (let k = 0; k < PER_USER && loaded < ATTEMPTS; k++, loaded++) {
          clock = Date.now() - (5 - k) * DAY + Math.floor(random() * 6 * 3600_000)
          const { attempt } = await startAttempt(store, user, CAMPAIGN, { regionCode: region }, random)
          const answers: Record<string, string[]> = {}
          for (const q of attempt.questions) if (random() < 0.9) answers[q.id] = [q.options[Math.floor(random() * q.options.length)].key]
          clock += 30_000 + Math.floor(random() * 170_000)
          await submitAttempt(store, user, attempt.id, answers)
        }
      }
    })
  }
  const loadSec = (Date.now() - started) / 1000

  // 2. PREPARED users with a session and a running attempt each, for the submit phase
  clock = Date.now()
  const prepared: Prepared[] = []
  await loadQuickly(store.database.sqlite!, async () => {
    for (let i = 0; i < PREPARED; i++) {
      const user: User = await store.auth.upsertUser({ provider: 'dev', externalId: `resident:submit-${i}`, nickname: `答题者${i}`, role: 'resident' })
      const { token } = await store.auth.createSession({ userId: user.id })
      const { attempt } = await startAttempt(store, user, CAMPAIGN, { regionCode: codes[i % codes.length] }, random)
      const answers = Object.fromEntries(attempt.questions.map((q) => [q.id, [q.options[Math.floor(random() * q.options.length)].key]]))
      prepared.push({ token, attemptId: attempt.id, body: JSON.stringify({ answers }) })
    }
  })
  const viewer = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:bench-0', nickname: '居民0', role: 'resident' })
  const viewerToken = (await store.auth.createSession({ userId: viewer.id })).token
  const counts = store.database.sqlite!.prepare("SELECT COUNT(*) AS attempts, SUM(status = 'submitted') AS submitted FROM quiz_attempts").get() as {
    attempts: number
    submitted: number
  }
  const standings = await store.quiz.countStandings(CAMPAIGN)

  // in-process, without HTTP: what the store and rules cost per board
  const inProcess: Record<string, number> = {}
  for (const scope of ['person', 'county', 'township'] as const) {
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint()
      await leaderboard(store, CAMPAIGN, scope, viewer)
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    inProcess[scope] = percentile(
      times.sort((a, b) => a - b),
      95,
    )
  }
  await store.close()

  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`)
  console.log(
    `loaded: ${counts.submitted.toLocaleString()} submitted attempts by ${standings.toLocaleString()} participants in ${loadSec.toFixed(1)} s; ${PREPARED.toLocaleString()} running attempts ready`,
  )

  const server = await startProcess('server/main.ts', { DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_MODE: 'sqlite' }, '/api/v1/health')
  try {
    // 3. submits
    console.log(
      `load average before the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (other processes share these cores)`,
    )
    const cpuBefore = cpuSeconds(server.child.pid)
    let next = 0
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const p = prepared[next++ % prepared.length]
            return {
              ...req,
              path: `/api/v1/attempts/${p.attemptId}/submit`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `bench-${p.attemptId}` },
              body: p.body,
            }
          },
        },
      ],
    })
    const non2xx = result.non2xx + result.errors
    console.log(`\nPOST /attempts/:id/submit  ${CONNECTIONS} connections, ${DURATION} s`)
    console.log(
      `  ${Math.round(result.requests.average).toLocaleString()} submits/s (total ${result.requests.total.toLocaleString()}, non-2xx/errors ${non2xx})`,
    )
    console.log(`  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
    const cpuAfter = cpuSeconds(server.child.pid)
    if (cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0) {
      const perSubmit = ((cpuAfter - cpuBefore) * 1000) / result.requests.total
      console.log(`  server CPU ${perSubmit.toFixed(2)} ms per submit → about ${Math.round(1000 / perSubmit).toLocaleString()} submits/s on one free core`)
    }
    if (next > prepared.length) console.log(`  note: ${next - prepared.length} requests replayed an already submitted attempt (raise PREPARED)`)

    // 4. leaderboards, one request at a time, as a signed-in user (top 100 + my rank, never cached)
    console.log(`\nGET /campaigns/${CAMPAIGN}/leaderboard  ${LEADERBOARD_REQUESTS} requests each, one at a time, signed in`)
    for (const scope of ['person', 'county', 'township'] as const) {
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < LEADERBOARD_REQUESTS; i++) {
        const t = process.hrtime.bigint()
        const res = await fetch(`${server.url}/api/v1/campaigns/${CAMPAIGN}/leaderboard?scope=${scope}`, {
          headers: { authorization: `Bearer ${viewerToken}` },
        })
        const body = await res.text()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (res.status !== 200) throw new Error(`leaderboard ${scope}: ${res.status} ${body}`)
        bytes = body.length
      }
      const sorted = times.slice(20).sort((a, b) => a - b) // the first requests warm the JIT
      console.log(
        `  ${scope.padEnd(8)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  (${(bytes / 1024).toFixed(1)} KB; in-process p95 ${ms(inProcess[scope])})`,
      )
    }
    const leaderboardTarget = 20
    const rate = result.requests.average
    console.log(
      `\ntargets: submits/s ≥ 1,000 → ${rate >= 1000 ? 'met' : `missed by ${Math.round(1000 - rate)}/s`}; leaderboard p95 ≤ ${leaderboardTarget} ms (see above)`,
    )
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
