/**
 * Residents' identity (issue 12): SMS sign-in on H5, WeChat web authorisation in WeChat's browser,
 * binding the mobile in the mini-program, display names. The endpoints join `Endpoints` by
 * declaration merging, so this file is the whole of the identity contract.
 */
import type { Session, User } from './entities'

/** the H5/mini-program page residents sign in on; WeChat web authorisation returns to it */
export const RESIDENT_SIGN_IN_PATH = '/packages/sign-in/pages/resident/index'

/** an app page to return to after sign-in: a page of the app, never another site */
export const APP_PATH_PATTERN = '^/(pages|packages)/[A-Za-z0-9_/-]+(\\?[^#\\s]*)?$'
export const isAppPath = (s: string): boolean => s.length <= 500 && new RegExp(APP_PATH_PATTERN).test(s)

export const SMS_CODE_LENGTH = 6
export const SMS_RESEND_SEC = 60
export const NICKNAME_MIN_LENGTH = 2
export const NICKNAME_MAX_LENGTH = 12

/** which sign-in methods this server offers */
export interface AuthMethods {
  sms: boolean
  /** the local demo: the code comes back as devCode and is shown on screen */
  smsDemo: boolean
  /** WeChat web authorisation (inside WeChat's browser) */
  wechatOa: boolean
  /** mini-program WeChat login and phone binding */
  wechat: boolean
}

export interface SmsSent {
  resendAfterSec: number
  /** only in demo mode */
  devCode?: string
}

export interface PhoneBound {
  user: User
  /** 138****5678 */
  mobile: string
  /** an H5 account with this number became this one */
  merged: boolean
}

declare module './endpoints' {
  interface Endpoints {
    'GET /auth/methods': { res: AuthMethods }
    'POST /auth/sms/send': { body: { mobile: string }; res: SmsSent }
    'POST /auth/sms/verify': { body: { mobile: string; code: string }; res: Session }
    /** nonceHash: SHA-256 (hex) of a random nonce this browser keeps in sessionStorage */
    'GET /auth/wechat-oa/url': { query: { redirect?: string; nonceHash: string }; res: { url: string } }
    /** nonce: the one whose hash started this state; without it the state is refused */
    'POST /auth/wechat-oa': { body: { code: string; state: string; nonce: string }; res: Session & { redirect: string } }
    'POST /auth/phone': { body: { code: string }; res: PhoneBound }
    'PUT /me/nickname': { body: { nickname: string }; res: User }
  }
}
