/**
 * Consultation records → what residents and responders see, and the request hashes of the two
 * writes. Shared by both stores so they answer alike; a full phone number leaves only through
 * toConsultationForResponder.
 */
import type { Consultation, ConsultationForResponder, ConsultationInput } from '../../../common/contract'
import { randomUUID } from 'node:crypto'
import { requestHash } from '../idempotency'
import type { ConsultationRecord } from '../../store/store'

/** 13812345678 → 138****5678 */
export function maskMobile(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export function toConsultation(r: ConsultationRecord): Consultation {
  return {
    id: r.id,
    topic: r.topic,
    question: r.question,
    regionCode: r.regionCode,
    ...(r.phone ? { phoneMasked: maskMobile(r.phone) } : {}),
    status: r.status,
    createdAt: r.createdAt,
    ...(r.reply ? { reply: { ...r.reply } } : {}),
  }
}

export function toConsultationForResponder(r: ConsultationRecord): ConsultationForResponder {
  return { ...toConsultation(r), ...(r.phone ? { phone: r.phone } : {}) }
}

export function consultationInputHash(input: ConsultationInput): string {
  return requestHash({ topic: input.topic, question: input.question, regionCode: input.regionCode, phone: input.phone })
}

export function replyHash(id: string, text: string): string {
  return requestHash({ id, text })
}

/** A new, unanswered consultation as both stores keep it. */
export function newConsultationRecord(userId: string, input: ConsultationInput, now: Date): ConsultationRecord {
  return {
    id: randomUUID(),
    userId,
    topic: input.topic,
    question: input.question,
    regionCode: input.regionCode,
    ...(input.phone ? { phone: input.phone } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
  }
}
