/**
 * WeChat's text security check, v2: is this user's text risky?
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * `POST /wxa/msg_sec_check?access_token=…` with {content, version: 2, scene, openid}; the openid
 * must belong to a user who opened the mini-program in the last two hours (else errcode 61010).
 * An invalid or expired token is fetched again once; any other failure is a WechatCallError.
 */
import type { AccessTokenCache } from './access-token'
import { WechatCallError, wechatPost } from './http'
import type { WechatConfig } from './jscode2session'

/** 1 资料 · 2 评论 · 3 论坛 · 4 社交日志 */
export type MsgSecScene = 1 | 2 | 3 | 4

export interface MsgSecVerdict {
  suggest: 'pass' | 'review' | 'risky'
  /** WeChat's category, e.g. 20001 时政, 20006 违法犯罪 */
  label?: number
}

interface MsgSecCheckReply {
  errcode?: number
  errmsg?: string
  result?: { suggest?: string; label?: number }
}

/** 40001 invalid credential · 40014 invalid access_token · 42001 access_token expired */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])
const SUGGESTIONS = new Set(['pass', 'review', 'risky'])

export async function msgSecCheck(
  config: WechatConfig,
  tokens: AccessTokenCache,
  request: { content: string; openid: string; scene?: MsgSecScene },
): Promise<MsgSecVerdict> {
  const body = { content: request.content, version: 2, scene: request.scene ?? 2, openid: request.openid }
  for (let attempt = 1; ; attempt++) {
    const token = await tokens.get()
    const reply = await wechatPost<MsgSecCheckReply>(config, '/wxa/msg_sec_check', body, { access_token: token })
    if (reply.errcode && TOKEN_ERRORS.has(reply.errcode) && attempt === 1) {
      tokens.invalidate(token)
      continue
    }
    if (reply.errcode) throw new WechatCallError(`/wxa/msg_sec_check: errcode ${reply.errcode}`)
    const suggest = reply.result?.suggest
    if (!suggest || !SUGGESTIONS.has(suggest)) throw new WechatCallError('/wxa/msg_sec_check: no result')
    return {
      suggest: suggest as MsgSecVerdict['suggest'],
      ...(typeof reply.result?.label === 'number' ? { label: reply.result.label } : {}),
    }
  }
}
