/**
 * The content store: everything the API reads, and the users, sessions and consultations it writes.
 * One implementation, `sqlite/index.ts`, on a file (the default) or in memory (mock mode and the
 * component tests), tested by test/api/store.test.ts. No method of the read side returns a quiz answer.
 */
import type { Consultation, ConsultationStatus, Region, Role } from '../../common/contract'
import type { ContentRepository } from '../modules/content/repository'
import type { AuthRepository } from '../modules/auth/repository'
import type { ConsultationRepository } from '../modules/consultations/repository'
import type { LectureRepository } from '../modules/lectures/repository'
import type { QuizRepository } from '../modules/quiz/repository'
import type { MediaRepository } from '../modules/media/repository'

export interface PageRequest {
  page: number
  pageSize: number
}

export type AuthProvider = 'wechat' | 'dev' | 'password' | 'sms' | 'wechat-oa'

export interface UserInput {
  provider: AuthProvider
  /** openid for wechat, `${role}:${name}` for dev logins */
  externalId: string
  nickname: string
  role: Role
  regionCode?: string
}

export interface SessionInput {
  userId: string
  /** WeChat session_key: stays in the store, never leaves the server */
  sessionKey?: string
  /** for 登录设备: the request's User-Agent (only a summary is kept) and IP */
  userAgent?: string
  ip?: string
}

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

/** what the first request with an Idempotency-Key answered (see store/idempotency.ts) */
export interface IdempotencyRecord {
  requestHash: string
  status: number
  body: unknown
  createdAt: string
}

export type StoreConflictReason = 'idempotency-key-reused' | 'already-answered'

/** a write refused because of what is already stored; nothing was changed */
export class StoreConflict extends Error {
  constructor(readonly reason: StoreConflictReason) {
    super(reason)
    this.name = 'StoreConflict'
  }
}

export interface Store {
  /** which database: SQLite (embedded default) or PostgreSQL (DATABASE_URL) */
  readonly dialect: 'sqlite' | 'postgres'
  /** the query layer (Kysely over SQLite or PostgreSQL) the repositories of server/modules use */
  readonly database: import('../db/database').Db
  /** the store's clock (tests pin it) */
  readonly now: () => Date
  /**
   * organisation names by code: 台州市 and the counties and townships of the region tree, read
   * once at open (content.orgNames()) for the synchronous callers of auth and accounts
   */
  orgNames(): ReadonlyMap<string, string>
  readonly content: ContentRepository
  readonly lectures: LectureRepository
  readonly quiz: QuizRepository
  readonly media: MediaRepository
  readonly auth: AuthRepository
  readonly consultations: ConsultationRepository

  /** the region tree (市 → 县 → 乡镇 → 村), read once at open: regions do not change while running */
  regionTree(): Region[]

  close(): Promise<void>
}

export interface StoreOptions {
  /** the clock for campaign status and session expiry; tests pin it */
  now?: () => Date
}
