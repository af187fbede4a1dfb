/**
 * 我的消息 (one inbox for a resident: 宣讲点单 notices and consultation replies) and the rating
 * of a consultation's reply.
 */
import type { Consultation, Id } from './entities'
import type { Page } from './paging'
import type { LectureOrderStatus } from './lectures'

/** policy: 政策找人 — a published policy the resident's 我的情况 matches; foia: a step of one's 依申请公开 (补正, 答复, 办结) */
export type MessageKind = 'lecture' | 'consultation' | 'policy' | 'foia'

export interface ResidentMessage {
  id: Id
  kind: MessageKind
  title: string
  body: string
  createdAt: string
  read: boolean
  /** what the message opens: the lecture order, the consultation, the policy, or the information request */
  targetId: Id
  /** a lecture notice: the order's status it announces */
  lectureStatus?: LectureOrderStatus
}

export interface MessagePage extends Page<ResidentMessage> {
  unread: number
}

export const MESSAGES_PAGE_SIZE_MAX = 50

export type ReplyRating = NonNullable<Consultation['rating']>

export type ReplyRatingLevel = ReplyRating['level']

export const replyRatingLabel: Record<ReplyRatingLevel, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

export const REPLY_RATING_COMMENT_MAX = 200

export interface ReplyRatingInput {
  level: ReplyRatingLevel
  comment?: string
}

declare module './endpoints' {
  interface Endpoints {
    'GET /messages': { query: { page?: number; pageSize?: number }; res: MessagePage }
    'GET /messages/unread-count': { res: { unread: number } }
    'POST /messages/:id/read': { body: Record<string, never>; res: { unread: number } }
    'POST /messages/read-all': { body: Record<string, never>; res: { unread: number } }
    'POST /consultations/:id/rating': { body: ReplyRatingInput; res: ReplyRating }
  }
}
