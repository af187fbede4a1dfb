/**
 * The desk's tables (consultation_desk, consultation_events, consultation_routes,
 * consultation_desk_settings) beside consultations, over Kysely for SQLite and PostgreSQL. The
 * writes take the caller's transaction; the desk row is locked (FOR UPDATE on PostgreSQL) before a
 * write checks it, so of concurrent writes on one consultation each sees the one before.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DeskEvent, DeskEventKind, DeskStatus } from '../../../common/contract'
import { replyDueDate } from '../../../common/working-days'
import { type Db, forUpdate } from '../../db/database'
import { pageOffset } from '../../db/paging'
import type { DB } from '../../db/schema'
import { containsPattern } from '../content/repository'
import { countyOf, defaultRoute, type RouteTarget } from './routing'

export interface DeskRow {
  id: string
  topic: string
  question: string
  region_code: string
  phone: string | null
  created_at: string
  status: string
  reply_text: string | null
  reply_department: string | null
  replied_at: string | null
  org_code: string
  department: string
  assignee_id: string | null
  assignee_name: string | null
  due_date: string
  draft_text: string | null
  drafted_by: string | null
  drafted_by_name: string | null
  drafted_at: string | null
}

export interface DeskFilter {
  /** LIKE pattern of the department organisations the caller covers */
  scope: string
  status?: DeskStatus
  /** only open ones past their due date (`today` is the Beijing date of the clock) */
  overdue?: boolean
  today: string
  org?: string
  department?: string
  county?: string
  q?: string
  page: number
  pageSize: number
}

export interface Actor {
  id: string
  name: string
}

export function deskStatusOf(row: Pick<DeskRow, 'status' | 'draft_text' | 'assignee_id'>): DeskStatus {
  if (row.status === 'answered') return 'answered'
  if (row.draft_text !== null) return 'in_review'
  return row.assignee_id !== null ? 'assigned' : 'unassigned'
}

export class DeskRepository {
  constructor(private readonly db: Pick<Db, 'dialect' | 'kysely'>) {}

  get kysely(): Kysely<DB> {
    return this.db.kysely
  }

