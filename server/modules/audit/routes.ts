/**
 * GET /admin/audit?actor=&action=&targetType=&targetId=&from=&to=&page=&pageSize= — for admins,
 * the entries whose actor belongs to their organisation or below (the city's admins also see
 * entries of actors without one, such as the command line), newest first. `action=lecture`
 * matches every lecture.* action; `from`/`to` take an instant or a day (Asia/Shanghai).
 */
import { Type } from '@sinclair/typebox'
import { badRequest } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, PageOf } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { adminOrg } from '../accounts/routes'
import { auditInTransaction } from './plugin'

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), orgCode: Type.Optional(Type.String()) }),
  action: Type.String(),
  targetType: Type.Optional(Type.String()),
  targetId: Type.Optional(Type.String()),
  ip: Type.Optional(Type.String()),
  detail: Type.Optional(Type.Object({}, { additionalProperties: true })),
})

const WHEN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$'

const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ pattern: '^[a-z.-]{0,64}$' })),
  targetType: Type.Optional(Type.String({ maxLength: 32 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ pattern: `(${WHEN})|^$` })),
  to: Type.Optional(Type.String({ pattern: `(${WHEN})|^$` })),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})

const messages = {
  action: '操作类型格式不正确',
  from: '开始时间格式应为 YYYY-MM-DD 或 ISO 时间',
  to: '结束时间格式应为 YYYY-MM-DD 或 ISO 时间',
  actor: '操作人过长',
  targetType: '对象类型过长',
  targetId: '对象编号过长',
}

/** an instant as stored (UTC ISO); a bare day is that day in Asia/Shanghai, from its start or to its end */
function instant(value: string | undefined, edge: 'start' | 'end', field: string): string | undefined {
  if (!value) return undefined
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00` : value
  const ms = Date.parse(text)
  if (!Number.isFinite(ms)) throw badRequest(messages[field as 'from' | 'to'])
  return new Date(ms).toISOString()
}

export function auditRoutes(): RoutePlugin {
  return async (app) => {
    app.get(
      '/admin/audit',
      {
        schema: { querystring: AuditQuery, response: { 200: PageOf(AuditEntry), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 503: ErrorBody } },
        // reading the log is itself recorded: who looked, and for what (the filters, never personal data)
        config: { cache: 'no-store', validationMessages: messages, audit: { action: 'audit.view', target: 'audit' } },
        onRequest: requireRole('admin'),
      },
      async (request) => {
        const q = request.query
        const page = await app.auditLog.list({
          scope: adminOrg(request),
          actor: q.actor || undefined,
          action: q.action || undefined,
          targetType: q.targetType || undefined,
          targetId: q.targetId || undefined,
          from: instant(q.from, 'start', 'from'),
          to: instant(q.to, 'end', 'to'),
          page: q.page,
          pageSize: q.pageSize,
        })
        // after the list, so the entry is of a read that happened, with what was asked for
        const asked = { actor: q.actor, action: q.action, targetType: q.targetType, targetId: q.targetId, from: q.from, to: q.to, page: q.page }
        await auditInTransaction(app, request, { detail: Object.fromEntries(Object.entries(asked).filter(([, v]) => v !== undefined && v !== '')) })
        return page
      },
    )
  }
}
