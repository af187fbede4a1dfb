/**
 * Behind a reverse proxy (review H3, M5): X-Forwarded-For is believed only with TRUST_PROXY, so
 * without it a client cannot choose its own address and with it each client behind the proxy has
 * its own per-IP counter; IPv6 clients count by /64; a rule's counters survive 100,000 callers;
 * dev login answers only direct requests on this machine.
 */
import { request } from 'node:http'
import type { App } from '../../server/type-provider'
import { ConfigError, readConfig } from '../../server/config'
import { LIMITER_CACHE } from '../../server/plugins/rate-limit'
import { createAccount, signIn } from '../../server/modules/auth/__tests__/helpers'
import { bearer, postJson, startTestServer } from './helpers/test-server'

jest.setTimeout(60_000)

const limitedRoute = (max: number) => (app: App) => {
  app.get('/api/v1/__per-ip', { preHandler: app.limit({ name: 't-proxy-ip', max, windowMs: 60_000, per: 'ip', message: '太频繁' }) }, async (request) => ({
    ip: request.ip,
  }))
}
const from = (xff: string) => ({ headers: { 'x-forwarded-for': xff } })

describe('X-Forwarded-For', () => {
  it('is ignored without TRUST_PROXY: two claimed addresses share the connection’s one counter', async () => {
    const server = await startTestServer({ beforeListen: limitedRoute(2) })
    try {
      const first = await server.api('/__per-ip', from('203.0.113.1'))
      expect(await first.json()).toEqual({ ip: '127.0.0.1' })
      expect((await server.api('/__per-ip', from('203.0.113.2'))).status).toBe(200)
      const third = await server.api('/__per-ip', from('198.51.100.7'))
      expect(third.status).toBe(429)
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/)
    } finally {
      await server.close()
    }
  })

  it('with TRUST_PROXY=1 is the client: two addresses behind the proxy get separate counters', async () => {
    const server = await startTestServer({ trustProxy: 1, beforeListen: limitedRoute(2) })
    try {
      for (let i = 0; i < 2; i++) expect(await (await server.api('/__per-ip', from('203.0.113.1'))).json()).toEqual({ ip: '203.0.113.1' })
      expect((await server.api('/__per-ip', from('203.0.113.1'))).status).toBe(429)
      // another client of the same proxy still has its own two
      expect((await server.api('/__per-ip', from('203.0.113.2'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('203.0.113.2'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('203.0.113.2'))).status).toBe(429)
      // only the hop the proxy wrote counts: an address the client prepended is not believed
      const spoofed = await server.api('/__per-ip', from('192.0.2.99, 203.0.113.1'))
      expect(spoofed.status).toBe(429)
    } finally {
      await server.close()
    }
  })

  it('with a proxy address list, trusts X-Forwarded-For only from that address', async () => {
    const trusted = await startTestServer({ trustProxy: ['127.0.0.1'], beforeListen: limitedRoute(5) })
    const other = await startTestServer({ trustProxy: ['10.0.0.0/8'], beforeListen: limitedRoute(5) })
    try {
      expect(await (await trusted.api('/__per-ip', from('203.0.113.5'))).json()).toEqual({ ip: '203.0.113.5' })
      expect(await (await other.api('/__per-ip', from('203.0.113.5'))).json()).toEqual({ ip: '127.0.0.1' })
    } finally {
      await trusted.close()
      await other.close()
    }
  })

  it('with TRUST_PROXY, sessions and the audit log record the client, not the proxy', async () => {
    const server = await startTestServer({ trustProxy: 1 })
    try {
      await createAccount(server.store, { username: 'behind-proxy', role: 'dispatcher', orgCode: '331002' })
      const session = await signIn(server, 'behind-proxy', undefined, { 'x-forwarded-for': '203.0.113.77' })
      const [info] = (await (await server.api('/auth/sessions', bearer(session.token))).json()) as { ip: string }[]
      expect(info.ip).toBe('203.0.113.*')
      const audited = await server.store.database.kysely.selectFrom('audit_log').select('ip').where('action', '=', 'auth.password.login').execute()
      expect(audited.map((r) => r.ip)).toEqual(['203.0.113.77'])
    } finally {
      await server.close()
    }
  })
})

describe('per-IP keys', () => {
  it('count an IPv6 client by its /64: new addresses in the same /64 share one counter', async () => {
    const server = await startTestServer({ trustProxy: 1, beforeListen: limitedRoute(2) })
    try {
      expect((await server.api('/__per-ip', from('2001:db8:1:2::1'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('2001:db8:1:2:abcd::99'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('2001:db8:1:2:ffff:ffff:ffff:fffe'))).status).toBe(429)
      // the next /64 is someone else
      expect((await server.api('/__per-ip', from('2001:db8:1:3::1'))).status).toBe(200)
      // IPv4 stays per address, IPv4-mapped IPv6 is that IPv4 address
      expect((await server.api('/__per-ip', from('198.51.100.1'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('::ffff:198.51.100.1'))).status).toBe(200)
      expect((await server.api('/__per-ip', from('198.51.100.1'))).status).toBe(429)
    } finally {
      await server.close()
    }
  })

  it('are kept for far more callers than the default 5,000: churning addresses does not reset a counter', async () => {
    expect(LIMITER_CACHE).toBeGreaterThanOrEqual(100_000)
    const server = await startTestServer({ trustProxy: 1, beforeListen: limitedRoute(1) })
    try {
      const hit = async (ip: string) => (await server.api('/__per-ip', from(ip))).status
      expect(await hit('198.51.100.200')).toBe(200)
      // 6,000 other callers (more than @fastify/rate-limit's default LRU of 5,000), 50 at a time
      for (let i = 0; i < 6000; i += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, j) => hit(`10.0.${((i + j) >> 8) & 255}.${(i + j) & 255}`)))
      }
      expect(await hit('198.51.100.200')).toBe(429)
    } finally {
      await server.close()
    }
  })
})

describe('dev login', () => {
  const devLogin = (headers: Record<string, string> = {}) => postJson({ role: 'admin', org: '331000' }, headers)

  it('answers 404, as if absent, to a request that came through a proxy, and 200 to a direct local one', async () => {
    const server = await startTestServer({ devLogin: true })
    try {
      expect((await server.api('/auth/dev', devLogin())).status).toBe(200)
      const proxied: Record<string, string>[] = [
        { 'x-forwarded-for': '203.0.113.9' },
        { 'x-forwarded-for': '127.0.0.1' },
        { forwarded: 'for=203.0.113.9;proto=https' },
        { via: '1.1 nginx' },
        { 'x-real-ip': '203.0.113.9' },
      ]
      for (const headers of proxied) {
        const res = await server.api('/auth/dev', devLogin(headers))
        expect(res.status).toBe(404)
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: '接口不存在' } })
      }
      // a malformed body through a proxy is still "absent", not a 400 that shows the route exists
      expect((await server.api('/auth/dev', postJson({ role: 'nobody' }, { via: '1.1 nginx' }))).status).toBe(404)
    } finally {
      await server.close()
    }
  })

  it('answers 404 under a Host that is not loopback (a proxy forwarding the site’s own name)', async () => {
    const server = await startTestServer({ devLogin: true })
    // node:http, not fetch: it sends the Host header it is given
    const post = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ role: 'admin' })
        const req = request(
          `${server.url}/api/v1/auth/dev`,
          { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => (text += chunk))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
    try {
      for (const host of ['zct.example.gov.cn', 'zct.example.gov.cn:443', '192.168.1.20:8080', '127.0.0.1.nip.io', '[2001:db8::1]:8080']) {
        const res = await post(host)
        expect(res.status).toBe(404)
        expect(JSON.parse(res.body)).toEqual({ error: { code: 'not_found', message: '接口不存在' } })
      }
      for (const host of ['127.0.0.1:8080', 'localhost:10086', '[::1]:8080', 'localhost']) expect((await post(host)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

describe('TRUST_PROXY and dev login in the config', () => {
  it('reads a hop count or an address/CIDR list, never true', () => {
    expect(readConfig({}).trustProxy).toBeUndefined()
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(readConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
    for (const raw of ['true', 'yes', '0', '11', '-1', '10.0.0.0/33', 'nginx', '127.0.0.1,', '1.5']) {
      expect(() => readConfig({ TRUST_PROXY: raw })).toThrow(ConfigError)
    }
  })

  it('refuses dev login behind a proxy or in production, in one Chinese line', () => {
    expect(() => readConfig({ TRUST_PROXY: '1', ALLOW_DEV_LOGIN: '1' })).toThrow(/^开发登录不能在反向代理之后开启/)
    expect(() => readConfig({ TRUST_PROXY: '127.0.0.1' }, ['--demo'])).toThrow(/^开发登录不能在反向代理之后开启/)
    expect(() => readConfig({ NODE_ENV: 'production' }, ['--demo'])).toThrow(/^开发登录不能在生产环境开启/)
    expect(() => readConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '1' })).toThrow(/^开发登录不能在生产环境开启/)
    // off, both are fine
    expect(readConfig({ TRUST_PROXY: '1', NODE_ENV: 'production' }).devLogin).toBe(false)
    expect(readConfig({ TRUST_PROXY: '1', ALLOW_DEV_LOGIN: '0' }, ['--demo']).devLogin).toBe(false)
  })

  it('mock mode alone no longer turns dev login on; `npm run dev` asks for the demo explicitly', () => {
    expect(readConfig({ API_MODE: 'mock' }).devLogin).toBe(false)
    expect(readConfig({}, ['--mock']).devLogin).toBe(false)
    expect(readConfig({}, ['--mock', '--demo']).devLogin).toBe(true)
  })
})
