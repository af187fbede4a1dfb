/**
 * SMS sign-in on the real server over a temp SQLite file: the demo sender (code in the log and as
 * devCode), the rules (60 s, 10 a day, 5 minutes, 5 tries, per-IP limits) on an injected clock,
 * and the Tencent Cloud adapter against a local fake that recomputes the TC3 signature.
 */
import type { Session, SmsSent } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startFakeTencentSms, type FakeTencentSms } from '../../../../test/api/helpers/fake-tencent-sms'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

const MOBILE = '13812345678'
const SECRETS = { secretId: 'AKIDtestid', secretKey: 'test-secret-key' }

function logCapture() {
  const lines: string[] = []
  return { lines, stream: { write: (line: string) => void lines.push(line) }, text: () => lines.join('') }
}

const send = (server: TestServer, mobile = MOBILE) => server.api('/auth/sms/send', postJson({ mobile }))
const verify = (server: TestServer, code: string, mobile = MOBILE) => server.api('/auth/sms/verify', postJson({ mobile, code }))
const wrongOf = (code: string) => (code === '000000' ? '111111' : '000000')

describe('SMS sign-in in the demo (dev login on)', () => {
  const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
  const log = logCapture()
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ devLogin: true, now: clock.now, logger: true, logStream: log.stream })
  })
  afterAll(() => server.close())

  it('says what it offers', async () => {
    expect(await (await server.api('/auth/methods')).json()).toEqual({ sms: true, smsDemo: true, wechatOa: false, wechat: false })
  })

  it('sends a 6-digit code, shown as devCode and logged as 演示模式验证码 with the number masked; verify signs the resident in', async () => {
    const res = await send(server)
    expect(res.status).toBe(200)
    const sent = (await res.json()) as SmsSent
    expect(sent).toEqual({ resendAfterSec: 60, devCode: expect.stringMatching(/^\d{6}$/) })
    const demoLine = log.lines.find((l) => l.includes('演示模式验证码'))
    expect(demoLine).toContain('138****5678')
    expect(demoLine).toContain(sent.devCode)
    expect(JSON.parse(demoLine!).level).toBe(30) // info

    const ok = await verify(server, sent.devCode!)
    expect(ok.status).toBe(200)
    const session = (await ok.json()) as Session
    expect(session.user).toEqual({ id: expect.any(String), nickname: expect.stringMatching(/^居民\d{4}$/), role: 'resident' })
    expect((await server.api('/auth/me', bearer(session.token))).status).toBe(200)
    // 登录设备 shows where the session came from, as for staff (review L8)
    const [device] = (await (await server.api('/auth/sessions', bearer(session.token))).json()) as { device: string; ip: string }[]
    expect(device.device).not.toBe('未知设备')
    expect(device.ip).toMatch(/^127\./)

    // the code is used up; the next sign-in of the number is the same resident
    expect((await (await verify(server, sent.devCode!)).json()).error.message).toBe('请先获取验证码')
    clock.advance(60_000)
    const again = (await (await send(server)).json()) as SmsSent
    const second = (await (await verify(server, again.devCode!)).json()) as Session
    expect(second.user.id).toBe(session.user.id)

    // the full number is never in the log
    expect(log.text()).not.toContain(MOBILE)
  })

  it('refuses numbers and codes that are not mainland mobiles and six digits, in Chinese', async () => {
    for (const mobile of ['12812345678', '1381234567', '138123456789', '+8613812345678', '']) {
      const res = await server.api('/auth/sms/send', postJson({ mobile }))
      expect([mobile, res.status, (await res.json()).error.message]).toEqual([mobile, 400, '请输入正确的11位手机号'])
    }
    for (const code of ['12345', '1234567', 'abcdef', '']) {
      const res = await server.api('/auth/sms/verify', postJson({ mobile: MOBILE, code }))
      expect([code, res.status, (await res.json()).error.message]).toEqual([code, 400, '请输入6位数字验证码'])
    }
  })

  it('one send per number per 60 s: a 429 with the seconds left and Retry-After', async () => {
    const mobile = '13900000001'
    expect((await send(server, mobile)).status).toBe(200)
    clock.advance(15_000)
    const refused = await send(server, mobile)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('45')
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: '验证码已发送，获取过于频繁，请 45 秒后再试' } })
    // another number is not held up
    expect((await send(server, '13900000002')).status).toBe(200)
    clock.advance(45_000)
    expect((await send(server, mobile)).status).toBe(200)
  })

  it('a code lives 5 minutes', async () => {
    const mobile = '13900000003'
    const { devCode } = (await (await send(server, mobile)).json()) as SmsSent
    clock.advance(5 * 60_000 + 1000)
    const res = await verify(server, devCode!, mobile)
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('验证码已过期，请重新获取')
  })

  it('5 wrong tries kill the code, even for the right one after them', async () => {
    const mobile = '13900000004'
    const { devCode } = (await (await send(server, mobile)).json()) as SmsSent
    const said: string[] = []
    for (let i = 0; i < 5; i++) said.push((await (await verify(server, wrongOf(devCode!), mobile)).json()).error.message)
    expect(said).toEqual([
      '验证码不正确，还可以再试 4 次',
      '验证码不正确，还可以再试 3 次',
      '验证码不正确，还可以再试 2 次',
      '验证码不正确，还可以再试 1 次',
      '验证码错误次数过多，请重新获取',
    ])
    const late = await verify(server, devCode!, mobile)
    expect(late.status).toBe(400)
    expect((await late.json()).error.message).toBe('请先获取验证码')
  })

  it('a new send replaces the live code', async () => {
    const mobile = '13900000005'
    const first = (await (await send(server, mobile)).json()) as SmsSent
    clock.advance(61_000)
    const second = (await (await send(server, mobile)).json()) as SmsSent
    if (first.devCode !== second.devCode) expect((await verify(server, first.devCode!, mobile)).status).toBe(400)
    expect((await verify(server, second.devCode!, mobile)).status).toBe(200)
  })
})

