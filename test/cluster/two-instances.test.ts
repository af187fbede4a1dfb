/**
 * `npm run test:cluster`: two real server processes (server/main.ts) on two ports, one database
 * and one Redis prefix, as the docker-compose deployment runs them behind nginx.
 *
 *   DATABASE_URL=postgres://…   the target: PostgreSQL (+ Redis). Unset: ONE shared SQLite file in
 *                               a temp dir (two processes on a WAL file), which proves the harness
 *                               until every domain runs on PostgreSQL.
 *   REDIS_URL (redis://127.0.0.1:6379); the prefix is this run's own and deleted afterwards.
 *
 * Checks: a write on A is read on B; a changed item is fresh on B within 1 s (the micro-cache
 * invalidation crossed over Redis); the leaderboards are equal on both; an Idempotency-Key retried
 * on the other instance replays; one instance SIGKILLed under load loses no acknowledged write.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addDays, shanghaiToday } from '../../common/shanghai-date'
import { deleteKeys } from '../../server/redis/client'
import { type ServerProcess, startServerProcess, testServerEnv } from '../support/server-process'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const DATABASE_URL = process.env.DATABASE_URL
const PREFIX = `zct-cluster-${process.pid}-${Date.now()}:`

jest.setTimeout(180_000)

interface Instance extends ServerProcess {
  name: string
  base: string
}

const dataDir = mkdtempSync(join(tmpdir(), 'zct-cluster-'))

async function startInstance(name: string): Promise<Instance> {
  const server = await startServerProcess({
    name: `instance ${name}`,
    env: testServerEnv(dataDir, { DATABASE_URL, REDIS_URL, REDIS_PREFIX: PREFIX, WORKERS: '1' }),
    ready: (res) => res.ok,
  })
  return { ...server, name, base: `${server.url}/api/v1` }
}

let A: Instance
let B: Instance

beforeAll(async () => {
  // one after the other: the first makes the schema and seeds; the second finds them
  A = await startInstance('A')
  B = await startInstance('B')
})

afterAll(async () => {
  for (const i of [A, B]) await i?.stop()
  await deleteKeys(REDIS_URL, PREFIX)
  rmSync(dataDir, { recursive: true, force: true })
})

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const auth = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
})

async function login(on: Instance, name: string): Promise<string> {
  const res = await fetch(`${on.base}/auth/dev`, json({ role: 'resident', name }))
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

const today = shanghaiToday()
const order = (i: number) => ({
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

it('reads on B what was written on A', async () => {
  const token = await login(A, '双实例甲')
  const created = await fetch(`${A.base}/lecture-orders`, auth(token, json(order(0))))
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const read = await fetch(`${B.base}/lecture-orders/${id}`, auth(token))
  expect(read.status).toBe(200)
  expect(((await read.json()) as { placeName: string }).placeName).toBe(order(0).placeName)
})

it('replays on B an Idempotency-Key first used on A', async () => {
  const token = await login(B, '双实例乙')
  const first = await fetch(`${A.base}/lecture-orders`, auth(token, json(order(1), { 'idempotency-key': 'cross-1' })))
  expect(first.status).toBe(201)
  const again = await fetch(`${B.base}/lecture-orders`, auth(token, json(order(1), { 'idempotency-key': 'cross-1' })))
  expect(again.status).toBe(201)
  expect(again.headers.get('idempotent-replayed')).toBe('true')
  expect(await again.json()).toEqual(await first.json())
})

it('shows on B within a second an item changed through A', async () => {
  const token = await login(A, '双实例丙')
  const likes = async (on: Instance) => ((await (await fetch(`${on.base}/videos/v003`)).json()) as { likes: number }).likes
  const before = await likes(B)
  expect(await likes(B)).toBe(before) // now in B's micro-cache
  const put = await fetch(`${A.base}/videos/v003/like`, auth(token, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"liked":true}' }))
  expect(put.status).toBe(200)
  const t0 = Date.now()
  let seen = await likes(B)
  while (seen !== before + 1 && Date.now() - t0 < 1_000) {
    await new Promise((r) => setTimeout(r, 20))
    seen = await likes(B)
  }
  expect(seen).toBe(before + 1)
})

it('finds on B within a second a FAQ the console published through A (智能问答 follows)', async () => {
  const staff = async (role: string, name: string) => {
    const res = await fetch(`${A.base}/auth/dev`, json({ role, org: '331000', name }))
    expect(res.status).toBe(200)
    return ((await res.json()) as { token: string }).token
  }
  const editor = await staff('editor', '双实例编辑')
  const reviewer = await staff('reviewer', '双实例审核')
  const question = '双实例测试：独生子女父母奖励扶助金在哪里申请？'
  const search = async () => {
    const res = await fetch(`${B.base}/qa/search?q=${encodeURIComponent('独生子女父母奖励扶助金在哪里申请')}`)
    return ((await res.json()) as { items: { faq: { question: string } }[] }).items.map((h) => h.faq.question)
  }
  expect(await search()).not.toContain(question) // B's index is built, without it
  const draft = { question, answer: '到户籍所在地乡镇（街道）便民服务中心申请。', topic: 'yanglao', keywords: ['奖励扶助金', '独生子女'] }
  const created = await fetch(`${A.base}/admin/faqs`, auth(editor, json({ orgCode: '331000', draft })))
  expect(created.status).toBe(201)
  let item = (await created.json()) as { id: string; revision: number }
  const step = async (token: string, action: string) => {
    const res = await fetch(`${A.base}/admin/faqs/${item.id}/${action}`, auth(token, json({ revision: item.revision })))
    expect(res.status).toBe(200)
    item = (await res.json()) as { id: string; revision: number }
  }
  await step(editor, 'submit')
  await step(reviewer, 'approve')
  await step(reviewer, 'publish')
  const t0 = Date.now()
  let found = await search()
  while (!found.includes(question) && Date.now() - t0 < 1_000) {
    await new Promise((r) => setTimeout(r, 20))
    found = await search()
  }
  expect(found).toContain(question)
})

it('answers the same leaderboards on both', async () => {
  for (let u = 0; u < 6; u++) {
    const on = u % 2 ? B : A
    const token = await login(on, `双实例答题${u}`)
    const started = await fetch(`${on.base}/campaigns/q001/attempts`, auth(token, json({ regionCode: u % 3 ? '331002001003' : '331003001001' })))
    expect([200, 201]).toContain(started.status)
    const attempt = (await started.json()) as { id: string; questions: { id: string; options: { key: string }[] }[] }
    const answers = Object.fromEntries(attempt.questions.map((q, i) => [q.id, [q.options[(i + u) % q.options.length].key]]))
    // submitted on the other instance
    const submitted = await fetch(`${(on === A ? B : A).base}/attempts/${attempt.id}/submit`, auth(token, json({ answers })))
    expect(submitted.status).toBe(200)
  }
  for (const scope of ['person', 'county', 'township']) {
    const [a, b] = await Promise.all([A, B].map(async (on) => (await fetch(`${on.base}/campaigns/q001/leaderboard?scope=${scope}`)).json()))
    expect(b).toEqual(a)
    if (scope === 'person') expect((a as { total: number }).total).toBeGreaterThanOrEqual(6)
  }
})

it('loses no acknowledged write when one instance is SIGKILLed under load', async () => {
  const USERS = 10
  const ORDERS = 200
  const tokens = await Promise.all(Array.from({ length: USERS }, (_, u) => login(B, `耐久${u}`)))
  const sent = Array.from({ length: ORDERS }, (_, i) => ({ i, key: `kill-${i}`, user: i % USERS, on: i % 2 ? B : A, id: undefined as string | undefined }))
  let answered = 0
  await Promise.all(
    sent.map(async (s) => {
      try {
        const res = await fetch(`${s.on.base}/lecture-orders`, auth(tokens[s.user], json(order(1000 + s.i), { 'idempotency-key': s.key })))
        if (res.status === 201) s.id = ((await res.json()) as { id: string }).id
      } catch {
        // A was killed: not acknowledged
      }
      if (++answered === ORDERS / 4) A.child.kill('SIGKILL')
    }),
  )
  await A.exited
  const acknowledged = sent.filter((s) => s.id)
  expect(acknowledged.length).toBeGreaterThan(ORDERS / 4)
  // every acknowledged order is on B, and every request retried on B with its key ends as exactly one order
  for (const s of acknowledged) expect((await fetch(`${B.base}/lecture-orders/${s.id}`, auth(tokens[s.user]))).status).toBe(200)
  const ids = new Set<string>()
  for (const s of sent) {
    const res = await fetch(`${B.base}/lecture-orders`, auth(tokens[s.user], json(order(1000 + s.i), { 'idempotency-key': s.key })))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    if (s.id) {
      expect(id).toBe(s.id)
      expect(res.headers.get('idempotent-replayed')).toBe('true')
    }
    ids.add(id)
  }
  expect(ids.size).toBe(ORDERS)
})
