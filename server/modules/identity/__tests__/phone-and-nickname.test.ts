/**
 * Binding the mobile in the mini-program (getuserphonenumber on the fake WeChat) and what it does
 * to an H5 account with the same number: the two become one resident. Display names: chosen,
 * checked, shown on the boards.
 */
import type { Attempt, Consultation, Leaderboard, PhoneBound, Session, SmsSent, User } from '../../../../common/contract'
import { CONTENT_REFUSED_MESSAGE } from '../../../content-check'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startFakeWechat, type FakeWechat } from '../../../../test/api/helpers/fake-wechat'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

const MOBILE = '13812345678'

const authed = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
})
const putJson = (body: unknown, token: string): RequestInit =>
  authed(token, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

async function smsSignIn(server: TestServer, mobile: string): Promise<Session> {
  const { devCode } = (await (await server.api('/auth/sms/send', postJson({ mobile }))).json()) as SmsSent
  return (await server.api('/auth/sms/verify', postJson({ mobile, code: devCode }))).json() as Promise<Session>
}

describe('binding the mobile in the mini-program', () => {
  const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
  let wx: FakeWechat
  let server: TestServer
  beforeAll(async () => {
    wx = await startFakeWechat()
    server = await startTestServer({ devLogin: true, now: clock.now, wechat: { appId: 'wx-test', secret: 'wx-secret', apiBase: wx.apiBase } })
  })
  afterAll(async () => {
    await server.close()
    await wx.close()
  })

  const miniLogin = async (code: string) => (await server.api('/auth/wechat', postJson({ code }))).json() as Promise<Session>
  const bind = (token: string, code: string) => server.api('/auth/phone', authed(token, postJson({ code })))

  it('binds the number, and an H5 account with it becomes the same person: its consultation is the WeChat user’s', async () => {
    const h5 = await smsSignIn(server, MOBILE)
    const asked = await server.api(
      '/consultations',
      authed(h5.token, postJson({ topic: 'yanglao', question: '我在H5上问的：高龄津贴怎么申请？', regionCode: '331002' })),
    )
    expect(asked.status).toBe(201)
    const consultation = (await asked.json()) as Consultation

    const mini = await miniLogin('mini-1')
    expect(await (await server.api('/consultations/mine', bearer(mini.token))).json()).toEqual([])
    const like = (token: string) => server.api('/videos/v001/like', putJson({ liked: true }, token))
    const before = ((await (await like(h5.token)).json()) as { likes: number }).likes
    expect(((await (await like(mini.token)).json()) as { likes: number }).likes).toBe(before + 1)

    const res = await bind(mini.token, `phone-${MOBILE}`)
    expect(res.status).toBe(200)
    const bound = (await res.json()) as PhoneBound
    expect(bound).toEqual({ user: mini.user, mobile: '138****5678', merged: true })
    expect(wx.callsTo('/wxa/business/getuserphonenumber').at(-1)!.body).toEqual({ code: `phone-${MOBILE}` })

    const mine = (await (await server.api('/consultations/mine', bearer(mini.token))).json()) as Consultation[]
    expect(mine.map((c) => c.id)).toEqual([consultation.id])
    // the H5 device stays signed in, now as the one person
    expect(((await (await server.api('/auth/me', bearer(h5.token))).json()) as User).id).toBe(mini.user.id)
    // and signing in by SMS again finds the WeChat account
    clock.advance(61_000)
    expect((await smsSignIn(server, MOBILE)).user.id).toBe(mini.user.id)
    // a video both accounts liked is liked once, and its total says so
    expect(await (await server.api('/videos/v001/like', bearer(mini.token))).json()).toEqual({ liked: true, likes: before })
    // binding again is a no-op
    expect(((await (await bind(mini.token, `phone-${MOBILE}`)).json()) as PhoneBound).merged).toBe(false)
  })

  it('a number without an H5 account is just bound', async () => {
    const mini = await miniLogin('mini-2')
    const bound = (await (await bind(mini.token, 'phone-13900000000')).json()) as PhoneBound
    expect(bound).toMatchObject({ mobile: '139****0000', merged: false })
    clock.advance(61_000)
    expect((await smsSignIn(server, '13900000000')).user.id).toBe(mini.user.id)
  })

  it('refuses a number bound to another WeChat account, a foreign number and a spent code', async () => {
    const other = await miniLogin('mini-3')
    const taken = await bind(other.token, 'phone-13900000000')
    expect(taken.status).toBe(409)
    expect((await taken.json()).error.message).toBe('该手机号已绑定另一个微信账号')
    const intl = await bind(other.token, 'phone-intl')
    expect([intl.status, (await intl.json()).error.message]).toEqual([400, '仅支持绑定中国大陆手机号'])
    const spent = await bind(other.token, 'nonsense')
    expect([spent.status, (await spent.json()).error.message]).toEqual([400, '手机号授权已失效，请重新点击绑定'])
  })

  it('SMS signs in residents only', async () => {
    await server.store.auth.upsertUser({ provider: 'dev', externalId: 'dispatcher:派单员甲', nickname: '派单员甲', role: 'dispatcher' })
    const { kysely } = server.store.database
    await kysely.updateTable('users').set({ mobile: '13500000000' }).where('external_id', '=', 'dispatcher:派单员甲').execute()
    const { devCode } = (await (await server.api('/auth/sms/send', postJson({ mobile: '13500000000' }))).json()) as SmsSent
    const res = await server.api('/auth/sms/verify', postJson({ mobile: '13500000000', code: devCode }))
    expect([res.status, (await res.json()).error.message]).toEqual([403, '该手机号属于工作人员账号，请使用工作人员登录'])
  })

  it('is for mini-program accounts: H5 accounts get a 400, anonymous callers a 401', async () => {
    const h5 = await smsSignIn(server, '13700000000')
    const res = await bind(h5.token, 'phone-13700000001')
    expect([res.status, (await res.json()).error.message]).toEqual([400, '请在微信小程序中绑定手机号'])
    expect((await server.api('/auth/phone', postJson({ code: 'x' }))).status).toBe(401)
  })

  it('merges quiz standings too: the H5 account’s finished attempt counts for the WeChat account', async () => {
    const h5 = await smsSignIn(server, '13600000000')
    const attempt = (await (await server.api('/campaigns/q001/attempts', authed(h5.token, postJson({ regionCode: '331002001003' })))).json()) as Attempt
    expect((await server.api(`/attempts/${attempt.id}/submit`, authed(h5.token, postJson({ answers: {} })))).status).toBe(200)
    const mini = await miniLogin('mini-4')
    expect((await bind(mini.token, 'phone-13600000000')).status).toBe(200)
    const board = (await (await server.api('/campaigns/q001/leaderboard?scope=person', bearer(mini.token))).json()) as Leaderboard
    expect(board.mine).toMatchObject({ isMe: true, name: mini.user.nickname })
  })
})

describe('display names', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true })
  })
  afterAll(() => server.close())

  const rename = (token: string, nickname: unknown) => server.api('/me/nickname', putJson({ nickname }, token))

  it('a resident chooses one (trimmed) and the boards show it, read when the board is', async () => {
    const me = await smsSignIn(server, MOBILE)
    const res = await rename(me.token, '  海门老王 ')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ...me.user, nickname: '海门老王' })
    expect(((await (await server.api('/auth/me', bearer(me.token))).json()) as User).nickname).toBe('海门老王')

    const attempt = (await (await server.api('/campaigns/q001/attempts', authed(me.token, postJson({ regionCode: '331002001003' })))).json()) as Attempt
    expect((await server.api(`/attempts/${attempt.id}/submit`, authed(me.token, postJson({ answers: {} })))).status).toBe(200)
    const rowsNamed = async () => ((await (await server.api('/campaigns/q001/leaderboard?scope=person')).json()) as Leaderboard).rows.map((r) => r.name)
    expect(await rowsNamed()).toContain('海门老王')
    expect((await rename(me.token, '椒江小王')).status).toBe(200)
    // the public board is micro-cached for a minute; the caller's own row is read fresh
    const mine = (await (await server.api('/campaigns/q001/leaderboard?scope=person', bearer(me.token))).json()) as Leaderboard
    expect(mine.mine).toMatchObject({ name: '椒江小王' })
    expect(mine.rows.find((r) => r.isMe)?.name).toBe('椒江小王')
  })

  it('refuses line breaks, too short, too long, control characters and what the content check refuses, in Chinese', async () => {
    const me = await smsSignIn(server, '13900000001')
    const cases: [unknown, string][] = [
      ['老\n王', '昵称不能换行'],
      ['老王\r', '昵称不能换行'],
      [' 王 ', '昵称至少2个字'],
      ['一二三四五六七八九十一二三', '昵称最多12个字'],
      ['老\u202e王', '昵称含有不支持的字符'],
      ['网赌平台老王', CONTENT_REFUSED_MESSAGE],
      ['微信用户', '请换一个昵称'],
    ]
    for (const [nickname, message] of cases) {
      const res = await rename(me.token, nickname)
      expect([nickname, res.status, (await res.json()).error.message]).toEqual([nickname, 400, message])
    }
    expect(((await (await server.api('/auth/me', bearer(me.token))).json()) as User).nickname).toBe(me.user.nickname)
  })

  it('is for residents: staff 403, anonymous 401', async () => {
    const staff = (await (await server.api('/auth/dev', postJson({ role: 'lecturer', name: '陈海燕' }))).json()) as Session
    expect((await rename(staff.token, '别人')).status).toBe(403)
    expect((await server.api('/me/nickname', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"nickname":"老王"}' })).status).toBe(401)
  })
})
