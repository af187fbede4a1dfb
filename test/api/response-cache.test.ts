/**
 * The micro-cache of content reads (server/plugins/response-cache.ts): a second read of the same
 * URL does not reach the store, keeps its ETag and 304, expires with the public max-age, and never
 * holds personal answers or errors.
 */
import Fastify from 'fastify'
import { PUBLIC_MAX_AGE_SEC, setupHttpCache } from '../../server/plugins/http-cache'
import { setupResponseCache } from '../../server/plugins/response-cache'
import { startTestServer, type TestServer } from './helpers/test-server'

describe('on the real server', () => {
  let server: TestServer
  let reads: jest.SpyInstance
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    reads = jest.spyOn(server.store.content, 'getInterpretation')
  })
  afterEach(() => reads.mockRestore())

  it('answers a repeated content read without the store, with the same body and ETag', async () => {
    const first = await server.api('/interpretations/i002')
    const second = await server.api('/interpretations/i002')
    expect(second.status).toBe(200)
    expect(await second.text()).toBe(await first.text())
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('cache-control')).toBe(`public, max-age=${PUBLIC_MAX_AGE_SEC}`)
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
    expect(reads).toHaveBeenCalledTimes(1)
  })

  it('still answers 304 to a matching If-None-Match from the cache', async () => {
    const first = await server.api('/interpretations/i003')
    const etag = first.headers.get('etag')!
    const again = await server.api('/interpretations/i003', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(`public, max-age=${PUBLIC_MAX_AGE_SEC}`)
    expect(reads).toHaveBeenCalledTimes(1)
  })

  it('keys by the whole URL, query included', async () => {
    const a = await (await server.api('/policies?q=%E5%85%BB%E8%80%81')).json()
    const b = await (await server.api('/policies?q=%E5%8C%BB%E4%BF%9D')).json()
    expect(a.items.map((p: { id: string }) => p.id)).not.toEqual(b.items.map((p: { id: string }) => p.id))
  })

  it('does not keep a 404', async () => {
    expect((await server.api('/interpretations/nope')).status).toBe(404)
    expect((await server.api('/interpretations/nope')).status).toBe(404)
    expect(reads).toHaveBeenCalledTimes(2)
  })

  it('never serves a personal route from the cache', async () => {
    const login = async (name: string) =>
      (
        await (
          await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'resident', name }) })
        ).json()
      ).token as string
    const [a, b] = [await login('甲'), await login('乙')]
    const me = async (token: string) => (await (await server.api('/auth/me', { headers: { authorization: `Bearer ${token}` } })).json()).nickname
    expect(await me(a)).toBe('甲')
    expect(await me(b)).toBe('乙')
  })
})

describe('expiry and the switch', () => {
  async function appWith(enabled: boolean, now: () => number) {
    const app = Fastify()
    let calls = 0
    await app.register(async (api) => {
      setupResponseCache(api, { enabled, now })
      setupHttpCache(api)
      api.get('/memo', { config: { memo: true } }, async () => ({ calls: ++calls }))
      api.get('/plain', async () => ({ calls: ++calls }))
    })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    apps.push(app)
    return { get: async (path: string) => (await fetch(url + path)).json() }
  }
  const apps: ReturnType<typeof Fastify>[] = []
  afterAll(() => Promise.all(apps.map((a) => a.close())))

  it('expires after the public max-age', async () => {
    let t = 1_000_000
    const app = await appWith(true, () => t)
    expect(await app.get('/memo')).toEqual({ calls: 1 })
    t += PUBLIC_MAX_AGE_SEC * 1000 - 1
    expect(await app.get('/memo')).toEqual({ calls: 1 })
    t += 2
    expect(await app.get('/memo')).toEqual({ calls: 2 })
  })

  it('keeps only routes that opt in, and nothing when off', async () => {
    const on = await appWith(true, () => 0)
    await on.get('/plain')
    expect(await on.get('/plain')).toEqual({ calls: 2 })
    const off = await appWith(false, () => 0)
    await off.get('/memo')
    expect(await off.get('/memo')).toEqual({ calls: 2 })
  })
})
