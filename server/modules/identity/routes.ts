/**
 * Residents' sign-in and identity:
 *   GET  /auth/methods                what this server offers (SMS, its demo mode, WeChat web authorisation)
 *   POST /auth/sms/send {mobile}      a code by SMS (in the demo: in the log and as devCode)
 *   POST /auth/sms/verify {mobile, code} → Session (the resident of that number, created the first time)
 *   GET  /auth/wechat-oa/url?redirect=&nonceHash= → the open.weixin.qq.com authorisation URL (state bound to the browser's nonce)
 *   POST /auth/wechat-oa {code, state, nonce} → Session and the app path to return to
 *   POST /auth/phone {code}           mini-program: bind the WeChat phone number (merging the H5 account)
 *   PUT  /me/nickname {nickname}      a resident's display name, content-checked
 * Full numbers and codes are never logged (138****5678), except the demo sender's code.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify'
import type { AuthMethods as AuthMethodsAnswer, User } from '../../../common/contract'
import { RESIDENT_SIGN_IN_PATH } from '../../../common/contract'
import { CONTENT_REFUSED_MESSAGE, createContentChecker, type ContentChecker } from '../../content-check'
import { badRequest, conflict, forbidden, unavailable } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import { Session, User as UserSchema } from '../auth/session-schemas'
import { SqliteStore } from '../../store/sqlite'
import type { RoutePlugin } from '../../type-provider'
import { AccessTokenCache } from '../../wechat/access-token'
import type { WechatConfig } from '../../wechat/jscode2session'
import { maskMobile } from './mobile'
import { checkNickname, defaultNickname } from './nickname'
import { getUserPhoneNumber } from './phone-number'
import { IdentityRepository } from './repository'
import {
  AuthMethods,
  messages,
  NicknameBody,
  OaLoginBody,
  OaSession,
  OaUrl,
  OaUrlQuery,
  PhoneBody,
  PhoneBound,
  SmsSendBody,
  SmsSent,
  SmsVerifyBody,
} from './schemas'
import { SMS_RESEND_MS, SmsCodes, SmsRateLimited } from './sms-codes'
import { LogSender, SmsSendError, type SmsSender } from './sms-sender'
import { TencentSmsSender, type TencentSmsConfig } from './tencent-sms'
import { OaStates, oaAuthorizeUrl, oaOpenid, type WechatOaConfig } from './wechat-oa'

export interface IdentityOptions {
  /** the local demo (dev login on): SMS codes go to the log and back as devCode */
  devLogin: boolean
  /** a real SMS provider (SMS_PROVIDER=tencent) */
  tencentSms?: TencentSmsConfig
  /** tests may hand in their own sender; wins over the two above */
  smsSender?: SmsSender
  /** WeChat web authorisation (WECHAT_OA_APPID / WECHAT_OA_SECRET) */
  wechatOa?: WechatOaConfig
  /** the mini-program (phone binding; msgSecCheck for nicknames) */
  wechat?: WechatConfig
  contentChecker?: ContentChecker
}

export const IDENTITY_LIMITS = {
  smsSendPerIp: { name: 'sms-send', max: 20, windowMs: 60 * 60 * 1000, per: 'ip', message: '获取验证码过于频繁' },
  smsVerifyPerIp: { name: 'sms-verify', max: 30, windowMs: 10 * 60 * 1000, per: 'ip', message: '登录尝试过于频繁' },
  oaPerIp: { name: 'wechat-oa', max: 30, windowMs: 10 * 60 * 1000, per: 'ip', message: '登录尝试过于频繁' },
  phonePerUser: { name: 'bind-phone', max: 10, windowMs: 60 * 60 * 1000, per: 'user', message: '绑定手机号过于频繁' },
  nicknamePerUser: { name: 'nickname', max: 10, windowMs: 60 * 60 * 1000, per: 'user', message: '修改昵称过于频繁' },
} as const

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const DEFAULT_REDIRECT = '/pages/mine/index'

