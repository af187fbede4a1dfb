/**
 * 账号管理 for admins, within their organisation and below (分级维护):
 *
 *   GET  /admin/accounts?q=&role=&org=&page=&pageSize=
 *   POST /admin/accounts {username, name, role, orgCode, department?, password}   (Idempotency-Key)
 *   POST /admin/accounts/:id/disable · /enable · /reset-password {password}
 *
 * An account elsewhere is a 403 (an admin of 仙居县 cannot touch 椒江区's), an unknown id a 404.
 * Disabling or resetting a password ends every session of that account at once. Each change is
 * written to the audit log in its own transaction. No answer carries password data.
 */
import type { FastifyRequest } from 'fastify'
import type { StaffAccount as StaffAccountEntity } from '../../../common/contract'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import { requestHash } from '../idempotency'
import type { RoutePlugin } from '../../type-provider'
import { REPLAYED_HEADER } from '../consultations/routes'
import { auditInTransaction } from '../audit/plugin'
import { accountsOf } from '../auth/routes'
import { CITY_ORG_CODE, isOrgCode, orgCovers } from '../auth/org-scope'
import { checkLecturerLink, checkLecturerOfMenu } from '../staff-scope/lecturer-link'
import { StaffScopeRepository } from '../staff-scope/repository'
import { hashPassword, passwordProblem } from '../auth/password'
import { type AccountsRepository, normaliseUsername } from './repository'
import { AccountQuery, accountMessages, DEPARTMENT_MAX, IdempotencyHeaders, NAME_MAX, ResetPasswordInput, StaffAccount, StaffAccountInput } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const CREATE_SCOPE = 'POST /admin/accounts'

/** the admin's organisation; an admin without one manages nothing */
export function adminOrg(request: FastifyRequest): string {
  const code = request.user?.org?.code
  if (!code || !isOrgCode(code)) throw forbidden('该账号未设置所属单位，不能管理账号')
  return code
}

const chars = (s: string) => [...s].length

/** `target` is an organisation under `own`, not `own` itself */
const strictlyBelow = (own: string, target: string) => target !== own && orgCovers(own, target)

