/**
 * WeChat subscription messages (订阅消息), for 宣讲点单 status changes.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * `POST /cgi-bin/message/subscribe/send?access_token=…` with {touser, template_id, page, data}.
 * The user must have accepted the template (wx.requestSubscribeMessage at 提交) and each accept
 * allows one message: 43101 says there is none left, which is 'not_sent', not a failure.
 * The template's fields, as configured in the mini-program's 订阅消息 console: thing1 宣讲主题,
 * phrase2 办理状态, thing3 备注, time4 更新时间 (thing ≤ 20 characters, phrase ≤ 5).
 */
import type { AccessTokenCache } from './access-token'
import { WechatCallError, wechatPost } from './http'
import type { WechatConfig } from './jscode2session'

export interface LectureStatusMessage {
  openid: string
  topicTitle: string
  /** 已派单 … (phrase: at most 5 characters) */
  statusLabel: string
  note: string
  /** YYYY-MM-DD HH:mm */
  time: string
  /** the order page the message opens */
  page: string
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])
/** 43101 the user has no accepted message left for this template */
const NOT_SUBSCRIBED = 43101

/** WeChat counts characters; a longer `thing` is refused (47003), so it is cut with an ellipsis */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

export async function sendLectureStatus(
  config: WechatConfig,
  tokens: AccessTokenCache,
  templateId: string,
  message: LectureStatusMessage,
): Promise<'sent' | 'not_sent'> {
  const body = {
    touser: message.openid,
    template_id: templateId,
    page: message.page,
    lang: 'zh_CN',
    data: {
      thing1: { value: clip(message.topicTitle, 20) },
      phrase2: { value: clip(message.statusLabel, 5) },
      thing3: { value: clip(message.note, 20) },
      time4: { value: message.time },
    },
  }
  for (let attempt = 1; ; attempt++) {
    const token = await tokens.get()
    const reply = await wechatPost<{ errcode?: number; errmsg?: string }>(config, '/cgi-bin/message/subscribe/send', body, { access_token: token })
    if (reply.errcode && TOKEN_ERRORS.has(reply.errcode) && attempt === 1) {
      tokens.invalidate(token)
      continue
    }
    if (reply.errcode === NOT_SUBSCRIBED) return 'not_sent'
    if (reply.errcode) throw new WechatCallError(`/cgi-bin/message/subscribe/send: errcode ${reply.errcode}`)
    return 'sent'
  }
}
