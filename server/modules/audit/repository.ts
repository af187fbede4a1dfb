/**
 * The audit log: one row per staff action — who (id, name, role and organisation at the time),
 * what, on what, when, from which IP, and a small JSON detail. Rows are only ever added.
 */
import { type Kysely, sql } from 'kysely'
import type { AuditEntry, AuditQuery, Page } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { CITY_ORG_CODE, orgLevel, orgPrefixPattern } from '../auth/org-scope'

export interface AuditActor {
  id: string
  name: string
  role: string
  orgCode?: string
}

export interface NewAuditEntry {
  actor: AuditActor
  action: string
  targetType?: string
  targetId?: string
  ip?: string
  detail?: Record<string, unknown>
}

/** the contract's filters, with the page settled and the admin's scope added */
export interface AuditListQuery extends Omit<AuditQuery, 'page' | 'pageSize'> {
  /** the admin's organisation: entries of actors within it (the city also sees actors without one) */
  scope: string
  page: number
  pageSize: number
}

interface AuditRow {
  id: number | string
  at: string
  actor_id: string
  actor_name: string
  actor_role: string
  actor_org: string | null
  action: string
  target_type: string | null
  target_id: string | null
  ip: string | null
  detail: string | null
}

/** keys a detail never keeps, whatever a caller passes */
const SECRET_KEY = /pass|token|secret|phone|mobile|id_?card|身份证|手机/i

/** a detail safe to keep: no secrets or phone numbers, short strings, numbers and booleans only */
export function safeDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!detail) return undefined
  const kept: [string, unknown][] = []
  for (const [key, value] of Object.entries(detail)) {
    if (SECRET_KEY.test(key)) continue
    if (typeof value === 'string') {
      if (/1[3-9]\d{9}/.test(value)) continue
      kept.push([key, value.slice(0, 200)])
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      kept.push([key, value])
    }
  }
  return kept.length > 0 ? Object.fromEntries(kept) : undefined
}

export class AuditRepository {
  constructor(
    private readonly db: Pick<Db, 'kysely'>,
    private readonly now: () => Date,
  ) {}

  /** adds the entry; `trx`: inside that transaction, so it commits (or not) with the action */
  async record(entry: NewAuditEntry, trx: Kysely<DB> = this.db.kysely): Promise<void> {
    const detail = safeDetail(entry.detail)
    await trx
      .insertInto('audit_log')
      .values({
        at: this.now().toISOString(),
        actor_id: entry.actor.id,
        actor_name: entry.actor.name,
        actor_role: entry.actor.role,
        actor_org: entry.actor.orgCode ?? null,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        ip: entry.ip ?? null,
        detail: detail ? JSON.stringify(detail) : null,
      })
      .execute()
  }

  async list(query: AuditListQuery): Promise<Page<AuditEntry>> {
    let base = this.db.kysely.selectFrom('audit_log')
    if (!orgLevel(query.scope)) base = base.where(sql<boolean>`1 = 0`)
    else if (query.scope !== CITY_ORG_CODE) base = base.where('actor_org', 'like', orgPrefixPattern(query.scope))
    if (query.actor) {
      const actor = query.actor
      base = base.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)]))
    }
    // `lecture` matches every lecture.* action; action names are [a-z.-], so nothing needs escaping
    if (query.action) {
      const action = query.action
      base = base.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]))
    }
    if (query.targetType) base = base.where('target_type', '=', query.targetType)
    if (query.targetId) base = base.where('target_id', '=', query.targetId)
    if (query.from) base = base.where('at', '>=', query.from)
    if (query.to) base = base.where('at', '<=', query.to)
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute()
    return { items: rows.map(entryFrom), total, page: query.page, pageSize: query.pageSize }
  }
}

function entryFrom(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role, ...(r.actor_org ? { orgCode: r.actor_org } : {}) },
    action: r.action,
    ...(r.target_type ? { targetType: r.target_type } : {}),
    ...(r.target_id ? { targetId: r.target_id } : {}),
    ...(r.ip ? { ip: r.ip } : {}),
    ...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
  }
}
