/**
 * How routes declare what goes into the audit log: one line of route config,
 *
 *   config: { audit: { action: 'lecture.dispatch', target: 'lectureOrder' } }
 *
 * and a successful (2xx) answer to a signed-in user who is not a resident is recorded after it is
 * sent, with the target id from `params.id` (or the caller's own id: `id: 'user'`). A replay of
 * an idempotent write (answered from its first request) is not recorded again. A route that can
 * write the entry in the same transaction as its action calls `auditInTransaction` there (with
 * the transaction), and the hook leaves that request alone. The hook runs at onSend and awaits its
 * write, so the entry is in the database before the caller has the answer (an onResponse hook ran
 * after the answer left, and a caller's next read could miss the entry); a failed write is logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { User } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { AuditRepository, type AuditActor, type NewAuditEntry } from './repository'

export interface AuditRoute {
  /** `lecture.dispatch`, `account.create` … */
  action: string
  /** the kind of thing acted on: `lectureOrder`, `consultation`, `account`, `session` … */
  target: string
  /** where the target id is: the route's `:id` (default) or the signed-in user */
  id?: 'params' | 'user'
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** record successful calls of this route by staff in the audit log (modules/audit/plugin.ts) */
    audit?: AuditRoute
  }
  interface FastifyInstance {
    auditLog: AuditRepository
  }
  interface FastifyRequest {
    /** the handler wrote this request's audit entry itself */
    audited: boolean
    /** the id of what the request made (a new order, an upload), set by the handler for the audit entry */
    auditTargetId: string | undefined
  }
}

/** must match routes/consultations.ts REPLAYED_HEADER (not imported: the plugin loads before the routes) */
const REPLAYED_HEADER = 'idempotent-replayed'

export function actorOf(user: User): AuditActor {
  return { id: user.id, name: user.nickname, role: user.role, ...(user.org ? { orgCode: user.org.code } : {}) }
}

function targetIdOf(request: FastifyRequest, route: AuditRoute): string | undefined {
  if (request.auditTargetId !== undefined) return request.auditTargetId
  if (route.id === 'user') return request.user?.id
  const params = request.params as { id?: unknown } | undefined
  return typeof params?.id === 'string' ? params.id : undefined
}

/**
 * Writes the request's audit entry now (call it inside the action's transaction): action and
 * target type from the route's `config.audit` unless given; actor the signed-in user unless given.
 */
export async function auditInTransaction(
  app: FastifyInstance,
  request: FastifyRequest,
  entry: Partial<NewAuditEntry> & { actor?: AuditActor },
  trx?: Kysely<DB>,
): Promise<void> {
  const route = request.routeOptions.config.audit
  const actor = entry.actor ?? (request.user ? actorOf(request.user) : undefined)
  const action = entry.action ?? route?.action
  if (!actor || !action) throw new Error('auditInTransaction: no actor or action')
  await app.auditLog.record(
    {
      actor,
      action,
      targetType: entry.targetType ?? route?.target,
      targetId: entry.targetId ?? (route ? targetIdOf(request, route) : undefined),
      ip: request.ip,
      detail: entry.detail,
    },
    trx,
  )
  request.audited = true
}

/** on the API's root instance, before the routes */
export function setupAudit(app: FastifyInstance): void {
  app.decorate('auditLog', new AuditRepository(app.store.database, app.store.now))
  app.decorateRequest('audited', false)
  app.decorateRequest('auditTargetId', undefined)
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.config.audit
    if (!route || request.audited) return payload
    if (reply.statusCode < 200 || reply.statusCode >= 300) return payload
    if (reply.getHeader(REPLAYED_HEADER) === 'true') return payload
    const user = request.user
    if (!user || user.role === 'resident') return payload
    try {
      await app.auditLog.record({
        actor: actorOf(user),
        action: route.action,
        targetType: route.target,
        targetId: targetIdOf(request, route),
        ip: request.ip,
      })
    } catch (err) {
      // the action itself is done and answered; a lost entry is logged, never a failed request
      request.log.error({ err, action: route.action }, 'audit write failed')
    }
    return payload
  })
}
