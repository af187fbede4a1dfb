import type { Consultation, ConsultationStatus } from '../../../common/contract'
import type { PageRequest } from '../../db/paging'

/** a consultation as stored: who asked, the full phone, who answered */
export interface ConsultationRecord {
  id: string
  userId: string
  topic: string
  question: string
  regionCode: string
  phone?: string
  status: ConsultationStatus
  createdAt: string
  reply?: { text: string; department: string; repliedAt: string }
  repliedBy?: string
}

export interface ConsultationListQuery extends PageRequest {
  status?: ConsultationStatus
  /** only consultations whose region code is LIKE this (the caller's organisation: orgPrefixPattern) */
  regionPattern?: string
}

/** who answers: the user, and the department name shown to the resident */
export interface Responder {
  userId: string
  department: string
}

/** the answer of an idempotent write; `replayed` when an earlier request with the key made it */
export interface ConsultationWrite {
  consultation: Consultation
  replayed: boolean
}
