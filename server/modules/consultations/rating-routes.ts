/**
 * POST /consultations/:id/rating — the resident who asked rates the reply once (满意 / 基本满意 /
 * 不满意, an optional comment of at most 200 characters, content-checked, stored as plain text).
 * 403 for someone else's consultation, 409 before the reply and for a second, different rating;
 * the same rating again answers 200 with the stored one (a retry changes nothing).
 */
import { REPLY_RATING_COMMENT_MAX, type ReplyRatingInput } from '../../../common/contract'
import { CONTENT_REFUSED_MESSAGE, type ContentChecker } from '../../content-check'
import { badRequest, conflict, forbidden, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { App } from '../../type-provider'
import { MESSAGE_LIMITS, ReplyRating, ReplyRatingInput as RatingBody } from '../messages/schemas'
import { rateReply, ratingRefusal } from './rating'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody }

const ratingMessages = {
  level: '请选择满意、基本满意或不满意',
  comment: '评价内容格式不正确',
  'comment.maxLength': `评价内容最多${REPLY_RATING_COMMENT_MAX}字`,
}

const REFUSALS = {
  'not-found': () => notFound('找不到该咨询'),
  'not-owner': () => forbidden('只能评价自己的咨询'),
  'not-answered': () => conflict('该咨询尚未答复，答复后才能评价'),
  'already-rated': () => conflict('该答复已评价过，不能重复评价'),
} as const

export function registerRatingRoute(app: App, checker: ContentChecker): void {
  app.post(
    '/consultations/:id/rating',
    {
      schema: { params: IdParams, body: RatingBody, response: { 200: ReplyRating, 201: ReplyRating, ...errors } },
      config: { cache: 'no-store', validationMessages: ratingMessages, audit: { action: 'consultation.rate', target: 'consultation' } },
      onRequest: requireRole(),
      preHandler: [app.limit(MESSAGE_LIMITS.ratingPerUser)],
    },
    async (request, reply) => {
      const user = request.user!
      const comment = request.body.comment?.trim()
      if (comment && [...comment].length > REPLY_RATING_COMMENT_MAX) throw badRequest(`评价内容最多${REPLY_RATING_COMMENT_MAX}字`)
      const input: ReplyRatingInput = { level: request.body.level, ...(comment ? { comment } : {}) }
      const refusal = await ratingRefusal(app.store.database, user.id, request.params.id)
      if (refusal) throw REFUSALS[refusal]()
      if (input.comment) {
        const check = await checker.checkText(input.comment, { openid: await app.store.auth.wechatOpenid(user.id), log: request.log })
        if (!check.ok) throw badRequest(CONTENT_REFUSED_MESSAGE)
      }
      const outcome = await rateReply(app.store.database, app.store.now(), user.id, request.params.id, input)
      if (!outcome.ok) throw REFUSALS[outcome.reason]()
      request.log.info({ consultationId: request.params.id, created: outcome.created }, 'consultation reply rated')
      return reply.code(outcome.created ? 201 : 200).send(outcome.rating)
    },
  )
}
