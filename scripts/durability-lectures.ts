/**
 * `npm run durability:lectures`: is a 201 for a lecture order a promise kept?
 *
 * Starts the real server (server/main.ts, SQLite, a fresh data dir) as a child process, signs
 * in residents, fires a few hundred concurrent POST /lecture-orders (each with its own
 * Idempotency-Key), SIGKILLs the server once part of the answers are back, restarts it on the
 * same files, and checks: every order that got a 201 is there exactly once; then retries every
 * request with its key: the 201s replay (nothing new), and in the end each key has exactly one
 * order. Exits 1 when a check fails. Env: ORDERS (400), USERS (20), KILL_AFTER (150 answers).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { addDays, shanghaiToday } from '../common/shanghai-date'
import { freePort, startServerProcess, testServerEnv } from '../test/support/server-process'

const ORDERS = Number(process.env.ORDERS ?? 400)
const USERS = Number(process.env.USERS ?? 20)
const KILL_AFTER = Number(process.env.KILL_AFTER ?? 150)

interface Sent {
  key: string
  user: number
  status?: number
  orderId?: string
  error?: string
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zct-durability-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const today = shanghaiToday()
  const body = (i: number) => ({
    topicId: 'lt01',
    villageCode: '331002001003',
    placeName: `城隍浦社区文化家园 第${i}单`,
    dateFrom: addDays(today, 7),
    dateTo: addDays(today, 14),
    timeOfDay: 'afternoon',
    audienceSize: 30 + (i % 50),
    contactName: '林晓燕',
    contactPhone: '13912345678',
  })
  const post = (token: string, key: string, i: number) =>
    fetch(`${base}/api/v1/lecture-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body(i)),
    })

  const start = () => startServerProcess({ port, env: testServerEnv(dataDir), ready: (res) => res.ok })
  let server = await start()
  const failures: string[] = []
  try {
    const tokens: string[] = []
    for (let u = 0; u < USERS; u++) {
      const res = await fetch(`${base}/api/v1/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'resident', name: `耐久居民${u}` }),
      })
      tokens.push(((await res.json()) as { token: string }).token)
    }

    // 1. a burst of submissions, and SIGKILL once KILL_AFTER answers are back
    const sent: Sent[] = Array.from({ length: ORDERS }, (_, i) => ({ key: `durable-${i}`, user: i % USERS }))
    let answered = 0
    let killedAt = 0
    const t0 = performance.now()
    const burst = sent.map(async (s, i) => {
      try {
        const res = await post(tokens[s.user], s.key, i)
        s.status = res.status
        if (res.status === 201) s.orderId = ((await res.json()) as { id: string }).id
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause
        s.error = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err)
      }
      answered++
      if (answered === KILL_AFTER && !killedAt) {
        killedAt = performance.now() - t0
        void server.stop('SIGKILL')
      }
    })
    await Promise.all(burst)
    await server.exited
    const ok = sent.filter((s) => s.status === 201)
    const other = sent.filter((s) => s.status !== undefined && s.status !== 201)
    const broken = sent.filter((s) => s.error)

    // 2. restart on the same files and look for every 201
    server = await start()
    const db = new Database(join(dataDir, 'zhengcetong.db'), { readonly: true })
    const rows = db.prepare('SELECT id, place_name FROM lecture_orders').all() as { id: string; place_name: string }[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    const missing = ok.filter((s) => !byId.has(s.orderId!))
    const perPlace = new Map<string, number>()
    for (const r of rows) perPlace.set(r.place_name, (perPlace.get(r.place_name) ?? 0) + 1)
    const duplicated = [...perPlace.values()].filter((n) => n > 1).length
    let visible = 0
    for (const s of ok) {
      const res = await fetch(`${base}/api/v1/lecture-orders/${s.orderId}`, { headers: { authorization: `Bearer ${tokens[s.user]}` } })
      if (res.ok) visible++
    }
    const committedUnanswered = rows.length - ok.length

    // 3. every request again, with its key
    let replayed = 0
    let created = 0
    let changedAnswer = 0
    await Promise.all(
      sent.map(async (s, i) => {
        const res = await post(tokens[s.user], s.key, i)
        if (res.status !== 201) return failures.push(`retry of ${s.key}: HTTP ${res.status}`)
        const id = ((await res.json()) as { id: string }).id
        if (res.headers.get('idempotent-replayed') === 'true') replayed++
        else created++
        if (s.orderId && s.orderId !== id) changedAnswer++
      }),
    )
    const finalCount = (db.prepare('SELECT COUNT(*) AS n FROM lecture_orders').get() as { n: number }).n
    const finalDistinct = (db.prepare('SELECT COUNT(DISTINCT place_name) AS n FROM lecture_orders').get() as { n: number }).n
    const keys = (db.prepare("SELECT COUNT(*) AS n FROM idempotency_keys WHERE scope = 'POST /lecture-orders'").get() as { n: number }).n
    db.close()

    if (missing.length) failures.push(`${missing.length} orders answered 201 are missing after the restart`)
    if (visible !== ok.length) failures.push(`${ok.length - visible} orders answered 201 cannot be read back`)
    if (duplicated) failures.push(`${duplicated} requests stored more than once`)
    if (changedAnswer) failures.push(`${changedAnswer} retries answered another order than the first 201`)
    if (replayed < ok.length) failures.push(`only ${replayed} of ${ok.length} retries of a 201 replayed`)
    if (finalCount !== ORDERS || finalDistinct !== ORDERS) failures.push(`after the retries: ${finalCount} orders for ${ORDERS} keys`)

    const figures = {
      submissions: ORDERS,
      users: USERS,
      'SIGKILL after answers': KILL_AFTER,
      'SIGKILL at ms': Math.round(killedAt),
      'answered 201 before the kill': ok.length,
      'answered other status': other.length,
      'connection failed (killed)': broken.length,
      'orders on disk after restart': rows.length,
      '201s missing after restart': missing.length,
      '201s readable through GET /lecture-orders/:id': visible,
      'committed but unanswered (the kill came between commit and reply)': committedUnanswered,
      'requests stored twice': duplicated,
      'retries with the same key: replayed': replayed,
      'retries with the same key: created (never committed before)': created,
      'orders after the retries': finalCount,
      'idempotency records': keys,
    }
    console.table(figures)
    if (failures.length) {
      console.error(`FAILED:\n- ${failures.join('\n- ')}`)
      process.exitCode = 1
    } else {
      console.log(
        `OK: all ${ok.length} orders answered 201 survived SIGKILL exactly once; every retry replayed or created its one order (${finalCount} orders for ${ORDERS} keys).`,
      )
    }
  } finally {
    await server.stop('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
