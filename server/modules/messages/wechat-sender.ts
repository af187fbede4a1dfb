/**
 * Sends one WeChat subscription message (订阅消息):
 * `POST https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=…` with
 * {touser, template_id, page, lang, data: {key: {value}}}.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * The access_token comes from AccessTokenCache (cached until shortly before it expires, one fetch
 * shared by concurrent callers); a token WeChat calls invalid is dropped and fetched again once.
 * 43101 (the user has no accepted message left for the template) is 'not_sent', not a failure.
 * Field limits (WeChat refuses longer ones with 47003): thing ≤ 20 characters, phrase ≤ 5 汉字,
 * time 24-hour "YYYY-MM-DD HH:mm" — the caller clips with `clip`.
 */
import { AccessTokenCache } from '../../wechat/access-token'
import { WechatCallError, wechatPost } from '../../wechat/http'
import type { WechatConfig } from '../../wechat/jscode2session'

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** the mini-program page the message opens */
  page: string
  /** template keys (thing1, time3 …) → values */
  data: Record<string, string>
}

export type SendResult = 'sent' | 'not_sent'

/** how a message leaves: WeChat in production, a fake in tests */
export interface SubscribeTransport {
  send(message: SubscribeMessage): Promise<SendResult>
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])
const NOT_SUBSCRIBED = 43101

export function wechatSubscribeTransport(config: WechatConfig, tokens: AccessTokenCache = new AccessTokenCache(config)): SubscribeTransport {
  return {
    async send(message) {
      const body = {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
      }
      for (let attempt = 1; ; attempt++) {
        const token = await tokens.get()
        const reply = await wechatPost<{ errcode?: number }>(config, '/cgi-bin/message/subscribe/send', body, { access_token: token })
        if (reply.errcode && TOKEN_ERRORS.has(reply.errcode) && attempt === 1) {
          tokens.invalidate(token)
          continue
        }
        if (reply.errcode === NOT_SUBSCRIBED) return 'not_sent'
        if (reply.errcode) throw new WechatCallError(`/cgi-bin/message/subscribe/send: errcode ${reply.errcode}`)
        return 'sent'
      }
    },
  }
}
