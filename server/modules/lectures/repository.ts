/**
 * The 宣讲点单 repository, one implementation over Kysely for SQLite and PostgreSQL: orders with
 * their timelines, the orderer's notifications, sign-in codes and attendance, and the menu of
 * topics. Every change of an order goes through applyCommand (the rules) inside one transaction,
 * which commits the order's row, its timeline event, the orderer's notification, the sign-in code
 * and the idempotency record together before the method returns, so a 201 means stored.
 *
 * Concurrency on PostgreSQL: a step locks the order's row (forUpdate) before it reads the order and
 * decides, so two steps on one order run one after the other and the second is judged on the
 * state the first left (two accepts: one 409); a rating is a step like any other, so it happens
 * once, and the timeline's primary key (order_id, seq) would refuse a second event at the same
 * place anyway. An Idempotency-Key is claimed by the primary key of idempotency_keys
 * (claimIdempotency), so one key makes one order. Sign-in locks the order's row as well: the
 * counters of wrong codes on it are read and written one request at a time.
 */
import { type Kysely, sql } from 'kysely'
import { type LectureNotification, type LectureTopic, type NotificationDelivery, type Page, UPLOAD_URL_PREFIX } from '../../../common/contract'
import { type Db, forUpdate } from '../../db/database'
import type { DB } from '../../db/schema'
import { findIdempotencyRecord as findIdempotency } from '../idempotency'
import type { IdempotencyRecord } from '../idempotency/record'
import { claimIdempotency } from './idempotency'
import {
  commandHash,
  type LectureCaller,
  type LectureCommand,
  type LectureEventRecord,
  type LectureOrderRecord,
  LectureRefusal,
  lectureScope,
  type NewOrderFields,
  newNotification,
  newOrderRecord,
  newSignInCode,
  type NotificationRecord,
  orderInputHash,
  toNotification,
  toOrderView,
} from './orders'
import {
  afterWrongCode,
  CODE_ONLY_MAX_FAILURES,
  DAILY_MAX_FAILURES,
  type FailureState,
  lockLeftMs,
  ORDER_ALERT_FAILURES,
  shanghaiDayOf,
  SIGN_IN_MAX_FAILURES,
} from './sign-in'
import { CALENDAR_STATUSES, monthRange, planStep, replayed } from './steps'
import {
  type LectureOrderListQuery,
  type LectureOrderWrite,
  type LectureReviewRecord,
  type LectureWriteOptions,
  NOTIFICATIONS_LIMIT,
  type SignInOutcome,
} from './types'

type Q = Kysely<DB>

interface OrderRow {
  id: string
  user_id: string
  orderer_name: string
  orderer_role: LectureOrderRecord['ordererRole']
  on_behalf: number
  topic_id: string
  topic_title: string
  format: LectureOrderRecord['format']
  village_code: string
  county_code: string
  township_code: string
  region_name: string
  place_name: string
  date_from: string
  date_to: string
  time_of_day: LectureOrderRecord['timeOfDay']
  audience_size: number
  contact_name: string
  contact_phone: string
  notes: string | null
  status: LectureOrderRecord['status']
  lecturer_id: string | null
  lecturer_name: string | null
  schedule_date: string | null
  schedule_time: string | null
  schedule_place: string | null
  report_attendance: number | null
  report_summary: string | null
  report_photos: string | null
  report_signed_in: number | null
  rating_stars: number | null
  rating_comment: string | null
  rated_at: string | null
  created_at: string
  updated_at: string
}

interface EventRow {
  order_id: string
  seq: number
  action: LectureEventRecord['action']
  status: LectureEventRecord['status']
  by_user_id: string
  by_role: LectureEventRecord['byRole']
  by_name: string
  at: string
  note: string | null
}

interface NotificationRow {
  id: string
  user_id: string
  order_id: string
  title: string
  body: string
  status: LectureNotification['status']
  created_at: string
  read_at: string | null
  wechat: NotificationDelivery
}

