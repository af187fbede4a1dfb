/** Dev login, WeChat login (against a local stand-in for api.weixin.qq.com), request.user, requireRole. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Session, User } from '../../common/contract'
import { ROLES } from '../../common/contract'
import { requireRole } from '../../server/plugins/auth'
import { DEV_NICKNAMES } from '../../server/modules/auth/sign-in-routes'
import { bearer, postJson, startTestServer, type TestServer } from './helpers/test-server'

describe('dev login', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({
      devLogin: true,
      beforeListen: (app) => {
        app.get('/api/v1/test/dispatch', { preHandler: requireRole('dispatcher', 'admin') }, async (request) => ({
          ok: true,
          role: request.user!.role,
        }))
      },
    })
  })
  afterAll(() => server.close())

  const login = async (body: unknown): Promise<Session> => {
    const res = await server.api('/auth/dev', postJson(body))
    expect(res.status).toBe(200)
    return res.json()
  }

  it('creates a session for any role', async () => {
    for (const role of ROLES) {
      const session = await login({ role })
      expect(session.token).toMatch(/^[0-9a-f]{64}$/)
      // staff without `org` act for the city (an account without an organisation sees no staff data)
      const org = role === 'resident' ? {} : { org: { code: '331000', name: '台州市' } }
      expect(session.user).toEqual({ id: expect.any(String), nickname: DEV_NICKNAMES[role], role, ...org })
      // residents keep 30 days; every other role's session ends after 12 h unused
      const days = (Date.parse(session.expiresAt) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(role === 'resident' ? 29.9 : 0.49)
      expect(days).toBeLessThanOrEqual(role === 'resident' ? 30 : 0.5)
    }
  })

  it('uses the given name, and the same name and role is the same user', async () => {
    const a = await login({ role: 'lecturer', name: '王老师' })
    const b = await login({ role: 'lecturer', name: '王老师' })
    expect(a.user.nickname).toBe('王老师')
    expect(b.user.id).toBe(a.user.id)
    expect(b.token).not.toBe(a.token)
  })

  it('GET /auth/me returns the signed-in user, 401 otherwise', async () => {
    const { token, user } = await login({ role: 'staff' })
    const me = await server.api('/auth/me', bearer(token))
    expect(me.status).toBe(200)
    expect((await me.json()) as User).toEqual(user)

    const anonymous = await server.api('/auth/me')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: '请先登录' } })

    const stale = await server.api('/auth/me', bearer('f'.repeat(64)))
    expect(stale.status).toBe(401)
    expect((await stale.json()).error.message).toBe('登录已过期，请重新登录')

    expect((await server.api('/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401)
  })

  it('requireRole lets listed roles through, 403 for others, 401 without a session', async () => {
    const dispatcher = await login({ role: 'dispatcher' })
    const ok = await server.api('/test/dispatch', bearer(dispatcher.token))
    expect(await ok.json()).toEqual({ ok: true, role: 'dispatcher' })

    const resident = await login({ role: 'resident' })
    const denied = await server.api('/test/dispatch', bearer(resident.token))
    expect(denied.status).toBe(403)
    expect(await denied.json()).toEqual({ error: { code: 'forbidden', message: '没有权限执行此操作' } })

    expect((await server.api('/test/dispatch')).status).toBe(401)
  })

  it('public reads ignore a bad token', async () => {
    expect((await server.api('/topics', bearer('0'.repeat(64)))).status).toBe(200)
  })

  it('looks a bearer token up for the API and the uploads only, not for pages, scripts or public photos', async () => {
    const { token } = await login({ role: 'resident', name: '只查接口' })
    const lookups = jest.spyOn(server.store.auth, 'getSession')
    try {
      for (const path of ['/', '/media/covers/c001.jpg', '/admin/', '/no-such-page']) await fetch(`${server.url}${path}`, bearer(token))
      expect(lookups).not.toHaveBeenCalled()
      await fetch(`${server.url}/media/uploads/none.jpg`, bearer(token))
      expect(lookups).toHaveBeenCalledTimes(1)
      expect((await server.api('/auth/me', bearer(token))).status).toBe(200)
      expect(lookups).toHaveBeenCalledTimes(2)
    } finally {
      lookups.mockRestore()
    }
  })
})

it('without devLogin there is no POST /auth/dev', async () => {
  const server = await startTestServer({ devLogin: false })
  try {
    const res = await server.api('/auth/dev', postJson({ role: 'admin' }))
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  } finally {
    await server.close()
  }
})

it('POST /auth/wechat answers 503 when WeChat is not configured', async () => {
  const server = await startTestServer()
  try {
    const res = await server.api('/auth/wechat', postJson({ code: 'abc' }))
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: '未配置微信登录' } })
    expect((await server.api('/auth/wechat', postJson({}))).status).toBe(400)
  } finally {
    await server.close()
  }
})

describe('POST /auth/wechat with WeChat configured', () => {
  let wechat: Server
  let server: TestServer
  const calls: URLSearchParams[] = []

  beforeAll(async () => {
    wechat = createServer((req, res) => {
      const url = new URL(req.url!, 'http://wx')
      calls.push(url.searchParams)
      const code = url.searchParams.get('js_code')
      res.setHeader('content-type', 'text/plain') // as WeChat does
      if (url.pathname !== '/sns/jscode2session') res.end(JSON.stringify({ errcode: 404 }))
      else if (code === 'good') res.end(JSON.stringify({ openid: 'o-123', session_key: 'sk-secret' }))
      else if (code === 'busy') res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }))
      else if (code === 'often') res.end(JSON.stringify({ errcode: 45011, errmsg: 'freq limit' }))
      else if (code === 'garbage') res.end('<html>')
      else res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
    })
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve))
    const { port } = wechat.address() as AddressInfo
    server = await startTestServer({ wechat: { appId: 'wx-app', secret: 'wx-secret', apiBase: `http://127.0.0.1:${port}` } })
  })
  afterAll(async () => {
    await server.close()
    await new Promise((resolve) => wechat.close(resolve))
  })

  it('exchanges the code, creates a resident, keeps session_key server-side', async () => {
    const res = await server.api('/auth/wechat', postJson({ code: 'good' }))
    expect(res.status).toBe(200)
    const raw = await res.text()
    expect(raw).not.toContain('sk-secret')
    expect(raw).not.toContain('o-123')
    const session: Session = JSON.parse(raw)
    // never 微信用户: 居民 and four digits until they choose a name
    expect(session.user).toMatchObject({ role: 'resident', nickname: expect.stringMatching(/^居民\d{4}$/) })
    expect(Object.fromEntries(calls.at(-1)!)).toEqual({
      appid: 'wx-app',
      secret: 'wx-secret',
      js_code: 'good',
      grant_type: 'authorization_code',
    })

    const again: Session = await (await server.api('/auth/wechat', postJson({ code: 'good' }))).json()
    expect(again.user.id).toBe(session.user.id)

    const keys = await server.store.database.kysely.selectFrom('sessions').select('session_key').where('user_id', '=', session.user.id).execute()
    expect(keys.map((r) => r.session_key)).toEqual(['sk-secret', 'sk-secret'])
    expect((await server.api('/auth/me', bearer(session.token))).status).toBe(200)
  })

  it.each([
    ['bad', 401, 'unauthorized'],
    ['often', 429, 'rate_limited'],
    ['busy', 503, 'unavailable'],
    ['garbage', 503, 'unavailable'],
  ])('maps code %s to %i', async (code, status, errorCode) => {
    const res = await server.api('/auth/wechat', postJson({ code }))
    expect(res.status).toBe(status)
    expect((await res.json()).error.code).toBe(errorCode)
  })

  it('is limited per address before WeChat is asked: 30 in 10 minutes, then 429 in Chinese (review L8)', async () => {
    const limited = await startTestServer({
      wechat: { appId: 'wx-app', secret: 'wx-secret', apiBase: `http://127.0.0.1:${(wechat.address() as AddressInfo).port}` },
    })
    try {
      for (let i = 0; i < 30; i++) expect((await limited.api('/auth/wechat', postJson({ code: 'bad' }))).status).toBe(401)
      const before = calls.length
      const refused = await limited.api('/auth/wechat', postJson({ code: 'good' }))
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      expect((await refused.json()).error.message).toMatch(/^登录尝试过于频繁，请 \d+ 分钟后再试$/)
      expect(calls.length).toBe(before)
    } finally {
      await limited.close()
    }
  })

  it('answers 503 when WeChat cannot be reached', async () => {
    const offline = await startTestServer({ wechat: { appId: 'a', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 2000 } })
    try {
      const res = await offline.api('/auth/wechat', postJson({ code: 'good' }))
      expect(res.status).toBe(503)
      expect((await res.json()).error).toEqual({ code: 'unavailable', message: '微信登录服务暂时不可用，请稍后重试' })
    } finally {
      await offline.close()
    }
  })
})
