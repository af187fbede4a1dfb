import Taro from '@tarojs/taro'
import { api } from '@/api'

export const getAuthMethods = () => api.call('GET /auth/methods', { cache: 'network' })
export const sendSmsCode = (mobile: string) => api.call('POST /auth/sms/send', { body: { mobile } })
export const verifySmsCode = (mobile: string, code: string) => api.call('POST /auth/sms/verify', { body: { mobile, code } })
/** nonceHash: from startOaNonce(); the nonce stays in this tab for the exchange */
export const wechatOaUrl = (redirect: string | undefined, nonceHash: string) =>
  api.call('GET /auth/wechat-oa/url', { query: { redirect, nonceHash }, cache: 'network' })
export const wechatOaLogin = (code: string, state: string, nonce: string) => api.call('POST /auth/wechat-oa', { body: { code, state, nonce } })
export const bindPhone = (code: string) => api.call('POST /auth/phone', { body: { code } })
export const setNickname = (nickname: string) => api.call('PUT /me/nickname', { body: { nickname } })

/** the mini-program: wx.login's code → a session */
export async function wechatMiniLogin() {
  const { code } = await Taro.login()
  return api.call('POST /auth/wechat', { body: { code } })
}