  /**
   * Routes every consultation that has no desk row yet (new ones, and those asked before the desk
   * existed): its department from the routing table or the default, its due date from the working
   * days. Concurrent calls insert each row once (ON CONFLICT DO NOTHING), the 'routed' event with it.
   */
  async routeNew(names: ReadonlyMap<string, string>, at: string): Promise<number> {
    const fresh = await this.db.kysely
      .selectFrom('consultations as c')
      .leftJoin('consultation_desk as d', 'd.consultation_id', 'c.id')
      .where('d.consultation_id', 'is', null)
      .select(['c.id', 'c.topic', 'c.region_code', 'c.created_at'])
      .limit(1000)
      .execute()
    if (fresh.length === 0) return 0
    const overrides = await this.db.kysely.selectFrom('consultation_routes').selectAll().execute()
    const byKey = new Map(overrides.map((r) => [`${r.topic}|${r.county_code}`, { orgCode: r.org_code, department: r.department }]))
    let routed = 0
    for (const c of fresh) {
      const county = countyOf(c.region_code)
      const target = byKey.get(`${c.topic}|${county}`) ?? defaultRoute(c.topic, county, names)
      await this.db.kysely.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('consultation_desk')
          .values({ consultation_id: c.id!, org_code: target.orgCode, department: target.department, due_date: replyDueDate(c.created_at), updated_at: at })
          .onConflict((oc) => oc.column('consultation_id').doNothing())
          .executeTakeFirst()
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return
        await this.appendEvent(trx, c.id!, 'routed', { id: '', name: '系统' }, c.created_at, target.department)
        routed++
      })
    }
    return routed
  }

  private base(db: Kysely<DB> = this.db.kysely) {
    return db
      .selectFrom('consultations as c')
      .innerJoin('consultation_desk as d', 'd.consultation_id', 'c.id')
      .leftJoin('users as a', 'a.id', 'd.assignee_id')
      .leftJoin('users as w', 'w.id', 'd.drafted_by')
  }

  private columns = [
    'c.id',
    'c.topic',
    'c.question',
    'c.region_code',
    'c.phone',
    'c.created_at',
    'c.status',
    'c.reply_text',
    'c.reply_department',
    'c.replied_at',
    'd.org_code',
    'd.department',
    'd.assignee_id',
    'a.nickname as assignee_name',
    'd.due_date',
    'd.draft_text',
    'd.drafted_by',
    'w.nickname as drafted_by_name',
    'd.drafted_at',
  ] as const

  async list(f: DeskFilter): Promise<{ rows: DeskRow[]; total: number; overdueOpen: number }> {
    const scoped = this.base().where('d.org_code', 'like', f.scope)
    let q = scoped
    if (f.status === 'answered') q = q.where('c.status', '=', 'answered')
    else if (f.status) {
      q = q.where('c.status', '=', 'pending')
      if (f.status === 'in_review') q = q.where('d.draft_text', 'is not', null)
      else q = q.where('d.draft_text', 'is', null).where('d.assignee_id', f.status === 'assigned' ? 'is not' : 'is', null)
    }
    if (f.overdue) q = q.where('c.status', '=', 'pending').where('d.due_date', '<', f.today)
    if (f.org) q = q.where('d.org_code', '=', f.org)
    if (f.department) q = q.where('d.department', '=', f.department)
    if (f.county) q = q.where('c.region_code', 'like', `${f.county}%`)
    if (f.q?.trim()) q = q.where(sql<boolean>`c.question LIKE ${containsPattern(f.q.trim())} ESCAPE '\\'`)
    const [{ total }, { overdue }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      scoped
        .where('c.status', '=', 'pending')
        .where('d.due_date', '<', f.today)
        .select((eb) => eb.fn.countAll<number>().as('overdue'))
        .executeTakeFirstOrThrow(),
      q
        .select([...this.columns])
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(f.pageSize)
        .offset(pageOffset(f))
        .execute(),
    ])
    return { rows: rows as DeskRow[], total: Number(total), overdueOpen: Number(overdue) }
  }

  /** every routed consultation of the scope, for the figures (the columns they need) */
  async forFigures(scope: string) {
    return this.db.kysely
      .selectFrom('consultations as c')
      .innerJoin('consultation_desk as d', 'd.consultation_id', 'c.id')
      .where('d.org_code', 'like', scope)
      .select(['c.region_code', 'c.created_at', 'c.replied_at', 'd.org_code', 'd.department'])
      .execute()
  }

  async get(id: string, db: Kysely<DB> = this.db.kysely): Promise<DeskRow | undefined> {
    return (await this.base(db)
      .where('c.id', '=', id)
      .select([...this.columns])
      .executeTakeFirst()) as DeskRow | undefined
  }

  /** the desk row, locked for the rest of the transaction */
  async lock(trx: Transaction<DB>, id: string) {
    return forUpdate(this.db, trx.selectFrom('consultation_desk').selectAll().where('consultation_id', '=', id)).executeTakeFirst()
  }

  async update(trx: Kysely<DB>, id: string, patch: Partial<Omit<DB['consultation_desk'], 'consultation_id'>>): Promise<void> {
    await trx.updateTable('consultation_desk').set(patch).where('consultation_id', '=', id).execute()
  }

  async appendEvent(trx: Kysely<DB>, id: string, kind: DeskEventKind, actor: Actor, at: string, note?: string): Promise<void> {
    const { rows } = await sql<{
      next: number | string
    }>`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM consultation_events WHERE consultation_id = ${id}`.execute(trx)
    await trx
      .insertInto('consultation_events')
      .values({ consultation_id: id, seq: Number(rows[0].next), kind, actor_id: actor.id || null, actor_name: actor.name, at, note: note ?? null })
      .execute()
  }

  async events(id: string): Promise<DeskEvent[]> {
    const rows = await this.db.kysely.selectFrom('consultation_events').selectAll().where('consultation_id', '=', id).orderBy('seq').execute()
    return rows.map((r) => ({ kind: r.kind as DeskEventKind, at: r.at, actorName: r.actor_name, ...(r.note !== null ? { note: r.note } : {}) }))
  }

  async departmentExists(orgCode: string, name: string, db: Kysely<DB> = this.db.kysely): Promise<boolean> {
    const row = await db.selectFrom('org_departments').select('name').where('org_code', '=', orgCode).where('name', '=', name).executeTakeFirst()
    return row !== undefined
  }

  async responder(id: string) {
    return this.db.kysely
      .selectFrom('users')
      .select(['id', 'nickname', 'org_code', 'department', 'role', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirst()
  }

  async responders(scope: string) {
    return this.db.kysely
      .selectFrom('users')
      .select(['id', 'nickname', 'org_code', 'department'])
      .where('role', '=', 'responder')
      .where('disabled_at', 'is', null)
      .where('org_code', 'like', scope)
      .orderBy('org_code')
      .orderBy('nickname')
      .limit(500)
      .execute()
  }

  async reviewReplies(orgCode: string, db: Kysely<DB> = this.db.kysely): Promise<boolean> {
    const row = await db.selectFrom('consultation_desk_settings').select('review_replies').where('org_code', '=', orgCode).executeTakeFirst()
    return Number(row?.review_replies ?? 0) === 1
  }

  async saveSettings(trx: Kysely<DB>, orgCode: string, reviewReplies: boolean, by: string, at: string): Promise<void> {
    await trx
      .insertInto('consultation_desk_settings')
      .values({ org_code: orgCode, review_replies: reviewReplies ? 1 : 0, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('org_code').doUpdateSet({ review_replies: reviewReplies ? 1 : 0, updated_at: at, updated_by: by }))
      .execute()
  }

  async routeOverrides(): Promise<Map<string, RouteTarget>> {
    const rows = await this.db.kysely.selectFrom('consultation_routes').selectAll().execute()
    return new Map(rows.map((r) => [`${r.topic}|${r.county_code}`, { orgCode: r.org_code, department: r.department }]))
  }

  async saveRoute(trx: Kysely<DB>, topic: string, countyCode: string, target: RouteTarget, by: string, at: string): Promise<void> {
    const values = { org_code: target.orgCode, department: target.department, updated_at: at, updated_by: by }
    await trx
      .insertInto('consultation_routes')
      .values({ topic, county_code: countyCode, ...values })
      .onConflict((oc) => oc.columns(['topic', 'county_code']).doUpdateSet(values))
      .execute()
  }
}
