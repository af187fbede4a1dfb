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
 * `state` is a random value the server stored (single use, 10 minutes): a code arriving with any
 * other state is refused. The state is also bound to the browser that started the sign-in (review
 * M3, login CSRF): that browser made a random nonce, kept it in sessionStorage and sent its SHA-256
 * with step 1; the exchange must present the nonce itself. A link `?code=&state=` that someone
 * else started (their WeChat account) is refused in any other browser, which lacks the nonce — and
 * the sign-in page does not even try without one. A wrong nonce does NOT use the state up: the
 * state alone is worthless, and burning it on a wrong guess would let whoever saw a state (a log,
 * a shoulder) break the real resident's sign-in. The URL of step 3 carries the secret: never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { type Db, forUpdate } from '../../db/database'
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
    private readonly db: Pick<Db, 'dialect' | 'kysely'>,
    private readonly now: () => Date,
  ) {}

  /** a new state for the browser whose nonce hashes to `nonceHash` (64 hex) */
  async create(redirect: string, nonceHash: string): Promise<string> {
    const state = randomBytes(16).toString('hex')
    const now = this.now()
    await this.db.kysely.deleteFrom('oauth_states').where('expires_at', '<=', now.toISOString()).execute()
    await this.db.kysely
      .insertInto('oauth_states')
      .values({
        state_hash: hashState(state),
        redirect,
        expires_at: new Date(now.getTime() + OA_STATE_TTL_MS).toISOString(),
        nonce_hash: nonceHash.toLowerCase(),
      })
      .execute()
    return state
  }

  /**
   * The app path the sign-in started from; the state is used up. Refused (400) for a state it did
   * not issue, an expired one, or a nonce that is not the one its browser hashed — that last one
   * leaves the state as it was.
   */
  async consume(state: string, nonce: string): Promise<string> {
    const hash = hashState(state)
    const outcome = await this.db.kysely.transaction().execute(async (trx): Promise<{ redirect: string } | { refused: string }> => {
      // locked on PostgreSQL: of two exchanges of one state at once, the second waits and then
      // finds it gone (single use); SQLite's transaction holds the only connection
      const row = await forUpdate(
        this.db,
        trx.selectFrom('oauth_states').select(['redirect', 'expires_at', 'nonce_hash']).where('state_hash', '=', hash),
      ).executeTakeFirst()
      if (!row) return { refused: OA_STATE_INVALID }
      if (Date.parse(row.expires_at) <= this.now().getTime()) {
        await trx.deleteFrom('oauth_states').where('state_hash', '=', hash).execute()
        return { refused: '授权已过期，请重新登录' }
      }
      if (!row.nonce_hash || !sameHex(row.nonce_hash, hashNonce(nonce))) return { refused: OA_STATE_INVALID }
      await trx.deleteFrom('oauth_states').where('state_hash', '=', hash).execute()
      return { redirect: row.redirect }
    })
    if ('refused' in outcome) throw badRequest(outcome.refused)
    return outcome.redirect
  }
}

export const OA_STATE_INVALID = '授权状态无效，请重新登录'

/** what the browser sends with step 1: the SHA-256 of its nonce, lower-case hex */
export const hashNonce = (nonce: string) => createHash('sha256').update(nonce, 'utf8').digest('hex')

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
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
