/**
 * `npx tsx scripts/bench-campaign-monitor.ts`: the console's live monitor at scale. A fresh SQLite
 * file with BENCH_ATTEMPTS (100,000) submitted attempts of q001 loaded through the quiz service (as
 * bench-quiz.ts does), per-question times on every attempt (2 % of them replaying one pattern),
 * then, in process through app.inject (the routes, schemas and serialisers, no socket):
 *   GET /admin/campaigns/q001/monitor     as the city and as a county: p50 / p95 of 50 requests
 *   GET /admin/campaigns/q001/suspicious  as the city: p50 of 5 (every submitted attempt checked)
 *   GET /admin/campaigns/q001/results.csv as the city: one export, time and size
 * and the query plans of the monitor's reads (each must use an index of migration 022 or the board's).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixtures } from '../mock/fixtures'
import type { Region } from '../common/contract'
import { buildApp } from '../server/app'
import { startAttempt, submitAttempt } from '../server/modules/quiz/service'
import { DB_FILE_NAME } from '../server/store/sqlite'
import { openStore } from '../server/store/open-store'
import { loadQuickly } from './bench/batch'

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000)
const PER_USER = 4
const CAMPAIGN = 'q001'
const DAY = 86_400_000

function villages(tree: Region[]): string[] {
  return tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
}

function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-bench-monitor-'))
  const random = seeded(15)
  let clock = Date.now() - 5 * DAY
  const store = await openStore({ kind: 'sqlite', file: path.join(dataDir, DB_FILE_NAME), fixtures, now: () => new Date(clock) })
  const sqlite = store.database.sqlite!
  const codes = villages(store.regionTree())
  const started = Date.now()
  const users = Math.ceil(ATTEMPTS / PER_USER)
  let loaded = 0
  for (let first = 0; first < users; first += 500) {
    await loadQuickly(sqlite, async () => {
      for (let u = first; u < Math.min(users, first + 500); u++) {
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
  // per-question times: most between 2 and 20 s, 2 % one replayed pattern
  const ids = sqlite.prepare("SELECT id FROM quiz_attempts WHERE campaign_id = ? AND status = 'submitted'").pluck().all(CAMPAIGN) as string[]
  const setTimes = sqlite.prepare('UPDATE quiz_attempts SET question_ms = ? WHERE id = ?')
  await loadQuickly(sqlite, async () => {
    sqlite.transaction(() => {
      for (const id of ids) {
        const times =
          random() < 0.02
            ? [4000, 5000, 4500, 6000, 3500, 5000, 4000, 5500, 4500, 5000]
            : Array.from({ length: 10 }, () => 2000 + Math.floor(random() * 18_000))
        setTimes.run(JSON.stringify(times), id)
      }
    })()
  })
  sqlite.exec('ANALYZE')
  console.log(`loaded ${loaded} attempts (${users} people) in ${((Date.now() - started) / 1000).toFixed(0)} s`)

  clock = Date.now()
  const app = buildApp({ store, mode: 'sqlite', rateLimit: false, logger: false })
  await app.ready()
  const tokenFor = async (name: string, org: string) => {
    const user = await store.auth.upsertUser({ provider: 'dev', externalId: `admin:${name}`, nickname: name, role: 'admin' })
    sqlite.prepare('UPDATE users SET org_code = ? WHERE id = ?').run(org, user.id)
    return (await store.auth.createSession({ userId: user.id })).token
  }
  const city = await tokenFor('市管理员', '331000')
  const county = await tokenFor('椒江管理员', '331002')
  const time = async (url: string, token: string, n: number) => {
    const times: number[] = []
    let bytes = 0
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint()
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } })
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
      bytes = res.rawPayload.length
    }
    times.sort((a, b) => a - b)
    return { p50: pct(times, 50).toFixed(1), p95: pct(times, 95).toFixed(1), bytes }
  }
  console.log('monitor, city  ', await time(`/admin/campaigns/${CAMPAIGN}/monitor`, city, 50))
  console.log('monitor, county', await time(`/admin/campaigns/${CAMPAIGN}/monitor`, county, 50))
  console.log('suspicious, city', await time(`/admin/campaigns/${CAMPAIGN}/suspicious`, city, 5))
  console.log('suspicious, county', await time(`/admin/campaigns/${CAMPAIGN}/suspicious`, county, 5))
  console.log('results.csv, city', await time(`/admin/campaigns/${CAMPAIGN}/results.csv`, city, 1))
  const plans = {
    'per hour, county': `EXPLAIN QUERY PLAN SELECT substr(submitted_at, 1, 13), COUNT(*) FROM quiz_attempts WHERE campaign_id = 'q001' AND status = 'submitted' AND county_code = '331002' GROUP BY 1`,
    'scores, county': `EXPLAIN QUERY PLAN SELECT score, COUNT(*) FROM quiz_standings WHERE campaign_id = 'q001' AND county_code = '331002' GROUP BY score`,
    'suspicious, county': `EXPLAIN QUERY PLAN SELECT id, questions, question_ms FROM quiz_attempts WHERE campaign_id = 'q001' AND status = 'submitted' AND county_code = '331002'`,
  }
  for (const [name, q] of Object.entries(plans)) console.log(name, (sqlite.prepare(q).all() as { detail: string }[]).map((r) => r.detail).join(' | '))
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
