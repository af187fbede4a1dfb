/**
 * What the console's lecture desk reads and writes beside the lectures module's repository (which
 * alone changes an order's state): the topics with their console fields, the lecturers' profiles
 * (organisation, topics, availability) kept in step with the menu's lists of lecturers, the desk's
 * list of orders, a lecturer's open orders and calendar, and photos added to a completion report.
 * One implementation over Kysely for SQLite and PostgreSQL; writes take the transaction.
 */
import { randomUUID } from 'node:crypto'
import { type Kysely, sql, type SqlBool } from 'kysely'
import {
  type DeskLecturer,
  type DeskLecturerInput,
  type DeskOrderSummary,
  type DeskTopic,
  type DeskTopicInput,
  type LecturerCalendarEntry,
  type LecturerSlot,
  type LectureFormat,
  type LectureOrderStatus,
  type Page,
  type TimeOfDay,
  UPLOAD_URL_PREFIX,
} from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { CITY_ORG_CODE } from '../auth/org-scope'
import { containsPattern } from '../content/repository'
import { maskName } from '../contest-integrity/rules'
import { maskMobile } from '../identity/mobile'
import type { BusyOrder } from './availability'

type Q = Kysely<DB>

export const OPEN_STATUSES: readonly LectureOrderStatus[] = ['dispatched', 'accepted', 'scheduled']
const CALENDAR_STATUSES: readonly LectureOrderStatus[] = ['dispatched', 'accepted', 'scheduled', 'delivered', 'rated']

interface MenuLecturer {
  id: string
  name: string
  title: string
}

export interface TopicQuery {
  q?: string
  active?: boolean
  page: number
  pageSize: number
}

export interface OrderQuery {
  q?: string
  status?: LectureOrderStatus
  county?: string
  lecturerId?: string
  /** LIKE pattern of the village codes the caller covers */
  regionPattern?: string
  page: number
  pageSize: number
}

/** `column LIKE %term% ESCAPE '\\'` on both databases */
const contains = (column: string, term: string) => sql<SqlBool>`${sql.ref(column)} LIKE ${containsPattern(term)} ESCAPE '\\'`

function topicFrom(r: {
  id: string | null
  title: string
  summary: string
  department: string
  topic: string
  duration_min: number
  formats: string
  lecturers: string
  org_code: string | null
  active: number | null
  policy_ids: string | null
}): DeskTopic {
  return {
    id: r.id!,
    title: r.title,
    summary: r.summary,
    department: r.department,
    topic: r.topic,
    durationMin: r.duration_min,
    formats: JSON.parse(r.formats) as LectureFormat[],
    policyIds: r.policy_ids ? (JSON.parse(r.policy_ids) as string[]) : [],
    orgCode: r.org_code ?? CITY_ORG_CODE,
    active: r.active === null ? true : r.active === 1,
    lecturers: (JSON.parse(r.lecturers) as MenuLecturer[]).map((l) => ({ id: l.id, name: l.name })),
  }
}

export class LectureDeskRepository {
  constructor(private readonly db: Db) {}

  private get k(): Q {
    return this.db.kysely
  }

  private topicsQuery(q: Q) {
    return q
      .selectFrom('lecture_topics as t')
      .leftJoin('lecture_desk_topics as d', 'd.topic_id', 't.id')
      .select([
        't.id',
        't.title',
        't.summary',
        't.department',
        't.topic',
        't.duration_min',
        't.formats',
        't.lecturers',
        'd.org_code',
        'd.active',
        'd.policy_ids',
      ])
  }

  async listTopics(query: TopicQuery): Promise<Page<DeskTopic>> {
    let base = this.topicsQuery(this.k)
    if (query.q) base = base.where((eb) => eb.or([contains('t.title', query.q!), contains('t.summary', query.q!)]))
    if (query.active !== undefined) base = base.where(sql<number>`coalesce(d.active, 1)`, '=', query.active ? 1 : 0)
    const all = await base.orderBy('t.position').execute()
    const start = (query.page - 1) * query.pageSize
    return { items: all.slice(start, start + query.pageSize).map(topicFrom), total: all.length, page: query.page, pageSize: query.pageSize }
  }

