import { Type } from '@sinclair/typebox'
import { MESSAGES_PAGE_SIZE_MAX, REPLY_RATING_COMMENT_MAX } from '../../../common/contract'
import type { LimitRule } from '../../plugins/rate-limit'
import { PAGE_MAX, StringEnum } from '../../schemas/common'

export const ResidentMessage = Type.Object({
  id: Type.String(),
  kind: StringEnum(['lecture', 'consultation', 'policy', 'foia'] as const),
  title: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
  read: Type.Boolean(),
  targetId: Type.String(),
  lectureStatus: Type.Optional(Type.String()),
})

export const MessagePage = Type.Object({
  items: Type.Array(ResidentMessage),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})

export const MessageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: MESSAGES_PAGE_SIZE_MAX, default: 20 }),
})

export const Unread = Type.Object({ unread: Type.Integer() })

export const EmptyBody = Type.Object({})

export const ReplyRatingLevel = StringEnum(['satisfied', 'basic', 'unsatisfied'] as const)

/** the comment is capped raw here and checked trimmed in the route */
export const ReplyRatingInput = Type.Object(
  {
    level: ReplyRatingLevel,
    comment: Type.Optional(Type.String({ maxLength: REPLY_RATING_COMMENT_MAX * 2 })),
  },
  { additionalProperties: false },
)

export const ReplyRating = Type.Object({
  level: ReplyRatingLevel,
  comment: Type.Optional(Type.String()),
  ratedAt: Type.String(),
})

const MINUTE = 60_000
export const MESSAGE_LIMITS = {
  readPerUser: { name: 'message-read-user', max: 300, windowMs: 10 * MINUTE, per: 'user', message: '操作过于频繁' },
  ratingPerUser: { name: 'consultation-rating-user', max: 20, windowMs: 60 * MINUTE, per: 'user', message: '评价提交过于频繁' },
} as const satisfies Record<string, LimitRule>
