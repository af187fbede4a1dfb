/**
 * Where a PostgreSQL submit's database work goes, per submit: bench:quiz's set-up (a bulk-loaded
 * database, two real servers on it and Redis, autocannon's connections round-robin over both), then
 * one measured run of submits with the server's statistics read before and after it:
 *   - pg_stat_statements (when the server has it loaded: calls, execution ms, buffers, WAL per call of
 *     each statement, nested ones included when pg_stat_statements.track = all);
 *   - WAL bytes per submit (pg_current_wal_lsn before and after) and commits (xact_commit);
 *   - per table: rows inserted and updated, and how many updates were HOT (no index touched);
 *   - per function (track_functions = all): calls and ms.
 * Meant for a throwaway cluster of one's own (shared_preload_libraries = pg_stat_statements):
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5499/postgres npx tsx scripts/bench/pg-submit-stats.ts
 * BENCH_KEEP=1 keeps the database (for EXPLAIN) and prints its URL; SERVER_ENV='A=1 B=2' adds to the servers' environment.
 */
import { setTimeout as delay } from 'node:timers/promises'
import pg from 'pg'
import Redis from 'ioredis'
import { fixtures } from '../../mock/fixtures'
import type { Region } from '../../common/contract'
import { deleteKeys } from '../../server/redis/client'
import { Leaderboards } from '../../server/redis/leaderboard'
import { openStore } from '../../server/store/open-store'
import { BENCH_ADMIN_URL, createBenchDatabase } from './postgres'
import { bulkLoadAttempts, campaignTemplate } from './bulk-load'
import { startProcess, type Running as Instance } from './server-process'
import { submitRunner } from './submit-run'

const SIZE = Number(process.env.BENCH_SIZE ?? 100_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const CAMPAIGN = 'q001'
const SERVER_ENV = Object.fromEntries(
  (process.env.SERVER_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((kv) => kv.split('=') as [string, string]),
)

const villages = (tree: Region[]) => tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))

async function snapshot(c: pg.Client) {
  const wal = (await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn
  const db = (
    await c.query<{ xact_commit: number; xact_rollback: number }>('SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()')
  ).rows[0]
  const tables = (
    await c.query<{ relname: string; ins: number; upd: number; hot: number; del: number }>(
      'SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables',
    )
  ).rows
  const functions = (await c.query<{ funcname: string; calls: number; self_time: number }>('SELECT funcname, calls, self_time FROM pg_stat_user_functions'))
    .rows
  return { wal, db, tables, functions }
}

async function main() {
  const database = await createBenchDatabase(`bench_pgstats_${process.pid}`)
  const prefix = `zct-bench-pgstats-${process.pid}:`
  const instances: Instance[] = []
  let redis: Redis | undefined
  const c = new pg.Client({ connectionString: database.url })
  // pg_stat_statements is read where its extension is (the admin database): its view covers every database
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL })
  try {
    const store = await openStore({ kind: 'postgres', databaseUrl: database.url, fixtures })
    const template = await campaignTemplate(store, CAMPAIGN)
    const loaded = await bulkLoadAttempts(store.database, {
      campaignId: CAMPAIGN,
      scoreCounts: template.scoreCounts,
      attempts: SIZE,
      perUser: 4,
      regions: villages(store.regionTree()),
      questions: template.questions,
      running: (DURATION + 3) * 2_500,
      prefix: 'bench-',
    })
    await store.close()
    const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix, WORKERS: '1', LOG_LEVEL: 'warn', STATIC_DIR: '/nonexistent', ...SERVER_ENV }
    instances.push(await startProcess('server/main.ts', env, '/api/v1/health'))
    instances.push(await startProcess('server/main.ts', env, '/api/v1/health'))
    redis = new Redis(REDIS_URL, { keyPrefix: prefix })
    const boards = new Leaderboards(redis)
    while (!(await boards.isReady(CAMPAIGN))) await delay(200)
    const submits = submitRunner(loaded.running, template.submitBody, CONNECTIONS)
    const run = (duration: number) =>
      submits.run(
        instances.map((i) => i.url),
        duration,
      )
    await run(3)
    await c.connect()
    await admin.connect()
    const statements = (await admin.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")).rowCount === 1
    if (statements) await admin.query('SELECT pg_stat_statements_reset()')
    await c.query('SELECT pg_stat_reset()')
    await delay(600) // the statistics collector's reset reaches the backends
    const before = await snapshot(c)
    const result = await run(DURATION)
    await delay(600)
    const after = await snapshot(c)
    const n = result.requests.total
    const failed = result.non2xx + result.errors + result.timeouts
    const walBytes = Number((await c.query<{ d: string }>('SELECT pg_wal_lsn_diff($1, $2)::text AS d', [after.wal, before.wal])).rows[0].d)
    console.log(`${n} submits (${failed} failed), ${Math.round(result.requests.average)}/s, p50 ${result.latency.p50} / p99 ${result.latency.p99} ms`)
    console.log(
      `WAL ${(walBytes / n).toFixed(0)} B per submit; commits ${(after.db.xact_commit - before.db.xact_commit) / n} per submit, rollbacks ${after.db.xact_rollback - before.db.xact_rollback}`,
    )
    console.log('\nper submit: table | inserted | updated | of them HOT | deleted')
    for (const t of after.tables) {
      const b = before.tables.find((x) => x.relname === t.relname)
      const d = (k: 'ins' | 'upd' | 'hot' | 'del') => (Number(t[k]) - Number(b?.[k] ?? 0)) / n
      if (d('ins') + d('upd') + d('del') > 0.01)
        console.log(`  ${t.relname} | ${d('ins').toFixed(2)} | ${d('upd').toFixed(2)} | ${d('hot').toFixed(2)} | ${d('del').toFixed(2)}`)
    }
    console.log('\nfunctions: name | calls per submit | self ms per submit')
    for (const f of after.functions) {
      const b = before.functions.find((x) => x.funcname === f.funcname)
      const calls = (Number(f.calls) - Number(b?.calls ?? 0)) / n
      if (calls > 0) console.log(`  ${f.funcname} | ${calls.toFixed(2)} | ${((f.self_time - (b?.self_time ?? 0)) / n).toFixed(3)}`)
    }
    if (statements) {
      const { rows } = await admin.query(
        `SELECT calls::float / $1 AS per_submit, total_exec_time / calls AS ms, shared_blks_hit::float / calls AS hit,
           shared_blks_dirtied::float / calls AS dirtied, wal_records::float / calls AS wal_rec, wal_bytes::float / calls AS wal_b,
           toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS q
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $2) AND calls >= $1 / 2
         ORDER BY total_exec_time DESC LIMIT 30`,
        [n, database.name],
      )
      console.log('\nstatements: per submit | ms per call | buffers hit | dirtied | WAL records | WAL bytes | top | text')
      for (const r of rows)
        console.log(
          `  ${Number(r.per_submit).toFixed(2)} | ${Number(r.ms).toFixed(3)} | ${Number(r.hit).toFixed(1)} | ${Number(r.dirtied).toFixed(2)} | ${Number(r.wal_rec).toFixed(1)} | ${Number(r.wal_b).toFixed(0)} | ${r.toplevel ? 't' : 'f'} | ${r.q}`,
        )
    }
  } finally {
    await c.end().catch(() => {})
    await admin.end().catch(() => {})
    for (const i of instances) await i.stop()
    await redis?.quit()
    await deleteKeys(REDIS_URL, prefix)
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${database.url}`)
    else await database.drop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
