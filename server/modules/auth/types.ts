import type { Role } from '../../../common/contract'

export type AuthProvider = 'wechat' | 'dev' | 'password' | 'sms' | 'wechat-oa'

export interface UserInput {
  provider: AuthProvider
  /** openid for wechat, `${role}:${name}` for dev logins */
  externalId: string
  nickname: string
  role: Role
  regionCode?: string
}

export interface SessionInput {
  userId: string
  /** WeChat session_key: stays in the store, never leaves the server */
  sessionKey?: string
  /** for 登录设备: the request's User-Agent (only a summary is kept) and IP */
  userAgent?: string
  ip?: string
}