  async getTopic(id: string, q: Q = this.k): Promise<DeskTopic | undefined> {
    const row = await this.topicsQuery(q).where('t.id', '=', id).executeTakeFirst()
    return row && topicFrom(row)
  }

  /** the ids of the topics hidden from the menu */
  async inactiveTopicIds(): Promise<Set<string>> {
    const rows = await this.k.selectFrom('lecture_desk_topics').select('topic_id').where('active', '=', 0).execute()
    return new Set(rows.map((r) => r.topic_id!))
  }

  async createTopic(trx: Q, input: DeskTopicInput, now: Date): Promise<string> {
    const id = `lt-${randomUUID().slice(0, 8)}`
    const last = await trx
      .selectFrom('lecture_topics')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst()
    await trx
      .insertInto('lecture_topics')
      .values({
        id,
        title: input.title,
        department: input.department,
        topic: input.topic,
        summary: input.summary,
        duration_min: input.durationMin,
        formats: JSON.stringify(input.formats),
        lecturers: '[]',
        position: Number(last?.p ?? 0) + 1,
      })
      .execute()
    await this.saveTopicFields(trx, id, input, now)
    return id
  }

  async updateTopic(trx: Q, id: string, input: DeskTopicInput, now: Date): Promise<void> {
    await trx
      .updateTable('lecture_topics')
      .set({
        title: input.title,
        department: input.department,
        topic: input.topic,
        summary: input.summary,
        duration_min: input.durationMin,
        formats: JSON.stringify(input.formats),
      })
      .where('id', '=', id)
      .execute()
    await this.saveTopicFields(trx, id, input, now)
  }

  private async saveTopicFields(trx: Q, id: string, input: DeskTopicInput, now: Date) {
    const values = { org_code: input.orgCode, active: input.active ? 1 : 0, policy_ids: JSON.stringify(input.policyIds), updated_at: now.toISOString() }
    await trx
      .insertInto('lecture_desk_topics')
      .values({ topic_id: id, ...values })
      .onConflict((oc) => oc.column('topic_id').doUpdateSet(values))
      .execute()
  }

  /** the ids of those of `ids` that are policies / policy topics */
  async knownPolicies(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = await this.k
      .selectFrom('policies')
      .select('id')
      .where('id', 'in', [...ids])
      .execute()
    return new Set(rows.map((r) => r.id!))
  }

  async knownTopic(code: string): Promise<boolean> {
    return (await this.k.selectFrom('topics').select('id').where('id', '=', code).executeTakeFirst()) !== undefined
  }