function toRow(r: LectureOrderRecord): OrderRow {
  return {
    id: r.id,
    user_id: r.userId,
    orderer_name: r.ordererName,
    orderer_role: r.ordererRole,
    on_behalf: r.onBehalf ? 1 : 0,
    topic_id: r.topicId,
    topic_title: r.topicTitle,
    format: r.format,
    village_code: r.villageCode,
    county_code: r.countyCode,
    township_code: r.townshipCode,
    region_name: r.regionName,
    place_name: r.placeName,
    date_from: r.dateFrom,
    date_to: r.dateTo,
    time_of_day: r.timeOfDay,
    audience_size: r.audienceSize,
    contact_name: r.contactName,
    contact_phone: r.contactPhone,
    notes: r.notes ?? null,
    status: r.status,
    lecturer_id: r.lecturerId ?? null,
    lecturer_name: r.lecturerName ?? null,
    schedule_date: r.schedule?.date ?? null,
    schedule_time: r.schedule?.time ?? null,
    schedule_place: r.schedule?.place ?? null,
    report_attendance: r.report?.attendance ?? null,
    report_summary: r.report?.summary ?? null,
    report_photos: r.report ? JSON.stringify(r.report.photos) : null,
    report_signed_in: r.report?.signedIn ?? null,
    rating_stars: r.rating?.stars ?? null,
    rating_comment: r.rating?.comment ?? null,
    rated_at: r.rating?.at ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  }
}

function fromRow(o: OrderRow, events: EventRow[]): LectureOrderRecord {
  return {
    id: o.id,
    userId: o.user_id,
    ordererName: o.orderer_name,
    ordererRole: o.orderer_role,
    onBehalf: o.on_behalf === 1,
    topicId: o.topic_id,
    topicTitle: o.topic_title,
    format: o.format,
    villageCode: o.village_code,
    countyCode: o.county_code,
    townshipCode: o.township_code,
    regionName: o.region_name,
    placeName: o.place_name,
    dateFrom: o.date_from,
    dateTo: o.date_to,
    timeOfDay: o.time_of_day,
    audienceSize: o.audience_size,
    contactName: o.contact_name,
    contactPhone: o.contact_phone,
    ...(o.notes !== null ? { notes: o.notes } : {}),
    status: o.status,
    ...(o.lecturer_id !== null ? { lecturerId: o.lecturer_id, lecturerName: o.lecturer_name! } : {}),
    ...(o.schedule_date !== null ? { schedule: { date: o.schedule_date, time: o.schedule_time!, place: o.schedule_place! } } : {}),
    ...(o.report_attendance !== null
      ? {
          report: {
            attendance: o.report_attendance,
            summary: o.report_summary!,
            photos: JSON.parse(o.report_photos ?? '[]') as string[],
            signedIn: o.report_signed_in ?? 0,
          },
        }
      : {}),
    ...(o.rating_stars !== null
      ? { rating: { stars: o.rating_stars, ...(o.rating_comment !== null ? { comment: o.rating_comment } : {}), at: o.rated_at! } }
      : {}),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    timeline: events.map((e) => ({
      action: e.action,
      status: e.status,
      byUserId: e.by_user_id,
      byRole: e.by_role,
      byName: e.by_name,
      at: e.at,
      ...(e.note !== null ? { note: e.note } : {}),
    })),
  }
}

function notificationFrom(n: NotificationRow): NotificationRecord {
  return {
    id: n.id,
    userId: n.user_id,
    orderId: n.order_id,
    title: n.title,
    body: n.body,
    status: n.status,
    createdAt: n.created_at,
    read: n.read_at !== null,
    wechat: n.wechat,
  }
}

/** the per-user counter of POST /lecture-sign-ins, where a wrong code names no order */
const CODE_ONLY = ''

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | undefined) => (ms === undefined ? null : iso(ms))

function failureState(row: { failures: number; window_started_at: string; locked_until: string | null }): FailureState {
  return {
    failures: row.failures,
    windowStartedAt: Date.parse(row.window_started_at),
    ...(row.locked_until !== null ? { lockedUntil: Date.parse(row.locked_until) } : {}),
  }
}