/** the SMS sender these options choose, first that applies: the caller's own (tests), a real provider, the demo's log (dev login on); or none */
function smsSenderFor(options: Pick<IdentityOptions, 'devLogin' | 'tencentSms' | 'smsSender'>, log: FastifyBaseLogger): SmsSender | undefined {
  return options.smsSender ?? (options.tencentSms ? new TencentSmsSender(options.tencentSms) : options.devLogin ? new LogSender(log) : undefined)
}

function authMethodsWith(sender: SmsSender | undefined, options: Pick<IdentityOptions, 'wechatOa' | 'wechat'>): AuthMethodsAnswer {
  return { sms: Boolean(sender), smsDemo: Boolean(sender?.demo), wechatOa: Boolean(options.wechatOa), wechat: Boolean(options.wechat) }
}

/** what GET /auth/methods says for these options (the sender as identityRoutes chooses it): for 我的's first screen */
export function authMethodsOf(
  options: Pick<IdentityOptions, 'devLogin' | 'tencentSms' | 'smsSender' | 'wechatOa' | 'wechat'>,
  log: FastifyBaseLogger,
): AuthMethodsAnswer {
  return authMethodsWith(smsSenderFor(options, log), options)
}

export function identityRoutes(options: IdentityOptions): RoutePlugin {
  return async (app) => {
    if (!(app.store instanceof SqliteStore)) throw new Error('identity routes need the SQLite store')
    const store = app.store
    const users = new IdentityRepository(store.database, store.now)
    const codes = new SmsCodes(store.database, store.now)
    const states = new OaStates(store.database, store.now)
    const sender = smsSenderFor(options, app.log)
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    const tokens = options.wechat && new AccessTokenCache(options.wechat)

    const userOf = async (id: string): Promise<User> => (await store.auth.getUser(id))!
    // like staff sessions, with the device and address they came from (登录设备)
    const sessionFor = (id: string, request: FastifyRequest) =>
      store.auth.createSession({ userId: id, userAgent: request.headers['user-agent'], ip: request.ip })

    const methods = authMethodsWith(sender, options)
    app.get('/auth/methods', { schema: { response: { 200: AuthMethods } }, config: { cache: 'no-store' } }, async () => methods)

    app.post(
      '/auth/sms/send',
      {
        schema: { body: SmsSendBody, response: { 200: SmsSent, ...errors } },
        config: { validationMessages: messages, cache: 'no-store' },
        preHandler: [app.limit(IDENTITY_LIMITS.smsSendPerIp)],
      },
      async (request, reply) => {
        if (!sender) throw unavailable('短信服务未配置')
        const { mobile } = request.body
        let issued
        try {
          issued = await codes.issue(mobile)
        } catch (err) {
          if (err instanceof SmsRateLimited) reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))))
          throw err
        }
        try {
          await sender.send(mobile, issued.code)
        } catch (err) {
          await issued.undo()
          request.log.warn({ mobile: maskMobile(mobile), reason: err instanceof SmsSendError ? err.message : 'unexpected error' }, 'sms code not sent')
          throw unavailable('短信发送失败，请稍后重试')
        }
        request.log.info({ mobile: maskMobile(mobile) }, 'sms code sent')
        return { resendAfterSec: SMS_RESEND_MS / 1000, ...(sender.demo ? { devCode: issued.code } : {}) }
      },
    )

    app.post(
      '/auth/sms/verify',
      {
        schema: { body: SmsVerifyBody, response: { 200: Session, ...errors } },
        config: { validationMessages: messages, cache: 'no-store' },
        preHandler: [app.limit(IDENTITY_LIMITS.smsVerifyPerIp)],
      },
      async (request) => {
        const { mobile, code } = request.body
        await codes.verify(mobile, code)
        const user = (await users.byMobile(mobile)) ?? (await users.findOrCreateResident('sms', mobile, defaultNickname(), mobile))
        // SMS signs in residents only: a staff account with this number uses 工作人员登录
        if (user.role !== 'resident') throw forbidden('该手机号属于工作人员账号，请使用工作人员登录')
        request.log.info({ mobile: maskMobile(mobile), userId: user.id }, 'signed in by sms')
        return sessionFor(user.id, request)
      },
    )

    app.get(
      '/auth/wechat-oa/url',
      {
        schema: { querystring: OaUrlQuery, response: { 200: OaUrl, ...errors } },
        config: { validationMessages: messages, cache: 'no-store' },
        preHandler: [app.limit(IDENTITY_LIMITS.oaPerIp)],
      },
      async (request) => {
        const oa = options.wechatOa
        if (!oa) throw unavailable('未配置微信网页授权')
        const state = await states.create(request.query.redirect ?? DEFAULT_REDIRECT, request.query.nonceHash)
        const origin = oa.redirectOrigin ?? `${request.protocol}://${request.host}`
        return { url: oaAuthorizeUrl(oa, `${origin}${RESIDENT_SIGN_IN_PATH}`, state) }
      },
    )

    app.post(
      '/auth/wechat-oa',
      {
        schema: { body: OaLoginBody, response: { 200: OaSession, ...errors } },
        config: { validationMessages: messages, cache: 'no-store' },
        preHandler: [app.limit(IDENTITY_LIMITS.oaPerIp)],
      },
      async (request) => {
        const oa = options.wechatOa
        if (!oa) throw unavailable('未配置微信网页授权')
        // the nonce only the browser that asked for this state holds (review M3)
        const redirect = await states.consume(request.body.state, request.body.nonce)
        const openid = await oaOpenid(oa, request.body.code)
        const user = await users.findOrCreateResident('wechat-oa', openid, defaultNickname())
        return { ...(await sessionFor(user.id, request)), redirect }
      },
    )

    app.post(
      '/auth/phone',
      {
        schema: { body: PhoneBody, response: { 200: PhoneBound, ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(),
        preHandler: [app.limit(IDENTITY_LIMITS.phonePerUser)],
      },
      async (request) => {
        const wechat = options.wechat
        if (!wechat || !tokens) throw unavailable('未配置微信小程序')
        const me = (await users.byId(request.user!.id))!
        if (me.provider !== 'wechat') throw badRequest('请在微信小程序中绑定手机号')
        const mobile = await getUserPhoneNumber(wechat, tokens, request.body.code)
        // the holder is judged inside the binding's transaction, as it is when the number is bound
        const { mergedFrom } = await users.bindMobile(me.id, mobile, (holder) => {
          if (holder.role !== 'resident') throw conflict('该手机号已用于其他账号，请联系工作人员')
          if (holder.provider === 'wechat') throw conflict('该手机号已绑定另一个微信账号')
        })
        request.log.info({ userId: me.id, mobile: maskMobile(mobile), mergedFrom }, 'mobile bound')
        return { user: await userOf(me.id), mobile: maskMobile(mobile), merged: Boolean(mergedFrom) }
      },
    )

    app.put(
      '/me/nickname',
      {
        schema: { body: NicknameBody, response: { 200: UserSchema, ...errors } },
        config: { validationMessages: messages, cache: 'no-store' },
        onRequest: requireRole('resident'),
        preHandler: [app.limit(IDENTITY_LIMITS.nicknamePerUser)],
      },
      async (request) => {
        const checked = checkNickname(request.body.nickname)
        if (!checked.ok) throw badRequest(checked.message)
        const user = request.user!
        const verdict = await checker.checkText(checked.nickname, { openid: await store.auth.wechatOpenid(user.id), log: request.log })
        if (!verdict.ok) throw badRequest(CONTENT_REFUSED_MESSAGE)
        await users.setNickname(user.id, checked.nickname)
        return userOf(user.id)
      },
    )
  }
}
