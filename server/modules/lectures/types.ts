/** What the lecture repository (repository.ts) takes and answers besides the orders themselves. */
import type { LectureNotification, NotificationDelivery, LectureOrder, LectureOrderStatus } from '../../../common/contract'

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

export interface LectureOrderListQuery {
  page: number
  pageSize: number
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

/** newest first, ties newest-inserted first */
export const NOTIFICATIONS_LIMIT = 100
