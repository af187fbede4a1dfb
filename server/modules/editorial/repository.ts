/**
 * The editorial tables (editorial_items, editorial_versions, org_settings) over Kysely, for either
 * database. Every function takes the database or the caller's transaction: inside a transaction
 * every query must go through it (SQLite has one connection).
 */
import { type Kysely, type Selectable, sql } from 'kysely'
import type {
  EditorialCheck,
  EditorialDrafts,
  EditorialItem,
  EditorialQuery,
  EditorialStatus,
  EditorialSummary,
  EditorialType,
  EditorialVersion,
  Page,
  StaffRef,
} from '../../../common/contract'
import type { DB, EditorialItems } from '../../db/schema'
import { pageOffset } from '../../db/paging'
import { containsPattern } from '../content/repository'
import { isClosed } from '../content/closing'
import { addDays } from '../../../common/shanghai-date'
import { orgOf, orgPrefixPattern } from '../auth/org-scope'

export type ItemRow = Selectable<EditorialItems>

export interface ListFilter extends Omit<EditorialQuery, 'page' | 'pageSize'> {
  page: number
  pageSize: number
  /** one type, or every type (the review queue) */
  type?: EditorialType
  /** LIKE pattern of the organisations the caller covers (orgPrefixPattern) */
  scope: string
  /** the review queue: leave out what this account saved last, unless its organisation allows self-review */
  reviewer?: string
}

const SORT_COLUMNS = { updatedAt: 'updated_at', title: 'title', status: 'status', reviewDate: 'review_date' } as const

export async function getItemRow(db: Kysely<DB>, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('editorial_items').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function getVersionRow(db: Kysely<DB>, id: string, version: number) {
  return db.selectFrom('editorial_versions').selectAll().where('item_id', '=', id).where('version', '=', version).executeTakeFirst()
}

export async function listVersionRows(db: Kysely<DB>, id: string) {
  return db.selectFrom('editorial_versions').selectAll().where('item_id', '=', id).orderBy('version', 'desc').execute()
}

/** `postgres`: text sorts by its bytes, as on SQLite, whatever collation the database was made with */
export async function listItemRows(db: Kysely<DB>, filter: ListFilter, postgres = false): Promise<{ rows: ItemRow[]; total: number }> {
  let base = db.selectFrom('editorial_items').where('org_code', 'like', filter.scope)
  if (filter.type) base = base.where('type', '=', filter.type)
  if (filter.org) base = base.where('org_code', 'like', orgPrefixPattern(filter.org))
  const reviewer = filter.reviewer
  if (reviewer) {
    base = base.where((eb) =>
      eb.or([eb('updated_by_id', '!=', reviewer), eb('org_code', 'in', eb.selectFrom('org_settings').select('org_code').where('allow_self_review', '=', 1))]),
    )
  }
  if (filter.status) base = base.where('status', '=', filter.status)
  if (filter.topic) base = base.where('topic', '=', filter.topic)
  if (filter.q?.trim()) base = base.where(sql<boolean>`title LIKE ${containsPattern(filter.q.trim())} ESCAPE '\\'`)
  if (filter.from) base = base.where('updated_at', '>=', filter.from)
  // `to` is a day, inclusive: everything before the next day starts
  if (filter.to) base = base.where('updated_at', '<', addDays(filter.to, 1))
  const column = SORT_COLUMNS[filter.sort ?? 'updatedAt']
  const order = filter.order ?? (filter.sort && filter.sort !== 'updatedAt' ? 'asc' : 'desc')
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy(postgres ? sql`${sql.ref(column)} COLLATE "C"` : sql.ref(column), order)
      .orderBy(postgres ? sql`id COLLATE "C"` : sql.ref('id'), 'asc')
      .limit(filter.pageSize)
      .offset(pageOffset(filter))
      .execute(),
  ])
  return { rows, total: Number(total) }
}

/**
 * Compare-and-set: the update happens only when the item is still at `revision` (and bumps it);
 * false when another write came first.
 */
