/** WeChat web authorisation (snsapi_base) against the fake WeChat: the URL, the state bound to the browser's nonce, the code exchange. */
import { createHash, randomBytes } from 'node:crypto'
import type { Session } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startFakeWechat, type FakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

const CONSULT = '/packages/qa/pages/consult/index?topic=yanglao'

describe('WeChat web authorisation', () => {
  const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
  let wx: FakeWechat
  let server: TestServer
  beforeAll(async () => {
    wx = await startFakeWechat()
    server = await startTestServer({
      devLogin: false,
      now: clock.now,
      identity: { wechatOa: { appId: 'wx-oa', secret: 'oa-secret', apiBase: wx.apiBase, redirectOrigin: 'https://zct.example.cn' } },
    })
  })
  afterAll(async () => {
    await server.close()
    await wx.close()
  })

  // the browser's nonce (kept in its sessionStorage) and the hash it sends with the URL request
  const BROWSER_NONCE = randomBytes(32).toString('hex')
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  const startUrl = async (redirect?: string, nonce = BROWSER_NONCE) => {
    const query = new URLSearchParams({ ...(redirect ? { redirect } : {}), nonceHash: sha256(nonce) })
    const res = await server.api(`/auth/wechat-oa/url?${query}`)
    expect(res.status).toBe(200)
    return new URL(((await res.json()) as { url: string }).url)
  }
  const login = (code: string, state: string, nonce = BROWSER_NONCE) => server.api('/auth/wechat-oa', postJson({ code, state, nonce }))

  it('offers it', async () => {
    expect(await (await server.api('/auth/methods')).json()).toMatchObject({ wechatOa: true })
  })

  it('builds the authorize URL with snsapi_base, the sign-in page as redirect_uri and a random state', async () => {
    const url = await startUrl(CONSULT)
    expect(`${url.origin}${url.pathname}`).toBe('https://open.weixin.qq.com/connect/oauth2/authorize')
    expect(url.hash).toBe('#wechat_redirect')
    expect([...url.searchParams.keys()]).toEqual(['appid', 'redirect_uri', 'response_type', 'scope', 'state'])
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: 'wx-oa',
      redirect_uri: 'https://zct.example.cn/packages/sign-in/pages/resident/index',
      response_type: 'code',
      scope: 'snsapi_base',
      state: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect((await startUrl()).searchParams.get('state')).not.toBe(url.searchParams.get('state'))
  })

  it('exchanges the code for the openid and signs the resident in, returning where they started; the state is single use', async () => {
    const state = (await startUrl(CONSULT)).searchParams.get('state')!
    const res = await login('c1', state)
    expect(res.status).toBe(200)
    const session = (await res.json()) as Session & { redirect: string }
    expect(session.redirect).toBe(CONSULT)
    expect(session.user).toEqual({ id: expect.any(String), nickname: expect.stringMatching(/^居民\d{4}$/), role: 'resident' })
    expect(wx.callsTo('/sns/oauth2/access_token').at(-1)!.query).toEqual({ appid: 'wx-oa', secret: 'oa-secret', code: 'c1', grant_type: 'authorization_code' })

    const replay = await login('c1', state)
    expect(replay.status).toBe(400)
    expect((await replay.json()).error.message).toBe('授权状态无效，请重新登录')

    // the same openid later is the same resident
    const again = (await (await login('c1', (await startUrl()).searchParams.get('state')!)).json()) as Session & { redirect: string }
    expect(again.user.id).toBe(session.user.id)
    expect(again.redirect).toBe('/pages/mine/index')
  })

  it('refuses a state it did not issue without calling WeChat, and an expired one', async () => {
    const before = wx.callsTo('/sns/oauth2/access_token').length
    const forged = await login('c2', 'f'.repeat(32))
    expect(forged.status).toBe(400)
    expect((await forged.json()).error.message).toBe('授权状态无效，请重新登录')
    expect(wx.callsTo('/sns/oauth2/access_token')).toHaveLength(before)

    const state = (await startUrl()).searchParams.get('state')!
    clock.advance(10 * 60_000 + 1000)
    const late = await login('c2', state)
    expect(late.status).toBe(400)
    expect((await late.json()).error.message).toBe('授权已过期，请重新登录')
  })

  it('binds the state to the browser that asked for it: a code+state link without that browser’s nonce is refused (review M3)', async () => {
    // the attacker starts the flow in their own browser, authorises with their own WeChat and
    // stops at the redirect: they hold a valid code and state, and their own nonce
    const attackerNonce = randomBytes(32).toString('hex')
    const state = (await startUrl(CONSULT, attackerNonce)).searchParams.get('state')!
    const before = wx.callsTo('/sns/oauth2/access_token').length

    // the victim's browser has no nonce, or another one of its own: refused before WeChat is asked
    for (const nonce of [BROWSER_NONCE, randomBytes(32).toString('hex'), sha256(attackerNonce)]) {
      const refused = await login('attacker-code', state, nonce)
      expect(refused.status).toBe(400)
      expect((await refused.json()).error.message).toBe('授权状态无效，请重新登录')
    }
    const without = await server.api('/auth/wechat-oa', postJson({ code: 'attacker-code', state }))
    expect(without.status).toBe(400)
    expect((await without.json()).error.message).toBe('授权状态无效，请重新登录')
    expect(wx.callsTo('/sns/oauth2/access_token')).toHaveLength(before)

    // the refusals did not use the state up (a wrong guess must not break the real sign-in):
    // the browser that started it, with its nonce, still signs in — once
    const own = await login('attacker-code', state, attackerNonce)
    expect(own.status).toBe(200)
    expect(((await own.json()) as { redirect: string }).redirect).toBe(CONSULT)
    expect((await login('attacker-code', state, attackerNonce)).status).toBe(400)
  })

  it('asks for the nonce’s hash with the URL, in Chinese', async () => {
    for (const query of ['', '?nonceHash=abc', `?nonceHash=${'z'.repeat(64)}`]) {
      const res = await server.api(`/auth/wechat-oa/url${query}`)
      expect(res.status).toBe(400)
      expect((await res.json()).error.message).toBe('登录校验信息不正确，请刷新页面后重试')
    }
  })

  it('records the device and address of the session, like staff sessions', async () => {
    const res = await server.api(
      '/auth/wechat-oa',
      postJson(
        { code: 'c-device', state: (await startUrl()).searchParams.get('state')!, nonce: BROWSER_NONCE },
        { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0' },
      ),
    )
    const session = (await res.json()) as Session
    const sessions = (await (await server.api('/auth/sessions', { headers: { authorization: `Bearer ${session.token}` } })).json()) as {
      device: string
      ip: string
    }[]
    expect(sessions).toHaveLength(1)
    expect(sessions[0].device).not.toBe('未知设备')
    expect(sessions[0].ip).toMatch(/^127\./)
  })

  it('only returns to a page of the app', async () => {
    for (const redirect of ['https://evil.example/', '//evil.example/x', '/api/v1/auth/me', 'javascript:alert(1)', '/pages/../x']) {
      const res = await server.api(`/auth/wechat-oa/url?redirect=${encodeURIComponent(redirect)}&nonceHash=${sha256(BROWSER_NONCE)}`)
      expect([redirect, res.status, (await res.json()).error.message]).toEqual([redirect, 400, '返回页面地址不正确'])
    }
  })

  it('a spent or invalid code is a 401 in Chinese', async () => {
    const res = await login('used-1', (await startUrl()).searchParams.get('state')!)
    expect(res.status).toBe(401)
    expect((await res.json()).error.message).toBe('微信授权已失效，请重新登录')
  })

  it('without WECHAT_OA_APPID/SECRET: 503 and not offered', async () => {
    const plain = await startTestServer({ devLogin: false })
    try {
      expect((await plain.api(`/auth/wechat-oa/url?nonceHash=${sha256('x')}`)).status).toBe(503)
      const res = await plain.api('/auth/wechat-oa', postJson({ code: 'c', state: 's', nonce: 'n'.repeat(32) }))
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: '未配置微信网页授权' } })
      expect(await (await plain.api('/auth/methods')).json()).toMatchObject({ wechatOa: false })
    } finally {
      await plain.close()
    }
  })
})
