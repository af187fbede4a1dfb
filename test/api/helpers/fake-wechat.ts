/**
 * A local stand-in for api.weixin.qq.com: code2Session, stable_token, msg_sec_check (v2) and
 * subscribeMessage.send (an openid containing `unsubscribed` has not accepted: 43101).
 * Content containing 违规 is risky, 待审 is review, anything else passes; `next` scripts faults.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeWechatCall {
  path: string
  query: Record<string, string>
  body: Record<string, unknown>
}

export interface FakeWechat {
  apiBase: string
  calls: FakeWechatCall[]
  callsTo: (path: string) => FakeWechatCall[]
  /** the token msg_sec_check accepts; rotate() makes the cached one stale (errcode 42001) */
  token: () => string
  rotate: () => void
  /** the next msg_sec_check answers this errcode (once) */
  failNextCheck: (errcode: number) => void
  /** msg_sec_check answers after this many ms */
  checkDelayMs: number
  /** getuserriskrank: risk_rank per openid (default 0); an openid with `riskerror` gets errcode -1 */
  riskRanks: Record<string, number>
  /** getuserriskrank answers after this many ms */
  riskDelayMs: number
  close: () => Promise<void>
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: FakeWechatCall[] = []
  let generation = 1
  let nextErrcode: number | undefined
  const fake = { checkDelayMs: 0 } as FakeWechat
  Object.assign(fake, { riskRanks: {}, riskDelayMs: 0 })

  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url!, 'http://wx')
      const call = {
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      }
      calls.push(call)
      const send = (value: unknown) => {
        res.setHeader('content-type', 'text/plain') // as WeChat does
        res.end(JSON.stringify(value))
      }
      if (call.path === '/sns/jscode2session') {
        send({ openid: `o-${call.query.js_code}`, session_key: 'sk' })
      } else if (call.path === '/cgi-bin/stable_token') {
        send({ access_token: `token-${generation}`, expires_in: 7200 })
      } else if (call.path === '/wxa/msg_sec_check') {
        const content = String(call.body.content)
        const answer = () => {
          if (call.query.access_token !== `token-${generation}`) return send({ errcode: 42001, errmsg: 'access_token expired' })
          if (nextErrcode !== undefined) {
            const errcode = nextErrcode
            nextErrcode = undefined
            return send({ errcode, errmsg: 'scripted' })
          }
          const suggest = content.includes('违规') ? 'risky' : content.includes('待审') ? 'review' : 'pass'
          send({ errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20006 }, trace_id: 't' })
        }
        setTimeout(answer, fake.checkDelayMs)
      } else if (call.path === '/cgi-bin/message/subscribe/send') {
        // a user who never accepted the template: WeChat's 43101
        if (String(call.body.touser).includes('unsubscribed')) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
        send(call.query.access_token === `token-${generation}` ? { errcode: 0, errmsg: 'ok' } : { errcode: 42001, errmsg: 'access_token expired' })
      } else if (call.path === '/wxa/getuserriskrank') {
        const openid = String(call.body.openid)
        const answer = () => {
          if (call.query.access_token !== `token-${generation}`) return send({ errcode: 42001, errmsg: 'access_token expired' })
          if (openid.includes('riskerror')) return send({ errcode: -1, errmsg: 'system error' })
          send({ errcode: 0, errmsg: 'getuserriskrank succ', risk_rank: fake.riskRanks[openid] ?? 0, unoin_id: 1 })
        }
        setTimeout(answer, fake.riskDelayMs)
      } else if (call.path === '/sns/oauth2/access_token') {
        // 公众号网页授权: code `used…` was spent already (40163), `bad…` is invalid (40029)
        const code = call.query.code ?? ''
        if (!call.query.appid || !call.query.secret || call.query.grant_type !== 'authorization_code') return send({ errcode: 41002, errmsg: 'appid missing' })
        if (code.startsWith('used')) return send({ errcode: 40163, errmsg: 'code been used' })
        if (code.startsWith('bad')) return send({ errcode: 40029, errmsg: 'invalid code' })
        send({ access_token: 'oa-token', expires_in: 7200, refresh_token: 'r', openid: `oa-${code}`, scope: 'snsapi_base' })
      } else if (call.path === '/wxa/business/getuserphonenumber') {
        // the phone code `phone-<11 digits>` stands for that number; `phone-intl` for a foreign one
        if (call.query.access_token !== `token-${generation}`) return send({ errcode: 42001, errmsg: 'access_token expired' })
        const code = String(call.body.code ?? '')
        if (code === 'phone-intl')
          return send({
            errcode: 0,
            errmsg: 'ok',
            phone_info: { phoneNumber: '+14155550100', purePhoneNumber: '4155550100', countryCode: '1', watermark: { timestamp: 1, appid: 'wx-test' } },
          })
        const m = /^phone-(\d{11})$/.exec(code)
        if (!m) return send({ errcode: 40029, errmsg: 'invalid code' })
        send({
          errcode: 0,
          errmsg: 'ok',
          phone_info: { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86', watermark: { timestamp: 1, appid: 'wx-test' } },
        })
      } else {
        res.statusCode = 404
        send({ errcode: 404 })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return Object.assign(fake, {
    apiBase: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (path: string) => calls.filter((c) => c.path === path),
    token: () => `token-${generation}`,
    rotate: () => {
      generation++
    },
    failNextCheck: (errcode: number) => {
      nextErrcode = errcode
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
