/**
 * The audit log: one row per staff action — who (id, name, role and organisation at the time),
 * what, on what, when, from which IP, and a small JSON detail. Rows are only ever added.
 */
import type { Database, Statement } from 'better-sqlite3'
import type { AuditEntry, AuditQuery, Page } from '../../../common/contract'
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
  id: number
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
  private readonly insert: Statement

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, actor_id, actor_name, actor_role, actor_org, action, target_type, target_id, ip, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  record(entry: NewAuditEntry): void {
    const detail = safeDetail(entry.detail)
    this.insert.run(
      this.now().toISOString(),
      entry.actor.id,
      entry.actor.name,
      entry.actor.role,
      entry.actor.orgCode ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.ip ?? null,
      detail ? JSON.stringify(detail) : null,
    )
  }

  list(query: AuditListQuery): Page<AuditEntry> {
    const conditions: string[] = []
    const params: unknown[] = []
    const add = (sql: string, ...values: unknown[]) => {
      conditions.push(sql)
      params.push(...values)
    }
    if (!orgLevel(query.scope)) add('0')
    else if (query.scope !== CITY_ORG_CODE) add('actor_org LIKE ?', orgPrefixPattern(query.scope))
    if (query.actor) add('(actor_id = ? OR actor_name = ?)', query.actor, query.actor)
    // `lecture` matches every lecture.* action; action names are [a-z.-], so nothing needs escaping
    if (query.action) add("(action = ? OR action LIKE ? || '.%')", query.action, query.action)
    if (query.targetType) add('target_type = ?', query.targetType)
    if (query.targetId) add('target_id = ?', query.targetId)
    if (query.from) add('at >= ?', query.from)
    if (query.to) add('at <= ?', query.to)
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM audit_log ${where}`)
      .pluck()
      .get(...params) as number
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, query.pageSize, (query.page - 1) * query.pageSize) as AuditRow[]
    return { items: rows.map(entryFrom), total, page: query.page, pageSize: query.pageSize }
  }
}

function entryFrom(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role, ...(r.actor_org ? { orgCode: r.actor_org } : {}) },
    action: r.action,
    ...(r.target_type ? { targetType: r.target_type } : {}),
    ...(r.target_id ? { targetId: r.target_id } : {}),
    ...(r.ip ? { ip: r.ip } : {}),
    ...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
  }
}
