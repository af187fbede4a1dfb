/**
 * WeChat web authorisation inside WeChat's browser (公众号网页授权, scope snsapi_base: silent, the
 * openid only). https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html
 *
 *   1. the browser goes to https://open.weixin.qq.com/connect/oauth2/authorize?appid=&redirect_uri=
 *      &response_type=code&scope=snsapi_base&state=#wechat_redirect (parameters in this order)
 *   2. WeChat sends it back to redirect_uri?code=CODE&state=STATE
 *   3. the server exchanges the code: GET https://api.weixin.qq.com/sns/oauth2/access_token
 *      ?appid=&secret=&code=&grant_type=authorization_code → {access_token, openid, scope …}
 *
 * `state` is a random nonce the server stored (single use, 10 minutes): a code arriving with any
 * other state is refused, so a link someone else started cannot sign a person in. The URL of step 3
 * carries the secret: it is never logged.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { ApiError, badRequest, unauthorized, unavailable } from '../../errors'
import { WECHAT_API_BASE } from '../../wechat/jscode2session'

export const OA_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize'
export const OA_STATE_TTL_MS = 10 * 60 * 1000

export interface WechatOaConfig {
  appId: string
  secret: string
  /** the H5 app's public origin (https://zct.example.gov.cn); default: the request's own */
  redirectOrigin?: string
  /** tests point this at the fake WeChat */
  apiBase?: string
  timeoutMs?: number
}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex')

export class OaStates {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  create(redirect: string): string {
    const state = randomBytes(16).toString('hex')
    const now = this.now()
    this.db.prepare('DELETE FROM oauth_states WHERE expires_at <= ?').run(now.toISOString())
    this.db
      .prepare('INSERT INTO oauth_states (state_hash, redirect, expires_at) VALUES (?, ?, ?)')
      .run(hashState(state), redirect, new Date(now.getTime() + OA_STATE_TTL_MS).toISOString())
    return state
  }

  /** the app path the sign-in started from; the state is used up */
  consume(state: string): string {
    const row = this.db.prepare('DELETE FROM oauth_states WHERE state_hash = ? RETURNING redirect, expires_at').get(hashState(state)) as
      | { redirect: string; expires_at: string }
      | undefined
    if (!row) throw badRequest('授权状态无效，请重新登录')
    if (Date.parse(row.expires_at) <= this.now().getTime()) throw badRequest('授权已过期，请重新登录')
    return row.redirect
  }
}

export function oaAuthorizeUrl(config: WechatOaConfig, redirectUri: string, state: string): string {
  // WeChat checks the parameter order and needs the #wechat_redirect fragment
  const q = [
    `appid=${encodeURIComponent(config.appId)}`,
    `redirect_uri=${encodeURIComponent(redirectUri)}`,
    'response_type=code',
    'scope=snsapi_base',
    `state=${encodeURIComponent(state)}`,
  ].join('&')
  return `${OA_AUTHORIZE_URL}?${q}#wechat_redirect`
}

interface OaTokenReply {
  access_token?: string
  openid?: string
  errcode?: number
  errmsg?: string
}

/** the code of step 2 → the openid; 40029 invalid code, 40163 code already used */
export async function oaOpenid(config: WechatOaConfig, code: string): Promise<string> {
  const url = new URL('/sns/oauth2/access_token', config.apiBase ?? WECHAT_API_BASE)
  url.search = new URLSearchParams({ appid: config.appId, secret: config.secret, code, grant_type: 'authorization_code' }).toString()
  let reply: OaTokenReply
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 5000) })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    reply = JSON.parse(await res.text()) as OaTokenReply
  } catch {
    throw unavailable('微信授权服务暂时不可用，请稍后重试')
  }
  if (reply.errcode === 40029 || reply.errcode === 40163) throw unauthorized('微信授权已失效，请重新登录')
  if (reply.errcode === 45011) throw new ApiError(429, 'rate_limited', '登录过于频繁，请稍后再试')
  if (reply.errcode || !reply.openid) throw unavailable('微信授权服务暂时不可用，请稍后重试')
  return reply.openid
}
