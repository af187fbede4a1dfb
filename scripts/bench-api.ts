/**
 * `npm run bench:api`: the real server against a bare Fastify route that answers the same JSON
 * body, 10 s each with autocannon, side by side, on SQLite (a fresh file) and on PostgreSQL (a
 * database of its own, `bench_api_<pid>` on BENCH_DATABASE_URL's server, dropped afterwards).
 *
 *   BENCH_DATABASES=sqlite,postgres BENCH_DURATION=10 BENCH_CONNECTIONS=10 npm run bench:api
 *   (RESPONSE_CACHE=0: without the server's micro-cache)
 *
 * Each endpoint's body is fetched once from the real server and handed to the bare server, so the
 * baseline pays the same serialization and bytes on the wire and nothing else (no store, schema,
 * hooks, ETag or logging). The server logs at `warn`, as requests are not logged in production.
 * Prints requests/s, p50 and p99 latency for each, and the ratio real/bare (target ≥ 0.6 for reads).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { createBenchDatabase, type BenchDatabase } from './bench/postgres'
import { prepareSubmits, type SubmitPlan } from './bench/submits'
import { DB_FILE_NAME } from '../server/store/sqlite'
import { startProcess } from './bench/server-process'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const API = '/api/v1'
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]

interface Case {
  name: string
  method: 'GET' | 'POST'
  path: string
  /** one request per call; for writes that must differ per request */
  requests?: SubmitPlan
  read: boolean
}

interface Figures {
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

async function run(url: string, c: Pick<Case, 'method' | 'requests'>): Promise<Figures> {
  const result = await autocannon({
    url,
    method: c.method,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(c.requests ? { requests: [c.requests.request()] } : {}),
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** one database: the real server on it, each endpoint against the bare route */
async function runOn(kind: 'sqlite' | 'postgres'): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zct-bench-'))
  let database: BenchDatabase | undefined
  let server: Awaited<ReturnType<typeof startProcess>> | undefined
  try {
    if (kind === 'postgres') database = await createBenchDatabase(`bench_api_${process.pid}`)
    // running attempts for the submit case, written before the server starts
    const submits = await prepareSubmits(
      database ? { kind: 'postgres', databaseUrl: database.url } : { kind: 'sqlite', file: path.join(dataDir, DB_FILE_NAME) },
      Math.max(5_000, DURATION * 4_000),
    )
    server = await startProcess(
      'server/main.ts',
      {
        DATA_DIR: dataDir,
        API_MODE: 'sqlite',
        LOG_LEVEL: 'warn',
        STATIC_DIR: path.join(dataDir, 'no-h5'),
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
      `${API}/health`,
    )
    const cases: Case[] = [
      { name: 'GET /interpretations/:id', method: 'GET', path: `${API}/interpretations/i001`, read: true },
      { name: 'GET /policies?q=', method: 'GET', path: `${API}/policies?q=${encodeURIComponent('养老')}`, read: true },
      // answered with confidence: a read the micro-cache serves
      { name: 'GET /qa/search?q= (answered)', method: 'GET', path: `${API}/qa/search?q=${encodeURIComponent('社保卡丢了怎么补办')}`, read: true },
      // no confident answer: every asking is also counted in 问答缺口 (a write; GapWrites coalesces one question's), so no read target
      {
        name: 'GET /qa/search?q= (unsure: gap counted)',
        method: 'GET',
        path: `${API}/qa/search?q=${encodeURIComponent('我爸70岁了能领多少养老补贴')}`,
        read: false,
      },
      { name: 'GET /search?q=', method: 'GET', path: `${API}/search?q=${encodeURIComponent('社保卡丢了')}`, read: true },
    ]
    cases.push({ name: 'POST /attempts/:id/submit', method: 'POST', path: '', requests: submits, read: false })

    // the bodies the bare server answers: exactly what the real endpoints answer
    const bodies: unknown[] = []
    for (const c of cases) {
      if (c.requests) bodies.push(await c.requests.sample(server.url))
      else {
        const r = await fetch(server.url + c.path)
        if (!r.ok) throw new Error(`${c.name}: ${r.status}`)
        bodies.push(await r.json())
      }
    }
    const bodiesFile = path.join(dataDir, 'bodies.json')
    writeFileSync(bodiesFile, JSON.stringify(bodies))
    const bare = await startProcess('scripts/bench/bare-server.ts', { BARE_BODIES: bodiesFile }, '/bare/0')

    console.log(
      `\nbench:api on ${kind === 'postgres' ? 'PostgreSQL' : 'SQLite'} — server micro-cache ${process.env.RESPONSE_CACHE === '0' ? 'OFF (RESPONSE_CACHE=0)' : 'on'}, ${DURATION} s per endpoint, ${CONNECTIONS} connections, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
    )
    console.log(
      `${'endpoint'.padEnd(40)}${'bytes'.padStart(7)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'bare req/s'.padStart(12)}${'bare p99'.padStart(10)}${'ratio'.padStart(7)}`,
    )
    let failed = false
    try {
      for (const [n, c] of cases.entries()) {
        // warm up both (JIT, statement cache), then measure
        await autocannon({
          url: server.url + c.path,
          method: c.method,
          connections: CONNECTIONS,
          duration: 1,
          ...(c.requests ? { requests: [c.requests.request()] } : {}),
        })
        const real = await run(server.url + c.path, c)
        await autocannon({ url: `${bare.url}/bare/${n}`, method: c.method, connections: CONNECTIONS, duration: 1 })
        const base = await run(`${bare.url}/bare/${n}`, { method: c.method })
        const ratio = real.rps / base.rps
        const bytes = Buffer.byteLength(JSON.stringify(bodies[n]))
        console.log(
          `${c.name.padEnd(40)}${String(bytes).padStart(7)}${real.rps.toFixed(0).padStart(9)}${String(real.p50).padStart(8)}${String(real.p99).padStart(8)}` +
            `${base.rps.toFixed(0).padStart(12)}${String(base.p99).padStart(10)}${ratio.toFixed(2).padStart(7)}` +
            (real.non2xx || real.errors ? `   (${real.non2xx} non-2xx, ${real.errors} errors)` : ''),
        )
        if (real.non2xx || real.errors) failed = true
        if (c.read && ratio < 0.6) console.log(`  ${c.name}: below the 0.6 target`)
      }
    } finally {
      await bare.stop()
    }
    if (submits.reused()) console.log(`  ${submits.reused()} submits reused an attempt (replays): raise the prepared count`)
    return !failed
  } finally {
    await server?.stop()
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  let ok = true
  for (const kind of DATABASES) ok = (await runOn(kind)) && ok
  if (!ok) process.exitCode = 1
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