export async function updateAtRevision(trx: Kysely<DB>, id: string, revision: number, patch: Partial<Omit<ItemRow, 'id' | 'revision'>>): Promise<boolean> {
  const result = await trx
    .updateTable('editorial_items')
    .set({ ...patch, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertVersion(trx: Kysely<DB>, id: string, version: number, draft: unknown, author: StaffRef, at: string): Promise<void> {
  await trx
    .insertInto('editorial_versions')
    .values({ item_id: id, version, draft: JSON.stringify(draft), author_id: author.id, author_name: author.name, created_at: at })
    .execute()
}

export async function allowsSelfReview(db: Kysely<DB>, orgCode: string): Promise<boolean> {
  const row = await db.selectFrom('org_settings').select('allow_self_review').where('org_code', '=', orgCode).executeTakeFirst()
  return row?.allow_self_review === 1
}

export async function saveOrgSettings(trx: Kysely<DB>, orgCode: string, allowSelfReview: boolean, by: string, at: string): Promise<void> {
  await trx
    .insertInto('org_settings')
    .values({ org_code: orgCode, allow_self_review: allowSelfReview ? 1 : 0, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('org_code').doUpdateSet({ allow_self_review: allowSelfReview ? 1 : 0, updated_at: at, updated_by: by }))
    .execute()
}

const ref = (id: string, name: string): StaffRef => ({ id, name })

export function summaryFrom(r: ItemRow, names: ReadonlyMap<string, string>): EditorialSummary {
  return {
    id: r.id,
    type: r.type as EditorialType,
    title: r.title,
    org: orgOf(r.org_code, names),
    status: r.status as EditorialStatus,
    live: r.published_version !== null,
    version: r.version,
    ...(r.published_version !== null ? { publishedVersion: r.published_version } : {}),
    revision: r.revision,
    author: ref(r.author_id, r.author_name),
    updatedBy: ref(r.updated_by_id, r.updated_by_name),
    updatedAt: r.updated_at,
    ...(r.submitted_at ? { submittedAt: r.submitted_at } : {}),
    ...(r.scheduled_at ? { scheduledAt: r.scheduled_at } : {}),
    ...(r.published_at ? { publishedAt: r.published_at } : {}),
    ...(r.review_date ? { reviewDate: r.review_date } : {}),
  }
}

export function itemFrom<T extends EditorialType>(r: ItemRow, draft: EditorialDrafts[T], names: ReadonlyMap<string, string>): EditorialItem<T> {
  return {
    ...summaryFrom(r, names),
    type: r.type as T,
    draft,
    ...(r.reviewer_id && r.reviewer_name ? { reviewer: ref(r.reviewer_id, r.reviewer_name) } : {}),
    ...(r.reviewed_at ? { reviewedAt: r.reviewed_at } : {}),
    ...(r.reject_reason ? { rejectReason: r.reject_reason } : {}),
    ...(r.withdrawn_at ? { withdrawnAt: r.withdrawn_at } : {}),
    ...(r.self_review === 1 ? { selfReview: true } : {}),
    checks: JSON.parse(r.checks) as EditorialCheck[],
  }
}

export function versionFrom(
  v: { version: number; created_at: string; author_id: string; author_name: string; draft: string },
  publishedVersion: number | null,
): EditorialVersion {
  return {
    version: v.version,
    createdAt: v.created_at,
    author: ref(v.author_id, v.author_name),
    draft: JSON.parse(v.draft) as EditorialVersion['draft'],
    live: v.version === publishedVersion,
  }
}

/** the item with its working version's draft */
export async function loadItem(db: Kysely<DB>, id: string, names: ReadonlyMap<string, string>): Promise<EditorialItem | undefined> {
  const row = await getItemRow(db, id)
  if (!row) return undefined
  const version = await getVersionRow(db, id, row.version)
  return itemFrom(row, JSON.parse(version!.draft) as EditorialDrafts[EditorialType], names)
}

export function pageFrom(result: { rows: ItemRow[]; total: number }, filter: ListFilter, names: ReadonlyMap<string, string>): Page<EditorialSummary> {
  return { items: result.rows.map((r) => summaryFrom(r, names)), total: result.total, page: filter.page, pageSize: filter.pageSize }
}

/**
 * 截止日期 of the listed policies, from each one's working version (what the editor sees when
 * opening it), with 已截止 once that day is before `today`: one query for the page.
 */
export async function withClosing(db: Kysely<DB>, page: Page<EditorialSummary>, today: string): Promise<Page<EditorialSummary>> {
  const policies = page.items.filter((i) => i.type === 'policy')
  if (policies.length === 0) return page
  const rows = await db
    .selectFrom('editorial_versions as v')
    .innerJoin('editorial_items as i', (join) => join.onRef('i.id', '=', 'v.item_id').onRef('i.version', '=', 'v.version'))
    .select(['v.item_id', 'v.draft'])
    .where(
      'v.item_id',
      'in',
      policies.map((p) => p.id),
    )
    .execute()
  const closing = new Map(rows.map((r) => [r.item_id, (JSON.parse(r.draft) as { closesAt?: string }).closesAt]))
  return {
    ...page,
    items: page.items.map((item) => {
      const closesAt = closing.get(item.id)
      return closesAt ? { ...item, closesAt, ...(isClosed({ closesAt }, today) ? { closed: true } : {}) } : item
    }),
  }
}
