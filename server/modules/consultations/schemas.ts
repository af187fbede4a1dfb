import { Type } from '@sinclair/typebox'
import { CONSULTATION_QUESTION_MAX, CONSULTATION_REPLY_MAX, IDEMPOTENCY_KEY_MAX, MOBILE_PATTERN } from '../../../common/contract'
import { PageQuery, StringEnum } from '../../schemas/common'
import { ReplyRating } from '../messages/schemas'

export const ConsultationStatus = StringEnum(['pending', 'answered'] as const)

const consultationFields = {
  id: Type.String(),
  topic: Type.String(),
  question: Type.String(),
  regionCode: Type.String(),
  phoneMasked: Type.Optional(Type.String()),
  status: ConsultationStatus,
  createdAt: Type.String(),
  reply: Type.Optional(Type.Object({ text: Type.String(), department: Type.String(), repliedAt: Type.String() })),
  rating: Type.Optional(ReplyRating),
}

/** what residents (and replies) get: no `phone` key, so the serializer drops a full number */
export const Consultation = Type.Object(consultationFields)

export const ConsultationForResponder = Type.Object({ ...consultationFields, phone: Type.Optional(Type.String()) })

/**
 * Text fields are capped raw here (a body of megabytes never reaches the handler) and checked
 * trimmed, to CONSULTATION_QUESTION_MIN..MAX and 1..CONSULTATION_REPLY_MAX, in the route.
 */
export const ConsultationInput = Type.Object({
  topic: Type.String({ minLength: 1, maxLength: 64 }),
  question: Type.String({ maxLength: CONSULTATION_QUESTION_MAX * 2 }),
  regionCode: Type.String({ minLength: 1, maxLength: 32 }),
  phone: Type.Optional(Type.String({ pattern: MOBILE_PATTERN })),
})

export const ReplyInput = Type.Object({
  text: Type.String({ maxLength: CONSULTATION_REPLY_MAX * 2 }),
})

export const ConsultationQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(ConsultationStatus) })])

/** Fastify lower-cases header names */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})
