/** The lecture store in Maps (mock mode, fast tests); nothing survives a restart. */
import type { LectureNotification, NotificationDelivery, Page } from '../../../src/contract'
import {
  commandHash,
  type LectureCaller,
  type LectureCommand,
  type LectureOrderRecord,
  lectureScope,
  type NewOrderFields,
  newNotification,
  newOrderRecord,
  newSignInCode,
  type NotificationRecord,
  orderInputHash,
  toNotification,
  toOrderView,
} from '../../lectures/orders'
import { paginate } from '../paging'
import type { IdempotencyRecord } from '../store'
import { CALENDAR_STATUSES, monthRange, planStep, replayed } from './steps'
import {
  type LectureOrderListQuery,
  type LectureOrderWrite,
  type LectureReviewRecord,
  type LectureStore,
  type LectureWriteOptions,
  NOTIFICATIONS_LIMIT,
  type SignInOutcome,
} from './store'

const byCreated = (a: LectureOrderRecord, b: LectureOrderRecord) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)

export class MemoryLectureStore implements LectureStore {
  /** insertion order breaks ties of createdAt, as rowid does in SQLite */
  private readonly orders = new Map<string, LectureOrderRecord>()
  private readonly notifications: NotificationRecord[] = []
  private readonly codes = new Map<string, string>()
  private readonly attendance = new Map<string, Map<string, string>>()
  private readonly idempotency = new Map<string, IdempotencyRecord>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  createOrder(caller: LectureCaller, fields: NewOrderFields, options: LectureWriteOptions): LectureOrderWrite {
    const scope = lectureScope('submit')
    const hash = orderInputHash(fields)
    const earlier = options.idempotencyKey && this.findReplay(caller.id, scope, options.idempotencyKey)
    if (earlier) return replayed(earlier, hash)
    const now = this.now()
    const record = newOrderRecord(caller, fields, now)
    const notification = newNotification(record, 'submit', options.wechat, now)
    const order = toOrderView(record, caller)
    this.orders.set(record.id, record)
    this.notifications.push(notification)
    if (options.idempotencyKey) this.remember(caller.id, scope, options.idempotencyKey, hash, 201, order)
    return { order: structuredClone(order), replayed: false, notification: toNotification(notification) }
  }

  transition(id: string, command: LectureCommand, caller: LectureCaller, options: LectureWriteOptions): LectureOrderWrite | undefined {
    const scope = lectureScope(command.action)
    const hash = commandHash(id, command)
    const earlier = options.idempotencyKey && this.findReplay(caller.id, scope, options.idempotencyKey)
    if (earlier) return replayed(earlier, hash)
    const before = this.orders.get(id)
    if (!before) return undefined
    const step = planStep(before, command, caller, options, this.now(), this.attendanceCount(id))
    this.orders.set(id, step.record)
    this.notifications.push(step.notification)
    if (step.code === 'create') this.codes.set(this.freshCode(), id)
    if (step.code === 'drop') for (const [code, orderId] of this.codes) if (orderId === id) this.codes.delete(code)
    if (options.idempotencyKey) this.remember(caller.id, scope, options.idempotencyKey, hash, 200, step.view)
    return { order: structuredClone(step.view), replayed: false, notification: toNotification(step.notification) }
  }

  findReplay(userId: string, scope: string, key: string) {
    const r = this.idempotency.get(JSON.stringify([userId, scope, key]))
    return r && structuredClone(r)
  }

  getOrder(id: string) {
    const r = this.orders.get(id)
    return r && structuredClone(r)
  }

  listOrdersByUser(userId: string) {
    return this.all()
      .filter((o) => o.userId === userId)
      .reverse()
      .sort((a, b) => byCreated(b, a))
  }

  listOrders(query: LectureOrderListQuery): Page<LectureOrderRecord> {
    const hits = this.all()
      .filter((o) => (!query.status || o.status === query.status) && (!query.county || o.countyCode === query.county))
      .sort(byCreated)
    return paginate(hits, query)
  }

  listOrdersByLecturer(lecturerId: string) {
    const mine = this.all().filter((o) => o.lecturerId === lecturerId)
    const upcoming = mine
      .filter((o) => o.status === 'scheduled')
      .sort((a, b) => `${a.schedule!.date} ${a.schedule!.time}`.localeCompare(`${b.schedule!.date} ${b.schedule!.time}`))
    const rest = mine.filter((o) => o.status !== 'scheduled').reverse().sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    return [...upcoming, ...rest]
  }

  calendar(month: string, county?: string) {
    const [from, to] = monthRange(month)
    return this.all()
      .filter(
        (o) =>
          o.schedule &&
          (CALENDAR_STATUSES as readonly string[]).includes(o.status) &&
          o.schedule.date >= from &&
          o.schedule.date < to &&
          (!county || o.countyCode === county),
      )
      .sort((a, b) => `${a.schedule!.date} ${a.schedule!.time}`.localeCompare(`${b.schedule!.date} ${b.schedule!.time}`))
  }

  reviews(topicId?: string): LectureReviewRecord[] {
    return this.all()
      .filter((o) => o.rating && (!topicId || o.topicId === topicId))
      .map((o) => ({ topicId: o.topicId, stars: o.rating!.stars, ...(o.rating!.comment ? { comment: o.rating!.comment } : {}), at: o.rating!.at, regionName: o.regionName }))
      .reverse()
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  }

  listNotifications(userId: string): LectureNotification[] {
    return this.notifications
      .filter((n) => n.userId === userId)
      .reverse()
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .slice(0, NOTIFICATIONS_LIMIT)
      .map(toNotification)
  }

  unreadCount(userId: string) {
    return this.notifications.filter((n) => n.userId === userId && !n.read).length
  }

  markNotificationRead(userId: string, id: string) {
    const n = this.notifications.find((x) => x.id === id && x.userId === userId)
    if (!n) return false
    n.read = true
    return true
  }

  setNotificationDelivery(id: string, wechat: NotificationDelivery) {
    const n = this.notifications.find((x) => x.id === id)
    if (n) n.wechat = wechat
  }

  signInCode(orderId: string) {
    for (const [code, id] of this.codes) if (id === orderId) return code
    return undefined
  }

  orderIdForCode(code: string) {
    return this.codes.get(code)
  }

  signIn(orderId: string, userId: string, code: string): SignInOutcome {
    const order = this.orders.get(orderId)
    if (!order || order.status !== 'scheduled') return { ok: false, reason: 'not-open' }
    if (this.codes.get(code) !== orderId) return { ok: false, reason: 'wrong-code' }
    const list = this.attendance.get(orderId) ?? new Map<string, string>()
    this.attendance.set(orderId, list)
    const earlier = list.get(userId)
    const signedInAt = earlier ?? this.now().toISOString()
    if (!earlier) list.set(userId, signedInAt)
    return { ok: true, signedInAt, already: Boolean(earlier), signedIn: list.size }
  }

  attendanceCount(orderId: string) {
    return this.attendance.get(orderId)?.size ?? 0
  }

  private all(): LectureOrderRecord[] {
    return [...this.orders.values()].map((o) => structuredClone(o))
  }

  private freshCode(): string {
    for (;;) {
      const code = newSignInCode()
      if (!this.codes.has(code)) return code
    }
  }

  private remember(userId: string, scope: string, key: string, requestHash: string, status: number, body: unknown) {
    this.idempotency.set(JSON.stringify([userId, scope, key]), {
      requestHash,
      status,
      body: structuredClone(body),
      createdAt: this.now().toISOString(),
    })
  }
}
