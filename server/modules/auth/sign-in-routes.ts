import type { Role } from '../../../common/contract'
import { ErrorBody } from '../../schemas/common'
import { DevLoginBody, Session, User, WechatLoginBody } from './session-schemas'
import { unavailable } from '../../errors'
import { requireRole } from '../../plugins/auth'
import type { RoutePlugin } from '../../type-provider'
import { jscode2session, type WechatConfig } from '../../wechat/jscode2session'
import { defaultNickname } from '../identity'
import { CITY_ORG_CODE, ORG_MESSAGE, validOrg } from '../dev-login/org'
import { devLoginOnlyLocal } from '../dev-login/guard'
import { linkDemoLecturer } from '../staff-scope/lecturer-link'

export interface AuthRoutesOptions {
  /** POST /auth/dev exists only when true (mock mode, development) */
  devLogin: boolean
  wechat?: WechatConfig
}

export const DEV_NICKNAMES: Record<Role, string> = {
  resident: '测试居民',
  staff: '便民服务点工作人员',
  dispatcher: '宣讲派单员',
  lecturer: '宣讲员',
  responder: '部门答复员',
  admin: '管理员',
  editor: '内容编辑',
  reviewer: '内容审核员',
  foia_officer: '信息公开专员',
  legal_reviewer: '法律审核员',
}

const authErrors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody }

/** mini-program sign-in: each call costs a jscode2session upstream, so it is bounded per address (review L8) */
export const WECHAT_LOGIN_LIMIT_PER_IP = { name: 'wechat-login', max: 30, windowMs: 10 * 60 * 1000, per: 'ip', message: '登录尝试过于频繁' } as const

export function authRoutes(options: AuthRoutesOptions): RoutePlugin {
  return async (app) => {
    if (options.devLogin) {
      app.post(
        '/auth/dev',
        {
          schema: { body: DevLoginBody, response: { 200: Session, ...authErrors } },
          config: { validationMessages: { org: ORG_MESSAGE } },
          // before the body is read: behind a proxy or under another Host it is not there at all
          onRequest: devLoginOnlyLocal,
        },
        async (request) => {
          const { role } = request.body
          const nickname = request.body.name?.trim() || DEV_NICKNAMES[role]
          // one dev account per role, organisation and name: a county editor is not the city's
          const org = request.body.org === undefined ? undefined : validOrg(request.body.org, await app.store.content.regionTree())
          const externalId = org ? `${role}:${org}:${nickname}` : `${role}:${nickname}`
          const user = await app.store.auth.upsertUser({ provider: 'dev', externalId, nickname, role })
          if (org) await app.store.auth.setUserOrg(user.id, org)
          // staff without `org` act for the city, so demos and tests see data (a staff account
          // without an organisation sees nothing); a demo lecturer name links to that lecturer
          else if (role !== 'resident') await app.store.auth.setUserOrg(user.id, CITY_ORG_CODE)
          if (role === 'lecturer') await linkDemoLecturer(app, user.id, nickname)
          return app.store.auth.createSession({ userId: user.id, userAgent: request.headers['user-agent'], ip: request.ip })
        },
      )
    }

    app.post(
      '/auth/wechat',
      { schema: { body: WechatLoginBody, response: { 200: Session, ...authErrors } }, preHandler: app.limit(WECHAT_LOGIN_LIMIT_PER_IP) },
      async (request) => {
        if (!options.wechat) throw unavailable('未配置微信登录')
        const wx = await jscode2session(options.wechat, request.body.code)
        const user = await app.store.auth.upsertUser({
          provider: 'wechat',
          externalId: wx.openid,
          // only for a new user: an existing one keeps the name they chose
          nickname: defaultNickname(),
          role: 'resident',
        })
        return app.store.auth.createSession({ userId: user.id, sessionKey: wx.sessionKey, userAgent: request.headers['user-agent'], ip: request.ip })
      },
    )

    app.get(
      '/auth/me',
      {
        schema: { response: { 200: User, 401: ErrorBody } },
        config: { cache: 'no-store' },
        preHandler: requireRole(),
      },
      async (request) => request.user!,
    )
  }
}
