/**
 * Consultation records: rows → what residents and responders see, and the request hashes of the
 * two writes. A full phone number leaves only through toConsultationForResponder.
 */
import type { Consultation, ConsultationForResponder, ConsultationInput } from '../../../common/contract'
import { randomUUID } from 'node:crypto'
import { requestHash } from '../idempotency'
import type { ConsultationRecord } from './types'

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

/** A new, unanswered consultation. */
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

/** a row of the consultations table, as either database returns it */
export interface ConsultationRow {
  id: string | null
  user_id: string
  topic: string
  question: string
  region_code: string
  phone: string | null
  status: string
  created_at: string
  reply_text: string | null
  reply_department: string | null
  replied_by: string | null
  replied_at: string | null
}

export function consultationFrom(r: ConsultationRow): ConsultationRecord {
  return {
    id: r.id!,
    userId: r.user_id,
    topic: r.topic,
    question: r.question,
    regionCode: r.region_code,
    ...(r.phone !== null ? { phone: r.phone } : {}),
    status: r.status as ConsultationRecord['status'],
    createdAt: r.created_at,
    ...(r.reply_text !== null && r.reply_department !== null && r.replied_at !== null
      ? { reply: { text: r.reply_text, department: r.reply_department, repliedAt: r.replied_at } }
      : {}),
    ...(r.replied_by !== null ? { repliedBy: r.replied_by } : {}),
  }
}
