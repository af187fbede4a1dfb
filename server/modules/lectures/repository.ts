/**
 * The lecture store on the SQLite database of SqliteStore. Every write runs in one IMMEDIATE
 * transaction: the order's row, its timeline event, the orderer's notification, the sign-in code
 * and the idempotency record commit together before the method returns, so a 201 means on disk.
 */
import type Database from 'better-sqlite3'
import { type LectureNotification, type NotificationDelivery, type Page, UPLOAD_URL_PREFIX } from '../../../common/contract'
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
import { pageOffset } from '../../store/paging'
import type { IdempotencyRecord } from '../../store/store'
import { CALENDAR_STATUSES, monthRange, planStep, replayed } from './steps'
import {
  type LectureOrderListQuery,
  type LectureOrderWrite,
  type LectureReviewRecord,
  type LectureStore,
  type LectureWriteOptions,
  NOTIFICATIONS_LIMIT,
  type SignInOutcome,
} from './types'
import { StatementCache } from '../../store/sqlite/statement-cache'

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

const ORDER_COLUMNS = [
  'id',
  'user_id',
  'orderer_name',
  'orderer_role',
  'on_behalf',
  'topic_id',
  'topic_title',
  'format',
  'village_code',
  'county_code',
  'township_code',
  'region_name',
  'place_name',
  'date_from',
  'date_to',
  'time_of_day',
  'audience_size',
  'contact_name',
  'contact_phone',
  'notes',
  'status',
  'lecturer_id',
  'lecturer_name',
  'schedule_date',
  'schedule_time',
  'schedule_place',
  'report_attendance',
  'report_summary',
  'report_photos',
  'report_signed_in',
  'rating_stars',
  'rating_comment',
  'rated_at',
  'created_at',
  'updated_at',
] as const

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

function failureState(row: { failures: number; window_started_at: string; locked_until: string | null }): FailureState {
  return {
    failures: row.failures,
    windowStartedAt: Date.parse(row.window_started_at),
    ...(row.locked_until !== null ? { lockedUntil: Date.parse(row.locked_until) } : {}),
  }
}

const INSERT_ORDER = `INSERT INTO lecture_orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`
const UPDATE_ORDER = `UPDATE lecture_orders SET ${ORDER_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id`

export class SqliteLectureStore implements LectureStore {
  private readonly statements = new StatementCache()

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createOrder(caller: LectureCaller, fields: NewOrderFields, options: LectureWriteOptions): LectureOrderWrite {
    const scope = lectureScope('submit')
    const hash = orderInputHash(fields)
    return this.db
      .transaction((): LectureOrderWrite => {
        const earlier = options.idempotencyKey && this.findReplay(caller.id, scope, options.idempotencyKey)
        if (earlier) return replayed(earlier, hash)
        const now = this.now()
        const record = newOrderRecord(caller, fields, now)
        const notification = newNotification(record, 'submit', options.wechat, now)
        const order = toOrderView(record, caller)
        this.stmt(INSERT_ORDER).run(toRow(record))
        this.insertEvent(record.id, 0, record.timeline[0])
        this.insertNotification(notification)
        if (options.idempotencyKey) this.remember(caller.id, scope, options.idempotencyKey, hash, 201, order)
        return { order, replayed: false, notification: toNotification(notification) }
      })
      .immediate()
  }

  transition(id: string, command: LectureCommand, caller: LectureCaller, options: LectureWriteOptions): LectureOrderWrite | undefined {
    const scope = lectureScope(command.action)
    const hash = commandHash(id, command)
    return this.db
      .transaction((): LectureOrderWrite | undefined => {
        const earlier = options.idempotencyKey && this.findReplay(caller.id, scope, options.idempotencyKey)
        if (earlier) return replayed(earlier, hash)
        const before = this.getOrder(id)
        if (!before) return undefined
        const step = planStep(before, command, caller, options, this.now(), this.attendanceCount(id))
        this.stmt(UPDATE_ORDER).run(toRow(step.record))
        this.insertEvent(id, step.record.timeline.length - 1, step.record.timeline[step.record.timeline.length - 1])
        this.insertNotification(step.notification)
        if (step.code === 'create') {
          let code = newSignInCode()
          while (this.orderIdForCode(code)) code = newSignInCode()
          this.stmt('INSERT INTO lecture_sign_in_codes (code, order_id) VALUES (?, ?)').run(code, id)
        }
        if (step.code === 'drop') this.stmt('DELETE FROM lecture_sign_in_codes WHERE order_id = ?').run(id)
        if (command.action === 'complete') this.attachPhotos(command.photos)
        if (options.idempotencyKey) this.remember(caller.id, scope, options.idempotencyKey, hash, 200, step.view)
        return { order: step.view, replayed: false, notification: toNotification(step.notification) }
      })
      .immediate()
  }

