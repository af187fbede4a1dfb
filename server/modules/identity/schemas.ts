import { Type } from '@sinclair/typebox'
import { APP_PATH_PATTERN, MOBILE_PATTERN } from '../../../common/contract'
import { Session, User } from '../auth/session-schemas'

export const AuthMethods = Type.Object({
  sms: Type.Boolean(),
  smsDemo: Type.Boolean(),
  wechatOa: Type.Boolean(),
  wechat: Type.Boolean(),
})

export const SmsSendBody = Type.Object({ mobile: Type.String({ pattern: MOBILE_PATTERN }) }, { additionalProperties: false })
export const SmsSent = Type.Object({ resendAfterSec: Type.Integer(), devCode: Type.Optional(Type.String()) })
export const SmsVerifyBody = Type.Object(
  { mobile: Type.String({ pattern: MOBILE_PATTERN }), code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
)

/** the SHA-256 (hex) of the browser's sign-in nonce, and the nonce itself at the exchange (review M3) */
export const OA_NONCE_HASH_PATTERN = '^[0-9a-fA-F]{64}$'
export const OA_NONCE_PATTERN = '^[A-Za-z0-9_-]{32,128}$'
export const OaUrlQuery = Type.Object({
  redirect: Type.Optional(Type.String({ maxLength: 500, pattern: APP_PATH_PATTERN })),
  nonceHash: Type.String({ pattern: OA_NONCE_HASH_PATTERN }),
})
export const OaUrl = Type.Object({ url: Type.String() })
export const OaLoginBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 128 }),
    state: Type.String({ minLength: 1, maxLength: 64 }),
    nonce: Type.String({ pattern: OA_NONCE_PATTERN }),
  },
  { additionalProperties: false },
)
export const OaSession = Type.Intersect([Session, Type.Object({ redirect: Type.String() })])

export const PhoneBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false })
export const PhoneBound = Type.Object({ user: User, mobile: Type.String(), merged: Type.Boolean() })

// length is checked after trimming by checkNickname; this only bounds what is parsed
export const NicknameBody = Type.Object({ nickname: Type.String({ maxLength: 64 }) }, { additionalProperties: false })

export const messages = {
  mobile: '请输入正确的11位手机号',
  code: '请输入6位数字验证码',
  redirect: '返回页面地址不正确',
  state: '授权状态无效，请重新登录',
  nickname: '昵称最多12个字',
  nonceHash: '登录校验信息不正确，请刷新页面后重试',
  nonce: '授权状态无效，请重新登录',
}
