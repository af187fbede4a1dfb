/**
 * The mini-program's phone-number code (Button openType="getPhoneNumber" → e.detail.code) → the
 * number, via `POST /wxa/business/getuserphonenumber?access_token=…` {code}; each code is single
 * use and lives 5 minutes. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
 * Replies {errcode: 0, phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark:{appid}}}.
 */
import { badRequest, unavailable } from '../../errors'
import type { AccessTokenCache } from '../../wechat/access-token'
import { WechatCallError, wechatPost } from '../../wechat/http'
import type { WechatConfig } from '../../wechat/jscode2session'

interface PhoneReply {
  errcode?: number
  errmsg?: string
  phone_info?: { purePhoneNumber?: string; countryCode?: string | number; watermark?: { appid?: string } }
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])
/** 40029 invalid code (also: already used or expired) */
const INVALID_CODE = 40029

export async function getUserPhoneNumber(config: WechatConfig, tokens: AccessTokenCache, code: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let reply: PhoneReply
    const token = await tokens.get().catch(() => {
      throw unavailable('微信服务暂时不可用，请稍后重试')
    })
    try {
      reply = await wechatPost<PhoneReply>(config, '/wxa/business/getuserphonenumber', { code }, { access_token: token })
    } catch (err) {
      if (err instanceof WechatCallError) throw unavailable('微信服务暂时不可用，请稍后重试')
      throw err
    }
    if (reply.errcode && TOKEN_ERRORS.has(reply.errcode) && attempt === 1) {
      tokens.invalidate(token)
      continue
    }
    if (reply.errcode === INVALID_CODE) throw badRequest('手机号授权已失效，请重新点击绑定')
    if (reply.errcode) throw unavailable('微信服务暂时不可用，请稍后重试')
    const info = reply.phone_info
    if (info?.watermark?.appid && info.watermark.appid !== config.appId) throw badRequest('手机号授权无效，请重新点击绑定')
    if (!info?.purePhoneNumber || String(info.countryCode) !== '86') throw badRequest('仅支持绑定中国大陆手机号')
    return info.purePhoneNumber
  }
}
