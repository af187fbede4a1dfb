/**
 * information_requests and information_request_events over Kysely, for SQLite and PostgreSQL.
 * Writes take the caller's transaction; `lock` reads the row FOR UPDATE on PostgreSQL first, so of
 * two concurrent steps on one request the second sees the first's state.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import { type Db, forUpdate } from '../../db/database'
import { pageOffset } from '../../db/paging'
import type { DB, InformationRequests } from '../../db/schema'
import { containsPattern } from '../content/repository'

export type RequestRow = InformationRequests
export type RequestUpdate = Partial<Omit<InformationRequests, 'id' | 'number' | 'created_at'>>

export interface BoardFilter {
  /** LIKE pattern of the organisations the caller covers */
  scope: string
  org?: string
  status?: string
  overdue?: boolean
  dueThisWeek?: boolean
  extended?: boolean
  q?: string
  today: string
  weekEnd: string
  page: number
  pageSize: number
}

const OPEN = ['registered', 'correction', 'processing', 'legal_review', 'approved']

export class InformationRequestRepository {
  constructor(private readonly db: Pick<Db, 'dialect' | 'kysely'>) {}

  get kysely(): Kysely<DB> {
    return this.db.kysely
  }

  async insert(trx: Transaction<DB>, row: InformationRequests): Promise<void> {
    await trx.insertInto('information_requests').values(row).execute()
  }

  async numberTaken(trx: Transaction<DB>, number: string): Promise<boolean> {
    return (await trx.selectFrom('information_requests').select('id').where('number', '=', number).executeTakeFirst()) !== undefined
  }

  async get(id: string): Promise<RequestRow | undefined> {
    return (await this.db.kysely.selectFrom('information_requests').selectAll().where('id', '=', id).executeTakeFirst()) as RequestRow | undefined
  }

  async lock(trx: Transaction<DB>, id: string): Promise<RequestRow | undefined> {
    return (await forUpdate(this.db, trx.selectFrom('information_requests').selectAll().where('id', '=', id)).executeTakeFirst()) as RequestRow | undefined
  }

  async update(trx: Transaction<DB>, id: string, values: RequestUpdate): Promise<void> {
    await trx.updateTable('information_requests').set(values).where('id', '=', id).execute()
  }

  async appendEvent(trx: Transaction<DB>, id: string, kind: string, actor: { id: string; name: string }, at: string, note?: string): Promise<void> {
    const last = await trx
      .selectFrom('information_request_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('request_id', '=', id)
      .executeTakeFirst()
    await trx
      .insertInto('information_request_events')
      .values({ request_id: id, seq: Number(last?.seq ?? 0) + 1, kind, at, actor_id: actor.id, actor_name: actor.name, note: note ?? null })
      .execute()
  }

  async events(id: string) {
    return this.db.kysely.selectFrom('information_request_events').selectAll().where('request_id', '=', id).orderBy('seq').execute()
  }

  async mine(userId: string, page: number, pageSize: number): Promise<{ rows: RequestRow[]; total: number }> {
    const base = this.db.kysely.selectFrom('information_requests').where('user_id', '=', userId)
    const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(pageSize).offset(pageOffset({ page, pageSize })).execute()
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return { rows: rows as RequestRow[], total: Number(total.n) }
  }

  /** how many applications this applicant (by ID number) made to any office in the month of `month` (YYYY-MM), this one included */
  async countInMonth(trx: Transaction<DB>, idNumber: string, month: string, upTo: string): Promise<number> {
    const r = await trx
      .selectFrom('information_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id_number', '=', idNumber)
      .where('submitted_on', '>=', `${month}-01`)
      .where('submitted_on', '<=', `${month}-31`)
      .where('created_at', '<=', upTo)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  async board(f: BoardFilter): Promise<{ rows: RequestRow[]; total: number; overdueOpen: number }> {
    let q = this.db.kysely.selectFrom('information_requests').where('org_code', 'like', f.scope)
    if (f.org) q = q.where('org_code', '=', f.org)
    if (f.status) q = q.where('status', '=', f.status)
    if (f.overdue) q = q.where('status', 'in', OPEN).where('due_date', 'is not', null).where('due_date', '<', f.today)
    if (f.dueThisWeek) q = q.where('status', 'in', OPEN).where('due_date', '>=', f.today).where('due_date', '<=', f.weekEnd)
    if (f.extended) q = q.where('extended', '=', 1)
    if (f.q) {
      const like = containsPattern(f.q)
      q = q.where(sql<boolean>`(number LIKE ${like} ESCAPE '\\' OR info_title LIKE ${like} ESCAPE '\\' OR applicant_name LIKE ${like} ESCAPE '\\')`)
    }
    const rows = await q
      .selectAll()
      .orderBy(sql`CASE WHEN due_date IS NULL THEN 1 ELSE 0 END`)
      .orderBy('due_date')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(f.pageSize)
      .offset(pageOffset(f))
      .execute()
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const overdue = await this.db.kysely
      .selectFrom('information_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_code', 'like', f.scope)
      .where('status', 'in', OPEN)
      .where('due_date', '<', f.today)
      .executeTakeFirstOrThrow()
    return { rows: rows as RequestRow[], total: Number(total.n), overdueOpen: Number(overdue.n) }
  }

  /** the rows the yearly report reads: submitted up to the year's end in the organisation (or below) */
  async forReport(scope: string, yearEnd: string) {
    return this.db.kysely
      .selectFrom('information_requests')
      .select(['applicant_type', 'submitted_on', 'replied_on', 'reply_type', 'status'])
      .where('org_code', 'like', scope)
      .where('submitted_on', '<=', yearEnd)
      .execute()
  }
}