export function accountRoutes(): RoutePlugin {
  return async (app) => {
    const accounts = accountsOf(app)

    /**
     * The account if the admin may act on it: 404 unknown, 403 elsewhere, and 403 for another
     * admin of the same level or above (admins manage non-admins at their level and admins strictly
     * below, so a peer cannot take over a peer's account by resetting its password).
     */
    const manageable = async (request: FastifyRequest, id: string): Promise<StaffAccountEntity> => {
      const account = await accounts.getAccount(id)
      if (!account) throw notFound('找不到该账号')
      const own = adminOrg(request)
      if (!orgCovers(own, account.org.code)) throw forbidden('不能管理其他单位的账号')
      if (account.role === 'admin' && account.id !== request.user!.id && !strictlyBelow(own, account.org.code)) {
        throw forbidden('只能管理下级单位的管理员账号')
      }
      return account
    }

    app.get(
      '/admin/accounts',
      {
        schema: { querystring: AccountQuery, response: { 200: PageOf(StaffAccount), ...errors } },
        config: { cache: 'no-store', validationMessages: accountMessages },
        onRequest: requireRole('admin'),
      },
      async (request) => {
        const own = adminOrg(request)
        const org = request.query.org || own
        if (!orgCovers(own, org)) throw forbidden('不能查看其他单位的账号')
        const { q, page, pageSize } = request.query
        return await accounts.listAccounts({ q, role: request.query.role || undefined, org, page, pageSize })
      },
    )

    app.post(
      '/admin/accounts',
      {
        schema: { headers: IdempotencyHeaders, body: StaffAccountInput, response: { 201: StaffAccount, ...errors } },
        config: { validationMessages: accountMessages, audit: { action: 'account.create', target: 'account' } },
        onRequest: requireRole('admin'),
        preHandler: app.limit({ name: 'account-create', max: 60, windowMs: 60 * 60_000, per: 'user', message: '创建账号过于频繁' }),
      },
      async (request, reply) => {
        const admin = request.user!
        const own = adminOrg(request)
        const body = request.body
        const username = normaliseUsername(body.username)
        const name = body.name.trim()
        const department = body.department?.trim() || undefined
        if (!name || chars(name) > NAME_MAX) throw badRequest(accountMessages.name)
        if (department && chars(department) > DEPARTMENT_MAX) throw badRequest(accountMessages.department)
        if (!isOrgCode(body.orgCode)) throw badRequest(accountMessages.orgCode)
        if (!orgCovers(own, body.orgCode)) throw forbidden('只能在本单位及下级单位创建账号')
        if (body.role === 'admin' && !strictlyBelow(own, body.orgCode)) throw forbidden('只能为下级单位创建管理员账号')
        const lecturerId = body.lecturerId?.trim() || undefined
        // the password never enters the request hash: the idempotency table would otherwise keep a fast hash of it
        const hash = requestHash({ username, name, role: body.role, orgCode: body.orgCode, department, ...(lecturerId ? { lecturerId } : {}) })
        const key = request.headers['idempotency-key']
        const replay = async (repo: AccountsRepository) => {
          const earlier = key ? await repo.storedAnswer(admin.id, CREATE_SCOPE, key) : undefined
          if (!earlier) return undefined
          if (earlier.requestHash !== hash) throw idempotencyKeyReused()
          return earlier.body as StaffAccountEntity
        }
        const earlier = await replay(accounts)
        if (earlier) return reply.code(201).header(REPLAYED_HEADER, 'true').send(earlier)

        const problem = passwordProblem(body.password, username)
        if (problem) throw badRequest(problem)
        const passwordHash = await hashPassword(body.password)
        if (lecturerId) await checkLecturerOfMenu(app, body.role, lecturerId)
        const result = await accounts.transaction(async (tx, trx): Promise<{ account: StaffAccountEntity; replayed: boolean }> => {
          const again = await replay(tx)
          if (again) return { account: again, replayed: true }
          const scope = new StaffScopeRepository({ dialect: tx.db.dialect, kysely: trx })
          if (lecturerId) await checkLecturerLink(scope, own, lecturerId)
          const account = await tx.createAccount({ username, name, role: body.role, orgCode: body.orgCode, department, passwordHash, createdBy: admin.id })
          if (!account) {
            // the same key sent twice at once: the first request made the account, this one replays it
            const first = await replay(tx)
            if (first) return { account: first, replayed: true }
            throw conflict('用户名已存在')
          }
          if (lecturerId && !(await scope.linkLecturer(account.id, lecturerId))) throw conflict('该宣讲员已绑定其他账号')
          // the key's primary key decides between concurrent requests with one key: the second rolls back
          if (key && !(await tx.storeAnswer(admin.id, CREATE_SCOPE, key, hash, 201, account))) throw idempotencyKeyReused()
          await auditInTransaction(app, request, { targetId: account.id, detail: { role: account.role, orgCode: account.org.code } }, trx)
          return { account, replayed: false }
        })
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        request.log.info({ accountId: result.account.id, replayed: result.replayed }, 'staff account created')
        return reply.code(201).send(result.account)
      },
    )

    app.post(
      '/admin/accounts/:id/disable',
      {
        schema: { params: IdParams, response: { 200: StaffAccount, ...errors } },
        config: { audit: { action: 'account.disable', target: 'account' } },
        onRequest: requireRole('admin'),
      },
      async (request) => {
        const account = await manageable(request, request.params.id)
        if (account.id === request.user!.id) throw badRequest('不能停用自己的账号')
        return accounts.transaction(async (tx, trx) => {
          await tx.setDisabled(account.id, true, request.user!.id)
          await auditInTransaction(app, request, {}, trx)
          return (await tx.getAccount(account.id))!
        })
      },
    )

    app.post(
      '/admin/accounts/:id/enable',
      {
        schema: { params: IdParams, response: { 200: StaffAccount, ...errors } },
        config: { audit: { action: 'account.enable', target: 'account' } },
        onRequest: requireRole('admin'),
      },
      async (request) => {
        const account = await manageable(request, request.params.id)
        // an account disabled above (or from the command line) is enabled again only there or higher
        const by = await accounts.disabledBy(account.id)
        if (by && !orgCovers(adminOrg(request), by.orgCode ?? CITY_ORG_CODE)) throw forbidden('该账号由上级停用，只能由上级启用')
        return accounts.transaction(async (tx, trx) => {
          await tx.setDisabled(account.id, false)
          await tx.clearFailures(account.username)
          await auditInTransaction(app, request, {}, trx)
          return (await tx.getAccount(account.id))!
        })
      },
    )

    app.post(
      '/admin/accounts/:id/reset-password',
      {
        schema: { params: IdParams, body: ResetPasswordInput, response: { 200: StaffAccount, ...errors } },
        config: { validationMessages: { password: '请设置新密码' }, audit: { action: 'account.reset-password', target: 'account' } },
        onRequest: requireRole('admin'),
      },
      async (request) => {
        if (request.params.id === request.user!.id) throw forbidden('不能重置自己的密码，请在「修改密码」中修改')
        const account = await manageable(request, request.params.id)
        const problem = passwordProblem(request.body.password, account.username)
        if (problem) throw badRequest(problem)
        const passwordHash = await hashPassword(request.body.password)
        return accounts.transaction(async (tx, trx) => {
          await tx.setPassword(account.id, passwordHash)
          await tx.clearFailures(account.username)
          const ended = await tx.revokeAllSessions(account.id)
          await auditInTransaction(app, request, { detail: { endedSessions: ended } }, trx)
          return (await tx.getAccount(account.id))!
        })
      },
    )
  }
}
