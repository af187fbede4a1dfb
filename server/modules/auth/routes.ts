/**
 * Staff sign-in and sessions:
 *
 *   POST   /auth/password          {username, password} → Session (the same shape as WeChat's)
 *   POST   /auth/logout            ends the session the request came with
 *   GET    /auth/sessions          the caller's live sessions (登录设备), no tokens
 *   DELETE /auth/sessions/:id      ends one of them (404 for anyone else's)
 *   POST   /auth/password/change   {current, next}: ends every other session
 *
 * A wrong username answers exactly as a wrong password does, after as long (a dummy hash is
 * checked), and counts towards the same lock: 5 wrong within 15 minutes lock the username for
 * 15 minutes (429 with the time left and Retry-After), whether or not the account exists, so
 * neither the answer nor the lock tells which usernames are real. Per IP, 20 tries in 10 minutes.
 * Each try is counted before its password is checked (attempts.ts), so parallel guesses get no
 * more than 5 checks. A disabled account answers like a wrong password, right password or not.
 * Nothing here logs a username, password or token.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import { ApiError, badRequest, notFound } from '../../errors'
import { bearerToken, requireRole } from '../../plugins/auth'
import { rateLimited } from '../../plugins/rate-limit'
import { Session } from './session-schemas'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { App, RoutePlugin } from '../../type-provider'
import { AccountsRepository } from '../accounts/repository'
import { actorOf, auditInTransaction } from '../audit/plugin'
import { LOCK_MS } from '../accounts/repository'
import { PasswordAttempts } from './attempts'
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password'
import { changeMessages, loginMessages, Ok, PasswordChangeBody, PasswordLoginBody, SessionInfo } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const WRONG_CREDENTIALS = '用户名或密码不正确'

export const LOGIN_LIMIT_PER_IP = { name: 'password-login', max: 20, windowMs: 10 * 60_000, per: 'ip', message: '登录尝试过于频繁' } as const

export function accountsOf(app: App): AccountsRepository {
  return new AccountsRepository(app.store.database, app.store.now, () => app.store.orgNames())
}

/** 429 「账号已锁定，请 N 分钟后再试」 with Retry-After */
export function locked(reply: FastifyReply, ms: number): ApiError {
  reply.header('retry-after', String(Math.max(1, Math.ceil(ms / 1000))))
  return rateLimited('账号已锁定', ms)
}

export function staffAuthRoutes(): RoutePlugin {
  return async (app) => {
    const accounts = accountsOf(app)
    const attempts = new PasswordAttempts(app.store.database, app.store.now)

    app.post(
      '/auth/password',
      {
        schema: { body: PasswordLoginBody, response: { 200: Session, ...errors } },
        config: { validationMessages: loginMessages, cache: 'no-store', audit: { action: 'auth.password.login', target: 'user' } },
        preHandler: app.limit(LOGIN_LIMIT_PER_IP),
      },
      async (request, reply) => {
        const { username, password } = request.body
        // the attempt is counted before scrypt runs, so parallel guesses cannot all pass a lock check
        const slot = await attempts.reserve(username)
        if (!slot.ok) throw locked(reply, slot.lockedMs)

        const credential = await accounts.credential(username)
        const ok = await verifyPassword(password, credential?.passwordHash ?? (await dummyHash()))
        // a disabled account answers exactly like a wrong password (same check, same message, and
        // the attempt counts), so an old password cannot be confirmed as still right
        if (!ok || !credential || credential.disabled) {
          const user = slot.last && credential ? await app.store.auth.getUser(credential.userId) : undefined
          if (user) {
            await auditInTransaction(app, request, { actor: actorOf(user), action: 'auth.password.locked', targetType: 'user', targetId: user.id })
          }
          request.log.info({ locked: slot.last }, 'password sign-in refused')
          if (slot.last) throw locked(reply, LOCK_MS)
          throw new ApiError(401, 'unauthorized', WRONG_CREDENTIALS)
        }

        // the session first (its own write), then the bookkeeping and its audit entry in one transaction;
        // the token is answered only when both are in
        const session = await app.store.auth.createSession({ userId: credential.userId, userAgent: request.headers['user-agent'], ip: request.ip })
        await accounts.transaction(async (tx, trx) => {
          await tx.clearFailures(username)
          await tx.recordLogin(credential.userId)
          await auditInTransaction(app, request, { actor: actorOf(session.user), targetId: session.user.id }, trx)
        })
        request.log.info({ userId: session.user.id }, 'password sign-in')
        return session
      },
    )

    app.post(
      '/auth/logout',
      {
        schema: { response: { 200: Ok, ...errors } },
        config: { cache: 'no-store', audit: { action: 'auth.logout', target: 'user', id: 'user' } },
        onRequest: requireRole(),
      },
      async (request) => {
        await accounts.revokeToken(bearerToken(request)!)
        return { ok: true as const }
      },
    )

    app.get(
      '/auth/sessions',
      {
        schema: { response: { 200: Type.Array(SessionInfo), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(),
      },
      async (request) => accounts.listSessions(request.user!.id, bearerToken(request)),
    )

    app.delete(
      '/auth/sessions/:id',
      {
        schema: { params: IdParams, response: { 200: Ok, ...errors } },
        config: { cache: 'no-store', audit: { action: 'auth.session.revoke', target: 'session' } },
        onRequest: requireRole(),
      },
      async (request) => {
        if (!(await accounts.revokeSession(request.user!.id, request.params.id))) throw notFound('找不到该登录设备')
        return { ok: true as const }
      },
    )

    app.post(
      '/auth/password/change',
      {
        schema: { body: PasswordChangeBody, response: { 200: Ok, ...errors } },
        config: { validationMessages: changeMessages, cache: 'no-store', audit: { action: 'auth.password.change', target: 'user', id: 'user' } },
        onRequest: requireRole(),
        preHandler: app.limit({ name: 'password-change', max: 10, windowMs: 10 * 60_000, per: 'user', message: '修改密码过于频繁' }),
      },
      async (request, reply) => {
        const user = request.user!
        const credential = await accounts.credentialOfUser(user.id)
        if (!credential) throw badRequest('该账号不是用户名密码账号，无需修改密码')
        const slot = await attempts.reserve(credential.username)
        if (!slot.ok) throw locked(reply, slot.lockedMs)
        const { current, next } = request.body
        if (!(await verifyPassword(current, credential.passwordHash))) {
          if (slot.last) throw locked(reply, LOCK_MS)
          // 400, not 401: a wrong current password must not sign the user out of this device
          throw badRequest('当前密码不正确')
        }
        await attempts.clear(credential.username)
        const problem = passwordProblem(next, credential.username)
        if (problem) throw badRequest(problem)
        if (next === current) throw badRequest('新密码不能与当前密码相同')
        const hash = await hashPassword(next)
        await accounts.transaction(async (tx, trx) => {
          await tx.setPassword(user.id, hash)
          await tx.clearFailures(credential.username)
          const ended = await tx.revokeAllSessions(user.id, bearerToken(request))
          await auditInTransaction(app, request, { detail: { endedSessions: ended } }, trx)
        })
        return { ok: true as const }
      },
    )
  }
}