describe('SMS sends per number per day', () => {
  it('10 per Asia/Shanghai day, then a 429 until midnight in China', async () => {
    // 2026-12-03 10:00 in Shanghai
    const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
    const server = await startTestServer({ devLogin: true, now: clock.now })
    try {
      for (let i = 0; i < 10; i++) {
        expect([i, (await send(server)).status]).toEqual([i, 200])
        clock.advance(61_000)
      }
      const refused = await send(server)
      expect(refused.status).toBe(429)
      // about 13.8 hours to 00:00 Shanghai (16:00 UTC)
      expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: '该手机号今天获取验证码的次数已达上限，请 14 小时后再试' } })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(13 * 3600)
      clock.set(new Date('2026-12-03T16:00:01Z'))
      expect((await send(server)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

describe('SMS per-IP limits', () => {
  it('20 sends an hour and 30 verifies per 10 minutes from one IP', async () => {
    const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
    const server = await startTestServer({ devLogin: true, now: clock.now })
    try {
      for (let i = 0; i < 20; i++) expect((await send(server, `1370000${String(i).padStart(4, '0')}`)).status).toBe(200)
      const refused = await send(server, '13700009999')
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      expect((await refused.json()).error.message).toMatch(/^获取验证码过于频繁，请 (\d+ 分钟|1 小时)后再试$/)

      for (let i = 0; i < 30; i++) expect((await verify(server, '000000', '13600000000')).status).toBe(400)
      const blocked = await verify(server, '000000', '13600000000')
      expect(blocked.status).toBe(429)
      expect((await blocked.json()).error.message).toMatch(/^登录尝试过于频繁，请 \d+ 分钟后再试$/)
    } finally {
      await server.close()
    }
  })
})

describe('SMS in production', () => {
  it('without dev login and without a provider: 503 短信服务未配置', async () => {
    const server = await startTestServer({ devLogin: false })
    try {
      const res = await send(server)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: '短信服务未配置' } })
      expect(await (await server.api('/auth/methods')).json()).toMatchObject({ sms: false, smsDemo: false })
    } finally {
      await server.close()
    }
  })

  describe('Tencent Cloud SMS (SendSms, TC3-HMAC-SHA256) against a local fake', () => {
    let fake: FakeTencentSms
    let server: TestServer
    const log = logCapture()
    const clock = makeClock(new Date('2026-12-03T02:00:00Z'))
    beforeAll(async () => {
      fake = await startFakeTencentSms(SECRETS)
      server = await startTestServer({
        devLogin: false,
        now: clock.now,
        logger: true,
        logStream: log.stream,
        identity: {
          tencentSms: { ...SECRETS, sdkAppId: '1400000001', signName: '台州政策通', templateId: '2000001', endpoint: fake.endpoint },
        },
      })
    })
    afterAll(async () => {
      await server.close()
      await fake.close()
    })

    it('sends a signed SendSms the fake accepts; the code arrives only by SMS and signs in', async () => {
      const res = await send(server)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ resendAfterSec: 60 })
      expect(fake.calls).toHaveLength(1)
      const call = fake.calls[0]
      expect(call.auth).toBe('ok')
      expect(call.headers['x-tc-action']).toBe('SendSms')
      expect(call.headers['x-tc-region']).toBe('ap-guangzhou')
      expect(call.body).toEqual({
        PhoneNumberSet: ['+8613812345678'],
        SmsSdkAppId: '1400000001',
        SignName: '台州政策通',
        TemplateId: '2000001',
        TemplateParamSet: [expect.stringMatching(/^\d{6}$/), '5'],
      })
      const code = fake.lastCodeFor(MOBILE)!
      const session = (await (await verify(server, code)).json()) as Session
      expect(session.user.role).toBe('resident')
      // neither the code nor the full number is logged in production
      expect(log.text()).not.toContain(code)
      expect(log.text()).not.toContain(MOBILE)
      expect(log.text()).not.toContain('演示模式验证码')
      expect(log.text()).toContain('138****5678')
    })

    it('a provider failure is a 503, and the send is taken back (no 60 s wait for a message never sent)', async () => {
      const mobile = '13900000010'
      fake.failNext('LimitExceeded.PhoneNumberOneHourLimit')
      const failed = await send(server, mobile)
      expect(failed.status).toBe(503)
      expect((await failed.json()).error.message).toBe('短信发送失败，请稍后重试')
      expect((await verify(server, '123456', mobile)).status).toBe(400)
      const retry = await send(server, mobile)
      expect(retry.status).toBe(200)
    })

    it('a wrong secret key fails the fake signature check (the fake really verifies)', async () => {
      const wrong = await startTestServer({
        devLogin: false,
        identity: { tencentSms: { ...SECRETS, secretKey: 'not-the-key', sdkAppId: '1', signName: 's', templateId: '1', endpoint: fake.endpoint } },
      })
      try {
        const res = await send(wrong, '13900000011')
        expect(res.status).toBe(503)
        expect(fake.calls.at(-1)!.auth).toBe('AuthFailure.SignatureFailure')
      } finally {
        await wrong.close()
      }
    })
  })
})