  /**
   * a delivered lecture's photos become public (uploads.attached_at, 015), in the step's
   * transaction; one the sweep deleted after the route checked it refuses the step
   */
  private attachPhotos(photos: readonly string[]) {
    // the route lets only the lecturer's uploads through; the store attaches what is one
    const urls = photos.filter((u) => u.startsWith(UPLOAD_URL_PREFIX))
    if (urls.length === 0) return
    const names = JSON.stringify(urls.map((u) => u.slice(UPLOAD_URL_PREFIX.length)))
    const at = this.now().toISOString()
    this.stmt('UPDATE uploads SET attached_at = ? WHERE attached_at IS NULL AND name IN (SELECT value FROM json_each(?))').run(at, names)
    const found = (this.stmt('SELECT COUNT(*) AS n FROM uploads WHERE name IN (SELECT value FROM json_each(?))').get(names) as { n: number }).n
    if (found !== new Set(urls).size) throw new LectureRefusal('照片已过期，请重新上传')
  }

  findReplay(userId: string, scope: string, key: string): IdempotencyRecord | undefined {
    const row = this.stmt(
      'SELECT request_hash, response_status, response_body, created_at FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?',
    ).get(userId, scope, key) as { request_hash: string; response_status: number; response_body: string; created_at: string } | undefined
    return row && { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_body) as unknown, createdAt: row.created_at }
  }

  getOrder(id: string) {
    const row = this.stmt('SELECT * FROM lecture_orders WHERE id = ?').get(id) as OrderRow | undefined
    return row && this.withEvents([row])[0]
  }

  listOrdersByUser(userId: string) {
    return this.withEvents(this.rows('SELECT * FROM lecture_orders WHERE user_id = ? ORDER BY created_at DESC, rowid DESC', userId))
  }

  listOrders(query: LectureOrderListQuery): Page<LectureOrderRecord> {
    const conditions: string[] = []
    const params: unknown[] = []
    if (query.status) {
      conditions.push('status = ?')
      params.push(query.status)
    }
    if (query.county) {
      conditions.push('county_code = ?')
      params.push(query.county)
    }
    if (query.regionPattern !== undefined) {
      conditions.push('village_code LIKE ?')
      params.push(query.regionPattern)
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
    const total = this.stmt(`SELECT COUNT(*) AS n FROM lecture_orders ${where}`).get(...params) as { n: number }
    const rows = this.rows(`SELECT * FROM lecture_orders ${where} ORDER BY created_at, rowid LIMIT ? OFFSET ?`, ...params, query.pageSize, pageOffset(query))
    return { items: this.withEvents(rows), total: total.n, page: query.page, pageSize: query.pageSize }
  }

  listOrdersByLecturer(lecturerId: string) {
    return this.withEvents(
      this.rows(
        `SELECT * FROM lecture_orders WHERE lecturer_id = ?
         ORDER BY status = 'scheduled' DESC,
                  CASE WHEN status = 'scheduled' THEN schedule_date || ' ' || schedule_time END,
                  updated_at DESC, rowid DESC`,
        lecturerId,
      ),
    )
  }

  calendar(month: string, county?: string) {
    const [from, to] = monthRange(month)
    const statuses = CALENDAR_STATUSES.map(() => '?').join(', ')
    const rows = county
      ? this.rows(
          `SELECT * FROM lecture_orders WHERE schedule_date >= ? AND schedule_date < ? AND status IN (${statuses}) AND county_code = ?
           ORDER BY schedule_date, schedule_time, rowid`,
          from,
          to,
          ...CALENDAR_STATUSES,
          county,
        )
      : this.rows(
          `SELECT * FROM lecture_orders WHERE schedule_date >= ? AND schedule_date < ? AND status IN (${statuses})
           ORDER BY schedule_date, schedule_time, rowid`,
          from,
          to,
          ...CALENDAR_STATUSES,
        )
    return this.withEvents(rows)
  }

  reviews(topicId?: string): LectureReviewRecord[] {
    const rows = (
      topicId
        ? this.stmt(
            `SELECT topic_id, rating_stars, rating_comment, rated_at, region_name FROM lecture_orders
                     WHERE rating_stars IS NOT NULL AND topic_id = ? ORDER BY rated_at DESC, rowid DESC`,
          ).all(topicId)
        : this.stmt(
            `SELECT topic_id, rating_stars, rating_comment, rated_at, region_name FROM lecture_orders
                     WHERE rating_stars IS NOT NULL ORDER BY rated_at DESC, rowid DESC`,
          ).all()
    ) as { topic_id: string; rating_stars: number; rating_comment: string | null; rated_at: string; region_name: string }[]
    return rows.map((r) => ({
      topicId: r.topic_id,
      stars: r.rating_stars,
      ...(r.rating_comment !== null ? { comment: r.rating_comment } : {}),
      at: r.rated_at,
      regionName: r.region_name,
    }))
  }

  listNotifications(userId: string): LectureNotification[] {
    const rows = this.stmt('SELECT * FROM lecture_notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(
      userId,
      NOTIFICATIONS_LIMIT,
    ) as NotificationRow[]
    return rows.map((r) => toNotification(notificationFrom(r)))
  }

  unreadCount(userId: string) {
    return (this.stmt('SELECT COUNT(*) AS n FROM lecture_notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n
  }

  markNotificationRead(userId: string, id: string) {
    const found = this.stmt('SELECT 1 FROM lecture_notifications WHERE id = ? AND user_id = ?').get(id, userId)
    if (!found) return false
    this.stmt('UPDATE lecture_notifications SET read_at = ? WHERE id = ? AND read_at IS NULL').run(this.now().toISOString(), id)
    return true
  }

  setNotificationDelivery(id: string, wechat: NotificationDelivery) {
    this.stmt('UPDATE lecture_notifications SET wechat = ? WHERE id = ?').run(wechat, id)
  }

  signInCode(orderId: string) {
    const row = this.stmt('SELECT code FROM lecture_sign_in_codes WHERE order_id = ?').get(orderId) as { code: string } | undefined
    return row?.code
  }

  orderIdForCode(code: string) {
    const row = this.stmt('SELECT order_id FROM lecture_sign_in_codes WHERE code = ?').get(code) as { order_id: string } | undefined
    return row?.order_id
  }

  signIn(orderId: string, userId: string, code: string): SignInOutcome {
    return this.db
      .transaction((): SignInOutcome => {
        const order = this.stmt('SELECT status FROM lecture_orders WHERE id = ?').get(orderId) as { status: string } | undefined
        if (!order || order.status !== 'scheduled') return { ok: false, reason: 'not-open' }
        const now = this.now().getTime()
        const dayLocked = this.dayLockLeftMs(userId, now)
        if (dayLocked > 0) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: dayLocked }
        const mine = this.signInMisses(userId, orderId)
        const locked = lockLeftMs(mine, now)
        if (locked > 0) return { ok: false, reason: 'locked', lock: 'order', retryAfterMs: locked }
        if (this.orderIdForCode(code) !== orderId) {
          // the order's safety net: many accounts guessing at it put it on alert, and while it is on
          // alert one wrong code locks its sender here at once (a right code still signs anyone in)
          const net = this.signInFailures(orderId)
          let onAlert = lockLeftMs(net, now) > 0
          if (!onAlert) {
            const nextNet = afterWrongCode(net, now, ORDER_ALERT_FAILURES)
            this.stmt(
              `INSERT INTO lecture_sign_in_failures (order_id, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT (order_id) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
               locked_until = excluded.locked_until`,
            ).run(orderId, nextNet.failures, iso(nextNet.windowStartedAt), nextNet.lockedUntil === undefined ? null : iso(nextNet.lockedUntil))
            onAlert = lockLeftMs(nextNet, now) > 0
          }
          const next = this.countMiss(userId, orderId, mine, now, onAlert ? 1 : SIGN_IN_MAX_FAILURES)
          return this.afterMiss(userId, now, next, 'order')
        }
        const at = this.now().toISOString()
        const inserted = this.stmt('INSERT OR IGNORE INTO lecture_attendance (order_id, user_id, signed_in_at) VALUES (?, ?, ?)').run(
          orderId,
          userId,
          at,
        ).changes
        const row = this.stmt('SELECT signed_in_at FROM lecture_attendance WHERE order_id = ? AND user_id = ?').get(orderId, userId) as { signed_in_at: string }
        return { ok: true, signedInAt: row.signed_in_at, already: inserted === 0, signedIn: this.attendanceCount(orderId) }
      })
      .immediate()
  }

  signInByCode(userId: string, code: string): SignInOutcome & { orderId?: string } {
    return this.db
      .transaction((): SignInOutcome & { orderId?: string } => {
        const now = this.now().getTime()
        // locks first: a locked caller learns nothing about the code they sent
        const dayLocked = this.dayLockLeftMs(userId, now)
        if (dayLocked > 0) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: dayLocked }
        const mine = this.signInMisses(userId, CODE_ONLY)
        const locked = lockLeftMs(mine, now)
        if (locked > 0) return { ok: false, reason: 'locked', lock: 'code-only', retryAfterMs: locked }
        const orderId = this.orderIdForCode(code)
        if (!orderId) return this.afterMiss(userId, now, this.countMiss(userId, CODE_ONLY, mine, now, CODE_ONLY_MAX_FAILURES), 'code-only')
        return { ...this.signIn(orderId, userId, code), orderId }
      })
      .immediate()
  }

  /** a wrong code of `userId` on `orderId` (CODE_ONLY: by code alone) counted at `now`, locked at `max` */
  private countMiss(userId: string, orderId: string, state: FailureState | undefined, now: number, max: number): FailureState {
    const next = afterWrongCode(state, now, max)
    this.stmt(
      `INSERT INTO lecture_sign_in_misses (user_id, order_id, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, order_id) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
         locked_until = excluded.locked_until`,
    ).run(userId, orderId, next.failures, iso(next.windowStartedAt), next.lockedUntil === undefined ? null : iso(next.lockedUntil))
    return next
  }

  /** counts the miss towards the user's day as well; the answer to the wrong code */
  private afterMiss(userId: string, now: number, next: FailureState, lock: 'order' | 'code-only'): SignInOutcome {
    const { day, endsAt } = shanghaiDayOf(now)
    // yesterday's rows are of no further use
    this.stmt('DELETE FROM lecture_sign_in_daily_misses WHERE user_id = ? AND day < ?').run(userId, day)
    this.stmt(
      `INSERT INTO lecture_sign_in_daily_misses (user_id, day, misses) VALUES (?, ?, 1)
       ON CONFLICT (user_id, day) DO UPDATE SET misses = misses + 1`,
    ).run(userId, day)
    if (this.dailyMisses(userId, day) >= DAILY_MAX_FAILURES) return { ok: false, reason: 'locked', lock: 'day', retryAfterMs: endsAt - now }
    const locked = lockLeftMs(next, now)
    return locked > 0 ? { ok: false, reason: 'locked', lock, retryAfterMs: locked } : { ok: false, reason: 'wrong-code' }
  }

  private dailyMisses(userId: string, day: string): number {
    const row = this.stmt('SELECT misses FROM lecture_sign_in_daily_misses WHERE user_id = ? AND day = ?').get(userId, day) as { misses: number } | undefined
    return row?.misses ?? 0
  }

  private dayLockLeftMs(userId: string, now: number): number {
    const { day, endsAt } = shanghaiDayOf(now)
    return this.dailyMisses(userId, day) >= DAILY_MAX_FAILURES ? endsAt - now : 0
  }

  private signInMisses(userId: string, orderId: string): FailureState | undefined {
    const row = this.stmt('SELECT failures, window_started_at, locked_until FROM lecture_sign_in_misses WHERE user_id = ? AND order_id = ?').get(
      userId,
      orderId,
    ) as { failures: number; window_started_at: string; locked_until: string | null } | undefined
    return row && failureState(row)
  }

  private signInFailures(orderId: string): FailureState | undefined {
    const row = this.stmt('SELECT failures, window_started_at, locked_until FROM lecture_sign_in_failures WHERE order_id = ?').get(orderId) as
      { failures: number; window_started_at: string; locked_until: string | null } | undefined
    return row && failureState(row)
  }

  attendanceCount(orderId: string) {
    return (this.stmt('SELECT COUNT(*) AS n FROM lecture_attendance WHERE order_id = ?').get(orderId) as { n: number }).n
  }

  private rows(sql: string, ...params: unknown[]): OrderRow[] {
    return this.stmt(sql).all(...params) as OrderRow[]
  }

  /** the orders with their timelines, in one query for all of them */
  private withEvents(rows: OrderRow[]): LectureOrderRecord[] {
    if (rows.length === 0) return []
    const events = this.stmt(`SELECT e.* FROM lecture_order_events e JOIN json_each(?) j ON j.value = e.order_id ORDER BY e.order_id, e.seq`).all(
      JSON.stringify(rows.map((r) => r.id)),
    ) as EventRow[]
    const byOrder = new Map<string, EventRow[]>()
    for (const e of events) {
      const list = byOrder.get(e.order_id) ?? []
      list.push(e)
      byOrder.set(e.order_id, list)
    }
    return rows.map((r) => fromRow(r, byOrder.get(r.id) ?? []))
  }

  private insertEvent(orderId: string, seq: number, e: LectureEventRecord) {
    this.stmt(
      `INSERT INTO lecture_order_events (order_id, seq, action, status, by_user_id, by_role, by_name, at, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(orderId, seq, e.action, e.status, e.byUserId, e.byRole, e.byName, e.at, e.note ?? null)
  }

  private insertNotification(n: NotificationRecord) {
    this.stmt(
      `INSERT INTO lecture_notifications (id, user_id, order_id, title, body, status, created_at, read_at, wechat)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(n.id, n.userId, n.orderId, n.title, n.body, n.status, n.createdAt, n.wechat)
  }

  private remember(userId: string, scope: string, key: string, requestHash: string, status: number, body: unknown) {
    this.stmt(
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, response_status, response_body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(userId, scope, key, requestHash, status, JSON.stringify(body), this.now().toISOString())
  }

  private stmt(sql: string): Database.Statement {
    return this.statements.prepare(this.db, sql)
  }
}