interface LectureTopicRow {
  id: string
  title: string
  department: string
  topic: string
  summary: string
  duration_min: number
  formats: string
  lecturers: string
  rating_average: number
  rating_count: number
}

function lectureTopicFrom(r: LectureTopicRow): LectureTopic {
  return {
    id: r.id,
    title: r.title,
    department: r.department,
    topic: r.topic,
    summary: r.summary,
    durationMin: r.duration_min,
    formats: JSON.parse(r.formats) as LectureTopic['formats'],
    lecturers: JSON.parse(r.lecturers) as LectureTopic['lecturers'],
    rating: { average: r.rating_average, count: r.rating_count },
  }
}

export class LectureRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * insertion order, the tie-breaker of equal times: SQLite's rowid. PostgreSQL has no rowid, so
   * there rows of the same millisecond fall back to their id (stable, not chronological).
   */
  private get inserted() {
    return this.db.dialect === 'sqlite' ? sql`rowid` : sql`id`
  }

  /** 宣讲菜单: the topics in menu order, of one policy topic if asked */
  async listTopics(filter: { topic?: string } = {}): Promise<LectureTopic[]> {
    let query = this.db.kysely
      .selectFrom('lecture_topics')
      .selectAll()
      // a topic the console took off the menu (lecture_desk_topics.active = 0, migration 024) is not ordered
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('lecture_desk_topics').select('topic_id').whereRef('topic_id', '=', 'lecture_topics.id').where('active', '=', 0))),
      )
    if (filter.topic) query = query.where('topic', '=', filter.topic)
    const rows = await query.orderBy('position').execute()
    return rows.map((r) => lectureTopicFrom(r as LectureTopicRow))
  }

  /** a new order (fields validated by the route); with a key, a retry replays the first answer */
  async createOrder(caller: LectureCaller, fields: NewOrderFields, options: LectureWriteOptions): Promise<LectureOrderWrite> {
    const scope = lectureScope('submit')
    const hash = orderInputHash(fields)
    return this.db.kysely.transaction().execute(async (trx): Promise<LectureOrderWrite> => {
      const key = options.idempotencyKey
      const earlier = key ? await findIdempotency(trx, caller.id, scope, key) : undefined
      if (earlier) return replayed(earlier, hash)
      const now = this.now()
      const record = newOrderRecord(caller, fields, now)
      const notification = newNotification(record, 'submit', options.wechat, now)
      const order = toOrderView(record, caller)
      if (key) {
        // the key's primary key decides between two requests sent at once: the second replays the first
        const first = await claimIdempotency(trx, { userId: caller.id, scope, key, requestHash: hash, status: 201, body: order, at: now.toISOString() })
        if (first) return replayed(first, hash)
      }
      await trx.insertInto('lecture_orders').values(toRow(record)).execute()
      await this.insertEvent(trx, record.id, 0, record.timeline[0])
      await this.insertNotification(trx, notification)
      return { order, replayed: false, notification: toNotification(notification) }
    })
  }

  /** undefined for an unknown id; LectureRefusal when the rules refuse; IdempotencyKeyReused for a reused key */
  async transition(id: string, command: LectureCommand, caller: LectureCaller, options: LectureWriteOptions): Promise<LectureOrderWrite | undefined> {
    const scope = lectureScope(command.action)
    const hash = commandHash(id, command)
    return this.db.kysely.transaction().execute(async (trx): Promise<LectureOrderWrite | undefined> => {
      // the order's row first, locked: a concurrent step on it waits here, and then sees what the
      // first one committed (its state, and its idempotency record for a retry with the same key)
      const row = await forUpdate(this.db, trx.selectFrom('lecture_orders').selectAll().where('id', '=', id)).executeTakeFirst()
      const key = options.idempotencyKey
      const earlier = key ? await findIdempotency(trx, caller.id, scope, key) : undefined
      if (earlier) return replayed(earlier, hash)
      if (!row) return undefined
      const [before] = await this.withEvents(trx, [row as OrderRow])
      const now = this.now()
      const step = planStep(before, command, caller, options, now, await this.countAttendance(trx, id))
      if (key) {
        const first = await claimIdempotency(trx, { userId: caller.id, scope, key, requestHash: hash, status: 200, body: step.view, at: now.toISOString() })
        if (first) return replayed(first, hash)
      }
      const { id: _, ...changes } = toRow(step.record)
      await trx.updateTable('lecture_orders').set(changes).where('id', '=', id).execute()
      await this.insertEvent(trx, id, step.record.timeline.length - 1, step.record.timeline[step.record.timeline.length - 1])
      await this.insertNotification(trx, step.notification)
      if (step.code === 'create') await this.createSignInCode(trx, id)
      if (step.code === 'drop') await trx.deleteFrom('lecture_sign_in_codes').where('order_id', '=', id).execute()
      if (command.action === 'complete') await this.attachPhotos(trx, command.photos, now)
      return { order: step.view, replayed: false, notification: toNotification(step.notification) }
    })
  }

  /** a code no scheduled lecture has: the code's primary key settles a draw two schedules make at once */
  private async createSignInCode(trx: Q, orderId: string) {
    for (;;) {
      const inserted = await trx
        .insertInto('lecture_sign_in_codes')
        .values({ code: newSignInCode(), order_id: orderId })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .executeTakeFirst()
      if (inserted) return
    }
  }

  /**
   * a delivered lecture's photos become public (uploads.attached_at, 015), in the step's
   * transaction; one the sweep deleted after the route checked it refuses the step
   */
  private async attachPhotos(trx: Q, photos: readonly string[], now: Date) {
    // the route lets only the lecturer's uploads through; the repository attaches what is one
    const urls = photos.filter((u) => u.startsWith(UPLOAD_URL_PREFIX))
    if (urls.length === 0) return
    const names = [...new Set(urls.map((u) => u.slice(UPLOAD_URL_PREFIX.length)))]
    await trx.updateTable('uploads').set({ attached_at: now.toISOString() }).where('attached_at', 'is', null).where('name', 'in', names).execute()
    const found = await trx
      .selectFrom('uploads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'in', names)
      .executeTakeFirstOrThrow()
    if (found.n !== names.length) throw new LectureRefusal('照片已过期，请重新上传')
  }

  /** the record of an earlier lecture write with this key, to replay it before any check */
  findReplay(userId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return findIdempotency(this.db.kysely, userId, scope, key)
  }

  async getOrder(id: string): Promise<LectureOrderRecord | undefined> {
    const row = await this.db.kysely.selectFrom('lecture_orders').selectAll().where('id', '=', id).executeTakeFirst()
    return row && (await this.withEvents(this.db.kysely, [row as OrderRow]))[0]
  }

  /** the user's own, newest first */
  async listOrdersByUser(userId: string): Promise<LectureOrderRecord[]> {
    const rows = await this.db.kysely
      .selectFrom('lecture_orders')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy(this.inserted, 'desc')
      .execute()
    return this.withEvents(this.db.kysely, rows as OrderRow[])
  }

  /** for the dispatcher: oldest first (incoming by age) */
  async listOrders(query: LectureOrderListQuery): Promise<Page<LectureOrderRecord>> {
    let base = this.db.kysely.selectFrom('lecture_orders')
    if (query.status) base = base.where('status', '=', query.status)
    if (query.county) base = base.where('county_code', '=', query.county)
    if (query.regionPattern !== undefined) base = base.where('village_code', 'like', query.regionPattern)
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .selectAll()
      .orderBy('created_at')
      .orderBy(this.inserted)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute()
    return { items: await this.withEvents(this.db.kysely, rows as OrderRow[]), total: total.n, page: query.page, pageSize: query.pageSize }
  }

  /** a lecturer's assignments: scheduled ones by date, then the rest newest first */
  async listOrdersByLecturer(lecturerId: string): Promise<LectureOrderRecord[]> {
    const rows = await this.db.kysely
      .selectFrom('lecture_orders')
      .selectAll()
      .where('lecturer_id', '=', lecturerId)
      .orderBy(sql`CASE WHEN status = 'scheduled' THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN status = 'scheduled' THEN schedule_date || ' ' || schedule_time END`)
      .orderBy('updated_at', 'desc')
      .orderBy(this.inserted, 'desc')
      .execute()
    return this.withEvents(this.db.kysely, rows as OrderRow[])
  }

  /** scheduled, delivered and rated lectures whose date is in the month (YYYY-MM), by date and time */
  async calendar(month: string, county?: string): Promise<LectureOrderRecord[]> {
    const [from, to] = monthRange(month)
    let query = this.db.kysely
      .selectFrom('lecture_orders')
      .selectAll()
      .where('schedule_date', '>=', from)
      .where('schedule_date', '<', to)
      .where('status', 'in', CALENDAR_STATUSES)
    if (county) query = query.where('county_code', '=', county)
    const rows = await query.orderBy('schedule_date').orderBy('schedule_time').orderBy(this.inserted).execute()
    return this.withEvents(this.db.kysely, rows as OrderRow[])
  }

  /** ratings of delivered lectures, newest first */
  async reviews(topicId?: string): Promise<LectureReviewRecord[]> {
    let query = this.db.kysely
      .selectFrom('lecture_orders')
      .select(['topic_id', 'rating_stars', 'rating_comment', 'rated_at', 'region_name'])
      .where('rating_stars', 'is not', null)
    if (topicId) query = query.where('topic_id', '=', topicId)
    const rows = await query.orderBy('rated_at', 'desc').orderBy(this.inserted, 'desc').execute()
    return rows.map((r) => ({
      topicId: r.topic_id,
      stars: r.rating_stars!,
      ...(r.rating_comment !== null ? { comment: r.rating_comment } : {}),
      at: r.rated_at!,
      regionName: r.region_name,
    }))
  }

  async listNotifications(userId: string): Promise<LectureNotification[]> {
    const rows = await this.db.kysely
      .selectFrom('lecture_notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy(this.inserted, 'desc')
      .limit(NOTIFICATIONS_LIMIT)
      .execute()
    return rows.map((r) => toNotification(notificationFrom(r as NotificationRow)))
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('lecture_notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
    return row.n
  }

  /** false for an id that is not the user's */
  async markNotificationRead(userId: string, id: string): Promise<boolean> {
    const found = await this.db.kysely.selectFrom('lecture_notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
    if (!found) return false
    await this.db.kysely
      .updateTable('lecture_notifications')
      .set({ read_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute()
    return true
  }

  async setNotificationDelivery(id: string, wechat: NotificationDelivery): Promise<void> {
    await this.db.kysely.updateTable('lecture_notifications').set({ wechat }).where('id', '=', id).execute()
  }

  /** the code of a scheduled lecture */
  async signInCode(orderId: string): Promise<string | undefined> {
    const row = await this.db.kysely.selectFrom('lecture_sign_in_codes').select('code').where('order_id', '=', orderId).executeTakeFirst()
    return row?.code
  }

  /** the scheduled lecture a code opens */
  orderIdForCode(code: string): Promise<string | undefined> {
    return this.orderIdOf(this.db.kysely, code)
  }

  private async orderIdOf(q: Q, code: string): Promise<string | undefined> {
    const row = await q.selectFrom('lecture_sign_in_codes').select('order_id').where('code', '=', code).executeTakeFirst()
    return row?.order_id
  }

  /** records the user's attendance once; counts a wrong code against the user (sign-in.ts) */
  signIn(orderId: string, userId: string, code: string): Promise<SignInOutcome> {
    return this.db.kysely.transaction().execute((trx) => this.signInWith(trx, orderId, userId, code))
  }

  private async signInWith(trx: Q, orderId: string, userId: string, code: string): Promise<SignInOutcome> {
    // the order's row locked: the counters of wrong codes on this order change one request at a time
    const order = await forUpdate(this.db, trx.selectFrom('lecture_orders').select('status').where('id', '=', orderId)).executeTakeFirst()
    if (!order || order.status !== 'scheduled') return { ok: false, reason: 'not-open' }
    const now = this.now().getTime()
    const dayLocked = await this.dayLockLeftMs(trx, userId, now)
    if (dayLocked > 0) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: dayLocked }
    const mine = await this.signInMisses(trx, userId, orderId)
    const locked = lockLeftMs(mine, now)
    if (locked > 0) return { ok: false, reason: 'locked', lock: 'order', retryAfterMs: locked }
    if ((await this.orderIdOf(trx, code)) !== orderId) {
      // the order's safety net: many accounts guessing at it put it on alert, and while it is on
      // alert one wrong code locks its sender here at once (a right code still signs anyone in)
      const net = await this.signInFailures(trx, orderId)
      let onAlert = lockLeftMs(net, now) > 0
      if (!onAlert) {
        const nextNet = afterWrongCode(net, now, ORDER_ALERT_FAILURES)
        const values = { failures: nextNet.failures, window_started_at: iso(nextNet.windowStartedAt), locked_until: isoOrNull(nextNet.lockedUntil) }
        await trx
          .insertInto('lecture_sign_in_failures')
          .values({ order_id: orderId, ...values })
          .onConflict((oc) => oc.column('order_id').doUpdateSet(values))
          .execute()
        onAlert = lockLeftMs(nextNet, now) > 0
      }
      const next = await this.countMiss(trx, userId, orderId, mine, now, onAlert ? 1 : SIGN_IN_MAX_FAILURES)
      return this.afterMiss(trx, userId, now, next, 'order')
    }
    const at = this.now().toISOString()
    const inserted = await trx
      .insertInto('lecture_attendance')
      .values({ order_id: orderId, user_id: userId, signed_in_at: at })
      .onConflict((oc) => oc.columns(['order_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst()
    const row = await trx
      .selectFrom('lecture_attendance')
      .select('signed_in_at')
      .where('order_id', '=', orderId)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
    return { ok: true, signedInAt: row.signed_in_at, already: !inserted, signedIn: await this.countAttendance(trx, orderId) }
  }

  /**
   * sign-in by the code alone: the scheduled lecture it opens, or a wrong code counted against the
   * user; `orderId` is set whenever the code names an order
   */
  signInByCode(userId: string, code: string): Promise<SignInOutcome & { orderId?: string }> {
    return this.db.kysely.transaction().execute(async (trx): Promise<SignInOutcome & { orderId?: string }> => {
      const now = this.now().getTime()
      // locks first: a locked caller learns nothing about the code they sent
      const dayLocked = await this.dayLockLeftMs(trx, userId, now)
      if (dayLocked > 0) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: dayLocked }
      const mine = await this.signInMisses(trx, userId, CODE_ONLY)
      const locked = lockLeftMs(mine, now)
      if (locked > 0) return { ok: false, reason: 'locked', lock: 'code-only', retryAfterMs: locked }
      const orderId = await this.orderIdOf(trx, code)
      if (!orderId) return this.afterMiss(trx, userId, now, await this.countMiss(trx, userId, CODE_ONLY, mine, now, CODE_ONLY_MAX_FAILURES), 'code-only')
      return { ...(await this.signInWith(trx, orderId, userId, code)), orderId }
    })
  }

  /** a wrong code of `userId` on `orderId` (CODE_ONLY: by code alone) counted at `now`, locked at `max` */
  private async countMiss(trx: Q, userId: string, orderId: string, state: FailureState | undefined, now: number, max: number): Promise<FailureState> {
    const next = afterWrongCode(state, now, max)
    const values = { failures: next.failures, window_started_at: iso(next.windowStartedAt), locked_until: isoOrNull(next.lockedUntil) }
    await trx
      .insertInto('lecture_sign_in_misses')
      .values({ user_id: userId, order_id: orderId, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'order_id']).doUpdateSet(values))
      .execute()
    return next
  }

  /** counts the miss towards the user's day as well; the answer to the wrong code */
  private async afterMiss(trx: Q, userId: string, now: number, next: FailureState, lock: 'order' | 'code-only'): Promise<SignInOutcome> {
    const { day, endsAt } = shanghaiDayOf(now)
    // yesterday's rows are of no further use
    await trx.deleteFrom('lecture_sign_in_daily_misses').where('user_id', '=', userId).where('day', '<', day).execute()
    // an increment in SQL, not a value computed here: concurrent misses of one user all count
    await trx
      .insertInto('lecture_sign_in_daily_misses')
      .values({ user_id: userId, day, misses: 1 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({ misses: eb(eb.ref('lecture_sign_in_daily_misses.misses'), '+', 1) })))
      .execute()
    if ((await this.dailyMisses(trx, userId, day)) >= DAILY_MAX_FAILURES) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: endsAt - now }
    const locked = lockLeftMs(next, now)
    return locked > 0 ? { ok: false, reason: 'locked', lock, retryAfterMs: locked } : { ok: false, reason: 'wrong-code' }
  }

  private async dailyMisses(trx: Q, userId: string, day: string): Promise<number> {
    const row = await trx.selectFrom('lecture_sign_in_daily_misses').select('misses').where('user_id', '=', userId).where('day', '=', day).executeTakeFirst()
    return row?.misses ?? 0
  }

  private async dayLockLeftMs(trx: Q, userId: string, now: number): Promise<number> {
    const { day, endsAt } = shanghaiDayOf(now)
    return (await this.dailyMisses(trx, userId, day)) >= DAILY_MAX_FAILURES ? endsAt - now : 0
  }

  private async signInMisses(trx: Q, userId: string, orderId: string): Promise<FailureState | undefined> {
    const row = await trx
      .selectFrom('lecture_sign_in_misses')
      .select(['failures', 'window_started_at', 'locked_until'])
      .where('user_id', '=', userId)
      .where('order_id', '=', orderId)
      .executeTakeFirst()
    return row && failureState(row)
  }

  private async signInFailures(trx: Q, orderId: string): Promise<FailureState | undefined> {
    const row = await trx
      .selectFrom('lecture_sign_in_failures')
      .select(['failures', 'window_started_at', 'locked_until'])
      .where('order_id', '=', orderId)
      .executeTakeFirst()
    return row && failureState(row)
  }

  attendanceCount(orderId: string): Promise<number> {
    return this.countAttendance(this.db.kysely, orderId)
  }

  private async countAttendance(q: Q, orderId: string): Promise<number> {
    const row = await q
      .selectFrom('lecture_attendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow()
    return row.n
  }

  /** the orders with their timelines, in one query for all of them */
  private async withEvents(q: Q, rows: OrderRow[]): Promise<LectureOrderRecord[]> {
    if (rows.length === 0) return []
    const events = (await q
      .selectFrom('lecture_order_events')
      .selectAll()
      .where(
        'order_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('order_id')
      .orderBy('seq')
      .execute()) as EventRow[]
    const byOrder = new Map<string, EventRow[]>()
    for (const e of events) {
      const list = byOrder.get(e.order_id) ?? []
      list.push(e)
      byOrder.set(e.order_id, list)
    }
    return rows.map((r) => fromRow(r, byOrder.get(r.id) ?? []))
  }

  private async insertEvent(trx: Q, orderId: string, seq: number, e: LectureEventRecord) {
    await trx
      .insertInto('lecture_order_events')
      .values({
        order_id: orderId,
        seq,
        action: e.action,
        status: e.status,
        by_user_id: e.byUserId,
        by_role: e.byRole,
        by_name: e.byName,
        at: e.at,
        note: e.note ?? null,
      })
      .execute()
  }

  private async insertNotification(trx: Q, n: NotificationRecord) {
    await trx
      .insertInto('lecture_notifications')
      .values({
        id: n.id,
        user_id: n.userId,
        order_id: n.orderId,
        title: n.title,
        body: n.body,
        status: n.status,
        created_at: n.createdAt,
        read_at: null,
        wechat: n.wechat,
      })
      .execute()
  }
}
