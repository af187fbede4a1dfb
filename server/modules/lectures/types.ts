/**
 * The 宣讲点单 store: orders with their timelines, the orderer's notifications, sign-in codes and
 * attendance. Two implementations (memory.ts, sqlite.ts) pass one suite
 * (test/api/lecture-store.test.ts). Every change of an order goes through applyCommand (the
 * rules) inside the store's write, and commits together with its timeline event, its
 * notification and, with an Idempotency-Key, the replay record.
 */
import type { LectureNotification, NotificationDelivery, LectureOrder, LectureOrderStatus, Page } from '../../../common/contract'
import type { LectureCaller, LectureCommand, LectureOrderRecord, NewOrderFields } from './orders'
import type { IdempotencyRecord, PageRequest } from '../../store/store'

export interface LectureWriteOptions {
  idempotencyKey?: string
  /** the new notification's WeChat state: 'pending' when a subscription message will be sent */
  wechat: NotificationDelivery
}

export interface LectureOrderWrite {
  /** the order as the caller sees it (for a replay: what the first request answered) */
  order: LectureOrder
  replayed: boolean
  /** the orderer's notification of this step (not on a replay) */
  notification?: LectureNotification
}

export interface LectureOrderListQuery extends PageRequest {
  status?: LectureOrderStatus
  /** county code */
  county?: string
  /** only orders whose village code is LIKE this (the caller's organisation: orgPrefixPattern) */
  regionPattern?: string
}

export interface LectureReviewRecord {
  topicId: string
  stars: number
  comment?: string
  at: string
  regionName: string
}

export type SignInOutcome =
  | { ok: true; signedInAt: string; already: boolean; signedIn: number }
  | { ok: false; reason: 'not-open' | 'wrong-code' }
  /**
   * this user sent too many wrong codes: to this order ('order'), by code alone ('code-only'), or
   * today anywhere ('day'); their sign-in is refused (the right code too) for retryAfterMs. Other
   * users are never refused for it.
   */
  | { ok: false; reason: 'locked'; lock: SignInLock; retryAfterMs: number }

export type SignInLock = 'order' | 'code-only' | 'day'

export interface LectureStore {
  /** a new order (fields validated by the route); with a key, a retry replays the first answer */
  createOrder(caller: LectureCaller, fields: NewOrderFields, options: LectureWriteOptions): LectureOrderWrite
  /** undefined for an unknown id; LectureRefusal when the rules refuse; StoreConflict for a reused key */
  transition(id: string, command: LectureCommand, caller: LectureCaller, options: LectureWriteOptions): LectureOrderWrite | undefined
  /** the record of an earlier lecture write with this key, to replay it before any check */
  findReplay(userId: string, scope: string, key: string): IdempotencyRecord | undefined

  getOrder(id: string): LectureOrderRecord | undefined
  /** the user's own, newest first */
  listOrdersByUser(userId: string): LectureOrderRecord[]
  /** for the dispatcher: oldest first (incoming by age) */
  listOrders(query: LectureOrderListQuery): Page<LectureOrderRecord>
  /** a lecturer's assignments: scheduled ones by date, then the rest newest first */
  listOrdersByLecturer(lecturerId: string): LectureOrderRecord[]
  /** scheduled, delivered and rated lectures whose date is in the month (YYYY-MM), by date and time */
  calendar(month: string, county?: string): LectureOrderRecord[]
  /** ratings of delivered lectures, newest first */
  reviews(topicId?: string): LectureReviewRecord[]

  listNotifications(userId: string): LectureNotification[]
  unreadCount(userId: string): number
  /** false for an id that is not the user's */
  markNotificationRead(userId: string, id: string): boolean
  setNotificationDelivery(id: string, wechat: NotificationDelivery): void

  /** the code of a scheduled lecture */
  signInCode(orderId: string): string | undefined
  /** the scheduled lecture a code opens */
  orderIdForCode(code: string): string | undefined
  /** records the user's attendance once; counts a wrong code against the user (server/lectures/sign-in.ts) */
  signIn(orderId: string, userId: string, code: string): SignInOutcome
  /**
   * sign-in by the code alone: the scheduled lecture it opens, or a wrong code counted against the
   * user; `orderId` is set whenever the code names an order
   */
  signInByCode(userId: string, code: string): SignInOutcome & { orderId?: string }
  attendanceCount(orderId: string): number
}

/** newest first, ties newest-inserted first */
export const NOTIFICATIONS_LIMIT = 100
