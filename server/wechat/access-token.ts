/**
 * The mini-program's access_token for server-side APIs (msgSecCheck …), from getStableAccessToken
 * (`POST /cgi-bin/stable_token`): unlike cgi-bin/token, fetching it does not invalidate the token
 * other servers of the same app hold, and the secret travels in the body, not the URL.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
 * Cached until five minutes before it expires; concurrent callers share one fetch.
 */
import { WechatCallError, wechatPost } from './http'
import type { WechatConfig } from './jscode2session'

interface StableTokenReply {
  access_token?: string
  expires_in?: number
  errcode?: number
  errmsg?: string
}

const EXPIRY_MARGIN_MS = 5 * 60 * 1000

export class AccessTokenCache {
  private cached?: { token: string; expiresAt: number }
  private pending?: Promise<string>

  constructor(
    private readonly config: WechatConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.token
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined
    })
    return this.pending
  }

  /** after WeChat called the token invalid: the next get() fetches a new one */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined
  }

  private async fetchToken(): Promise<string> {
    const reply = await wechatPost<StableTokenReply>(this.config, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.config.appId,
      secret: this.config.secret,
      force_refresh: false,
    })
    if (reply.errcode || !reply.access_token || !reply.expires_in) {
      throw new WechatCallError(`/cgi-bin/stable_token: errcode ${reply.errcode ?? 'none'}`)
    }
    const lifetimeMs = reply.expires_in * 1000
    this.cached = {
      token: reply.access_token,
      expiresAt: this.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2),
    }
    return reply.access_token
  }
}
