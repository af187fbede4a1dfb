import { retryIn } from '../../server/plugins/rate-limit'
import { startTestServer } from './helpers/test-server'

it('app.limit: per-IP and per-user rules on one route answer 429 in Chinese with Retry-After', async () => {
  const server = await startTestServer({
    beforeListen: (app) => {
      app.get(
        '/api/v1/__limited',
        {
          preHandler: [
            app.limit({ name: 't-user', max: 2, windowMs: 60_000, per: 'user', message: '提交过于频繁' }),
            app.limit({ name: 't-ip', max: 3, windowMs: 60_000, per: 'ip' }),
          ],
        },
        async () => ({ ok: true }),
      )
    },
  })
  try {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await server.api('/__limited')).status)
    // anonymous: the user rule falls back to the IP, so the stricter one (2) refuses the third
    expect(statuses).toEqual([200, 200, 429, 429])
    const refused = await server.api('/__limited')
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^提交过于频繁，请 1 分钟后再试$/) } })
  } finally {
    await server.close()
  }
})

it('retryIn says the wait in the largest whole unit', () => {
  expect(retryIn(500)).toBe('请 1 秒后再试')
  expect(retryIn(59_000)).toBe('请 59 秒后再试')
  expect(retryIn(61_000)).toBe('请 2 分钟后再试')
  expect(retryIn(15 * 60_000)).toBe('请 15 分钟后再试')
  expect(retryIn(3 * 3600_000)).toBe('请 3 小时后再试')
})

it('app.limit: every rule on a route counts (not only the first), and a rule is one counter across routes', async () => {
  const perUser = { name: 't2-user', max: 2, windowMs: 60_000, per: 'user', message: '个人太频繁' } as const
  const perIp = { name: 't2-ip', max: 3, windowMs: 60_000, per: 'ip', message: '网络太频繁' } as const
  const server = await startTestServer({
    devLogin: true,
    beforeListen: (app) => {
      for (const path of ['/api/v1/__a', '/api/v1/__b']) {
        app.get(path, { preHandler: [app.limit(perUser), app.limit(perIp)] }, async () => ({ ok: true }))
      }
    },
  })
  try {
    const login = async (name: string) =>
      (
        (await (
          await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'resident', name }) })
        ).json()) as { token: string }
      ).token
    const as = (token: string, path: string) => server.api(path, { headers: { authorization: `Bearer ${token}` } })
    const a = await login('甲')
    const b = await login('乙')
    // 甲: one on each route, then the user rule (shared by both routes) refuses
    expect((await as(a, '/__a')).status).toBe(200)
    expect((await as(a, '/__b')).status).toBe(200)
    const userRefused = await as(a, '/__a')
    expect(userRefused.status).toBe(429)
    expect((await userRefused.json()).error.message).toMatch(/^个人太频繁，/)
    // 乙 has a fresh user counter, but the address has had 2 counted: one more, then the IP rule
    expect((await as(b, '/__b')).status).toBe(200)
    const ipRefused = await as(b, '/__a')
    expect(ipRefused.status).toBe(429)
    expect(ipRefused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await ipRefused.json()).error.message).toMatch(/^网络太频繁，请 1 分钟后再试$/)
  } finally {
    await server.close()
  }
})
