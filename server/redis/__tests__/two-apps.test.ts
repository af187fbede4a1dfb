/**
 * Two app instances on one store and one Redis prefix (REDIS_URL, default 127.0.0.1:6379), as two
 * processes behind nginx would be: a limit is counted once across both, and a change made through
 * one is fresh on the other within a second. The prefix is this run's own and deleted afterwards.
 */
import type { AddressInfo } from 'node:net'
import { fixtures } from '../../../mock/fixtures'
import { buildApp } from '../../app'
import { openStore } from '../../store/open-store'
import type { Store } from '../../store/store'
import type { App } from '../../type-provider'
import { deleteKeys } from '../client'

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `zct-test-apps-${process.pid}-${Date.now()}:`

let store: Store
const apps: App[] = []

afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()))
  await store?.close()
  await deleteKeys(url, prefix)
})

jest.setTimeout(30_000)

const rule = { name: 'two-apps', max: 5, windowMs: 60_000, per: 'ip', message: '操作过于频繁' } as const

async function start(redis: { url: string; prefix: string } | undefined): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const app = buildApp({ store, mode: 'sqlite', devLogin: true, ...(redis ? { redis } : {}) })
  app.get('/api/v1/__limited', { preHandler: app.limit(rule) }, async () => ({ ok: true }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  apps.push(app)
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`
  return (path, init) => fetch(base + path, init)
}

beforeAll(async () => {
  store = await openStore({ kind: 'memory', fixtures })
})

it('refuses at the same count whether the requests go to one instance or are split over two', async () => {
  const single = await start(undefined)
  const [a, b] = [await start({ url, prefix }), await start({ url, prefix })]
  const alone: number[] = []
  for (let i = 0; i < 8; i++) alone.push((await single('/__limited')).status)
  const split: number[] = []
  for (let i = 0; i < 8; i++) split.push((await (i % 2 ? b : a)('/__limited')).status)
  expect(alone).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
  expect(split).toEqual(alone)
  const refused = await b('/__limited')
  expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: '操作过于频繁，请 1 分钟后再试' } })
})

it('counts in the process when Redis does not answer, instead of failing the route', async () => {
  const cut = await start({ url: 'redis://127.0.0.1:1', prefix })
  const statuses: number[] = []
  for (let i = 0; i < 7; i++) statuses.push((await cut('/__limited')).status)
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
})

it('makes a like through one instance visible on the other within a second', async () => {
  const [a, b] = [await start({ url, prefix }), await start({ url, prefix })]
  const login = await a('/auth/dev', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'resident', name: '甲' }),
  })
  const { token } = (await login.json()) as { token: string }
  const likes = async (get: typeof a) => ((await (await get('/videos/v002')).json()) as { likes: number }).likes
  const before = await likes(b)
  // B now serves v002 from its micro-cache (60 s unless told otherwise)
  expect(await likes(b)).toBe(before)
  const liked = await a('/videos/v002/like', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ liked: true }),
  })
  expect(liked.status).toBe(200)
  // the writer's own instance is fresh at once
  expect(await likes(a)).toBe(before + 1)
  const deadline = Date.now() + 1_000
  let seen = await likes(b)
  while (seen !== before + 1 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    seen = await likes(b)
  }
  expect(seen).toBe(before + 1)
})
