/**
 * wx.login() code → openid + session_key, via WeChat's code2Session API.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 * The URL carries the app secret: never log it.
 */
import { ApiError, unauthorized, unavailable } from '../errors'

export const WECHAT_API_BASE = 'https://api.weixin.qq.com'

export interface WechatConfig {
  appId: string
  secret: string
  /** tests point this at a local stand-in */
  apiBase?: string
  timeoutMs?: number
  /** the 订阅消息 template for 宣讲点单 status changes (WECHAT_LECTURE_TEMPLATE_ID) */
  lectureTemplateId?: string
  /** the 订阅消息 template for consultation replies (WECHAT_CONSULTATION_TEMPLATE_ID) */
  consultationTemplateId?: string
  /** the 订阅消息 template for 政策找人 (WECHAT_POLICY_TEMPLATE_ID): thing1 政策名称, thing2 温馨提示, time3 发布时间 */
  policyTemplateId?: string
  /** the 订阅消息 template for 依申请公开 steps (WECHAT_FOIA_TEMPLATE_ID): character_string1 申请编号, thing2 受理机关, phrase3 办理状态, time4 更新时间 */
  foiaTemplateId?: string
}

export interface WechatSession {
  openid: string
  sessionKey: string
  unionid?: string
}

interface Code2SessionReply {
  openid?: string
  session_key?: string
  unionid?: string
  errcode?: number
  errmsg?: string
}

/** errcode → what the caller is told; 40029 invalid code, 40163 code already used, 45011 too frequent */
function errorFor(errcode: number): ApiError {
  if (errcode === 40029 || errcode === 40163) return unauthorized('微信登录凭证无效或已过期，请重新登录')
  if (errcode === 45011) return new ApiError(429, 'rate_limited', '登录过于频繁，请稍后再试')
  return unavailable('微信登录服务暂时不可用，请稍后重试')
}

export async function jscode2session(config: WechatConfig, code: string): Promise<WechatSession> {
  const url = new URL('/sns/jscode2session', config.apiBase ?? WECHAT_API_BASE)
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString()

  let reply: Code2SessionReply
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 5000) })
    if (!res.ok) throw new Error(`code2Session HTTP ${res.status}`)
    // WeChat answers JSON with a text/plain content type
    reply = JSON.parse(await res.text()) as Code2SessionReply
  } catch {
    throw unavailable('微信登录服务暂时不可用，请稍后重试')
  }
  if (reply.errcode) throw errorFor(reply.errcode)
  if (!reply.openid || !reply.session_key) throw unavailable('微信登录服务暂时不可用，请稍后重试')
  return {
    openid: reply.openid,
    sessionKey: reply.session_key,
    ...(reply.unionid ? { unionid: reply.unionid } : {}),
  }
}
