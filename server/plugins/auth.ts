/**
 * Who is calling: `request.user` from `Authorization: Bearer <token>` (null when absent,
 * unknown or expired), and `requireRole(...)`, the preHandler later routes put in front of
 * writes. Public reads never require a user.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { API_PREFIX, type Role, UPLOAD_URL_PREFIX } from '../../common/contract'
import { forbidden, sessionEnded, unauthorized } from '../errors'
import { type SessionKey, sessionKey } from '../modules/auth/session-token'
import type { Store } from '../store/store'

const BEARER = /^Bearer\s+([0-9a-f]{64})\s*$/i

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  return header ? BEARER.exec(header)?.[1]?.toLowerCase() : undefined
}

const bearerKeys = new WeakMap<FastifyRequest, SessionKey>()

/**
 * The bearer token with its hash (as the store keeps it), hashed once per request: a per-session
 * rate limit keys by the hash, and the quiz submit reads its session by it
 */
export function bearerSession(request: FastifyRequest): SessionKey | undefined {
  let key = bearerKeys.get(request)
  if (!key) {
    const token = bearerToken(request)
    if (!token) return undefined
    key = sessionKey(token)
    bearerKeys.set(request, key)
  }
  return key
}

export function setupAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('user', null)
  app.addHook('onRequest', async (request) => {
    // a route of its own session lookup reads it with its first statement (FastifyContextConfig.session)
    if (request.routeOptions.config.session === 'own') return
    // only the API and the uploads read who asks: a bearer token sent with a page, a script or a public
    // photo (or a flood of made-up ones) costs no lookup (deploy/nginx.conf limits those two paths)
    if (!request.url.startsWith(`${API_PREFIX}/`) && !request.url.startsWith(UPLOAD_URL_PREFIX)) return
    const token = bearerToken(request)
    request.user = token ? ((await store.auth.getSession(token))?.user ?? null) : null
  })
}

/** 401 without a valid session, 403 when the user's role is not listed; no roles = any user */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function checkRole(request) {
    if (!request.user) throw request.headers.authorization ? sessionEnded() : unauthorized()
    if (roles.length > 0 && !roles.includes(request.user.role)) throw forbidden()
  }
}

/**
 * For a route of its own session lookup (config.session = 'own'): 401 at once without a token, as
 * requireRole; whether the token names a live session the route finds out itself (sessionEnded).
 */
export function requireToken(): preHandlerAsyncHookHandler {
  return async function checkToken(request) {
    if (!bearerToken(request)) throw request.headers.authorization ? sessionEnded() : unauthorized()
  }
}