  /** every lecturer: those of the menu and those made in the console, with profile, account and load */
  async lecturers(q: Q = this.k): Promise<DeskLecturer[]> {
    const topics = await q.selectFrom('lecture_topics').select(['id', 'lecturers']).orderBy('position').execute()
    const menu = new Map<string, MenuLecturer & { topicIds: string[] }>()
    for (const t of topics) {
      for (const l of JSON.parse(t.lecturers) as MenuLecturer[]) {
        const entry = menu.get(l.id) ?? { ...l, topicIds: [] }
        entry.topicIds.push(t.id!)
        menu.set(l.id, entry)
      }
    }
    const profiles = await q.selectFrom('lecture_desk_lecturers').selectAll().execute()
    const byId = new Map<string, DeskLecturer>()
    for (const m of menu.values()) {
      byId.set(m.id, {
        id: m.id,
        name: m.name,
        title: m.title,
        orgCode: '',
        topicIds: m.topicIds,
        weeklySlots: [],
        blockedDates: [],
        active: true,
        openOrders: 0,
      })
    }
    for (const p of profiles) {
      byId.set(p.id!, {
        id: p.id!,
        name: p.name,
        title: p.title,
        orgCode: p.org_code,
        topicIds: menu.get(p.id!)?.topicIds ?? [],
        weeklySlots: JSON.parse(p.weekly_slots) as LecturerSlot[],
        blockedDates: JSON.parse(p.blocked_dates) as string[],
        active: p.active === 1,
        openOrders: 0,
      })
    }
    const ids = [...byId.keys()]
    if (ids.length > 0) {
      const accounts = await q.selectFrom('users').select(['id', 'nickname', 'org_code', 'lecturer_id']).where('lecturer_id', 'in', ids).execute()
      for (const a of accounts) {
        const l = byId.get(a.lecturer_id!)!
        l.account = { id: a.id!, name: a.nickname }
        if (!l.orgCode && a.org_code) l.orgCode = a.org_code
      }
      const loads = await q
        .selectFrom('lecture_orders')
        .select(['lecturer_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('lecturer_id', 'in', ids)
        .where('status', 'in', OPEN_STATUSES)
        .groupBy('lecturer_id')
        .execute()
      for (const row of loads) byId.get(row.lecturer_id!)!.openOrders = Number(row.n)
    }
    for (const l of byId.values()) if (!l.orgCode) l.orgCode = CITY_ORG_CODE
    return [...byId.values()]
  }

  async lecturer(id: string, q: Q = this.k): Promise<DeskLecturer | undefined> {
    return (await this.lecturers(q)).find((l) => l.id === id)
  }

  /**
   * Writes the lecturer's profile and puts them on the menu lists of exactly their topics (with
   * their name and title there too), in the caller's transaction.
   */
  async saveLecturer(trx: Q, id: string, input: DeskLecturerInput, now: Date): Promise<void> {
    const values = {
      name: input.name,
      title: input.title,
      org_code: input.orgCode,
      topic_ids: JSON.stringify(input.topicIds),
      weekly_slots: JSON.stringify(input.weeklySlots),
      blocked_dates: JSON.stringify(input.blockedDates),
      active: input.active ? 1 : 0,
      updated_at: now.toISOString(),
    }
    await trx
      .insertInto('lecture_desk_lecturers')
      .values({ id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute()
    const wanted = new Set(input.topicIds)
    const topics = await trx.selectFrom('lecture_topics').select(['id', 'lecturers']).execute()
    for (const t of topics) {
      const list = JSON.parse(t.lecturers) as MenuLecturer[]
      const without = list.filter((l) => l.id !== id)
      const next = wanted.has(t.id!) ? [...without, { id, name: input.name, title: input.title }] : without
      const kept = wanted.has(t.id!) ? list.map((l) => (l.id === id ? { id, name: input.name, title: input.title } : l)) : without
      // keep a lecturer's place in a list they were already on
      const value = wanted.has(t.id!) && list.some((l) => l.id === id) ? kept : next
      if (JSON.stringify(value) !== t.lecturers) {
        await trx
          .updateTable('lecture_topics')
          .set({ lecturers: JSON.stringify(value) })
          .where('id', '=', t.id!)
          .execute()
      }
    }
  }

  async listOrders(query: OrderQuery, maxRows?: number): Promise<Page<DeskOrderSummary>> {
    let base = this.k.selectFrom('lecture_orders')
    if (query.status) base = base.where('status', '=', query.status)
    if (query.county) base = base.where('county_code', '=', query.county)
    if (query.lecturerId) base = base.where('lecturer_id', '=', query.lecturerId)
    if (query.regionPattern !== undefined) base = base.where('village_code', 'like', query.regionPattern)
    if (query.q) {
      const q = query.q
      base = base.where((eb) =>
        eb.or([contains('topic_title', q), contains('region_name', q), contains('place_name', q), contains('lecturer_name', q), eb('id', '=', q)]),
      )
    }
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const limit = maxRows ?? query.pageSize
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(maxRows ? 0 : (query.page - 1) * query.pageSize)
      .execute()
    return {
      items: rows.map((r) => ({
        id: r.id!,
        topicId: r.topic_id,
        topicTitle: r.topic_title,
        countyCode: r.county_code,
        regionName: r.region_name,
        placeName: r.place_name,
        dateFrom: r.date_from,
        dateTo: r.date_to,
        timeOfDay: r.time_of_day as TimeOfDay,
        audienceSize: r.audience_size,
        contactName: maskName(r.contact_name),
        contactPhone: maskMobile(r.contact_phone),
        status: r.status as LectureOrderStatus,
        ...(r.lecturer_id ? { lecturerId: r.lecturer_id, lecturerName: r.lecturer_name ?? '' } : {}),
        ...(r.schedule_date ? { schedule: { date: r.schedule_date, time: r.schedule_time ?? '', place: r.schedule_place ?? '' } } : {}),
        photos: r.report_photos ? (JSON.parse(r.report_photos) as string[]).length : 0,
        createdAt: r.created_at,
      })),
      total: Number(total.n),
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  /** the lecturer's open orders but `exceptOrderId` */
  async busy(lecturerId: string, exceptOrderId?: string): Promise<BusyOrder[]> {
    let query = this.k.selectFrom('lecture_orders').selectAll().where('lecturer_id', '=', lecturerId).where('status', 'in', OPEN_STATUSES)
    if (exceptOrderId) query = query.where('id', '!=', exceptOrderId)
    const rows = await query.execute()
    return rows.map((r) => ({
      id: r.id!,
      topicTitle: r.topic_title,
      dateFrom: r.date_from,
      dateTo: r.date_to,
      timeOfDay: r.time_of_day as TimeOfDay,
      ...(r.status === 'scheduled' && r.schedule_date ? { schedule: { date: r.schedule_date, time: r.schedule_time ?? '00:00' } } : {}),
    }))
  }

  /** the lecturer's lectures (open and done) on days from..to: by the scheduled day, or by the wished window before scheduling */
  async calendar(lecturerId: string, from: string, to: string): Promise<LecturerCalendarEntry[]> {
    const rows = await this.k
      .selectFrom('lecture_orders')
      .selectAll()
      .where('lecturer_id', '=', lecturerId)
      .where('status', 'in', CALENDAR_STATUSES)
      .where((eb) =>
        eb.or([
          eb.and([eb('schedule_date', '>=', from), eb('schedule_date', '<=', to)]),
          eb.and([eb('schedule_date', 'is', null), eb('date_from', '<=', to), eb('date_to', '>=', from)]),
        ]),
      )
      .orderBy(sql`coalesce(schedule_date, date_from)`)
      .orderBy('id')
      .execute()
    return rows.map((r) => ({
      orderId: r.id!,
      topicTitle: r.topic_title,
      regionName: r.region_name,
      status: r.status as LectureOrderStatus,
      date: r.schedule_date ?? r.date_from,
      dateTo: r.schedule_date ?? r.date_to,
      timeOfDay: r.time_of_day as TimeOfDay,
      ...(r.schedule_time ? { time: r.schedule_time } : {}),
      ...(r.schedule_place ? { place: r.schedule_place } : {}),
    }))
  }

  /**
   * Adds uploaded photos to a delivered lecture's report and makes them public (as the lecturer's
   * own are when the report is filed); false when the order has no report (any more).
   */
  async addReportPhotos(trx: Q, orderId: string, photos: readonly string[], max: number, now: Date): Promise<string[] | 'full' | undefined> {
    const row = await trx.selectFrom('lecture_orders').select(['report_photos', 'status']).where('id', '=', orderId).executeTakeFirst()
    if (!row || row.report_photos === null || !['delivered', 'rated'].includes(row.status)) return undefined
    const before = JSON.parse(row.report_photos) as string[]
    const next = [...before, ...photos.filter((p) => !before.includes(p))]
    if (next.length > max) return 'full'
    await trx
      .updateTable('lecture_orders')
      .set({ report_photos: JSON.stringify(next), updated_at: now.toISOString() })
      .where('id', '=', orderId)
      .execute()
    const names = photos.filter((u) => u.startsWith(UPLOAD_URL_PREFIX)).map((u) => u.slice(UPLOAD_URL_PREFIX.length))
    if (names.length > 0)
      await trx.updateTable('uploads').set({ attached_at: now.toISOString() }).where('attached_at', 'is', null).where('name', 'in', names).execute()
    return next
  }
}
