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

it('app.limit: every rule on a route counts, not only the first (signed-in users behind one IP)', async () => {
  const server = await startTestServer({
    devLogin: true,
    beforeListen: (app) => {
      app.get(
        '/api/v1/__limited-twice',
        {
          preHandler: [
            app.limit({ name: 't2-user', max: 2, windowMs: 60_000, per: 'user', message: '每人过于频繁' }),
            app.limit({ name: 't2-ip', max: 3, windowMs: 60_000, per: 'ip', message: '本网络过于频繁' }),
          ],
        },
        async () => ({ ok: true }),
      )
    },
  })
  try {
    const token = async (name: string) =>
      ((await (await server.api('/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'resident', name }) })).json()) as { token: string }).token
    const [a, b] = [await token('甲'), await token('乙')]
    const as = (t: string) => server.api('/__limited-twice', { headers: { authorization: `Bearer ${t}` } })
    const statuses = [(await as(a)).status, (await as(a)).status, (await as(a)).status, (await as(b)).status]
    expect(statuses).toEqual([200, 200, 429, 200]) // 甲's third is refused by the user rule, before the IP rule counts it
    const byIp = await as(b) // the address's fourth counted request
    expect(byIp.status).toBe(429)
    expect(((await byIp.json()) as { error: { message: string } }).error.message).toMatch(/^本网络过于频繁/)
  } finally {
    await server.close()
  }
})
