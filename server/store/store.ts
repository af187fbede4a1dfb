/**
 * The content store: everything the API reads, and the users, sessions and consultations it writes.
 * One implementation, `sqlite/index.ts`, on a file (the default) or in memory (mock mode and the
 * component tests), tested by test/api/store.test.ts. No method of the read side returns a quiz answer.
 */
import type {
  Campaign,
  CampaignStatus,
  CampaignSummary,
  Consultation,
  ConsultationForResponder,
  ConsultationInput,
  ConsultationStatus,
  Course,
  CourseSummary,
  Faq,
  Home,
  Interpretation,
  LessonProgress,
  InterpretationSummary,
  Page,
  Policy,
  PolicySummary,
  Region,
  Role,
  Session,
  Topic,
  User,
  Video,
} from '../../common/contract'
import type { LectureRepository } from '../modules/lectures/repository'
import type { QuizStore } from './quiz/quiz-store'

export interface PageRequest {
  page: number
  pageSize: number
}

export interface PolicySearch extends PageRequest {
  /** free text; whitespace-separated terms must all match title, 文号, summary or section text */
  q?: string
  topic?: string
  /** department name, exactly as in /departments */
  dept?: string
}

export interface InterpretationSearch extends PageRequest {
  policyId?: string
  topic?: string
  featured?: boolean
}

export interface VideoSearch extends PageRequest {
  topic?: string
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
  readonly kind: 'sqlite'
  /** the database, for the repositories of server/modules/<domain> */
  readonly db: import('better-sqlite3').Database
  /** the store's clock (tests pin it) */
  readonly now: () => Date
  /** organisation names by code: 台州市 and the counties and townships of the region tree */
  orgNames(): ReadonlyMap<string, string>
  readonly lectures: LectureRepository
  readonly quiz: QuizStore

  listTopics(): Topic[]
  listDepartments(): string[]
  regionTree(): Region[]

  searchPolicies(query: PolicySearch): Page<PolicySummary>
  getPolicy(id: string): Policy | undefined

  listInterpretations(query: InterpretationSearch): Page<InterpretationSummary>
  getInterpretation(id: string): Interpretation | undefined

  getFaq(id: string): Faq | undefined
  /** every FAQ, for the Q&A index (ordered by id) */
  listFaqs(): Faq[]

  listVideos(query: VideoSearch): Page<Video>
  getVideo(id: string): Video | undefined
  /**
   * Counts a view unless the same viewer was counted within VIEW_REPLAY_WINDOW_MS;
   * undefined for an unknown video.
   */
  recordVideoView(videoId: string, viewerKey: string): { views: number; counted: boolean } | undefined
  /** Sets the user's like (idempotent); undefined for an unknown video. */
  setVideoLike(videoId: string, userId: string, liked: boolean): { likes: number; liked: boolean } | undefined
  isVideoLiked(videoId: string, userId: string): boolean

  listCourses(): CourseSummary[]
  getCourse(id: string): Course | undefined
  /** the user's progress in a course's lessons */
  listLessonProgress(userId: string, courseId: string): LessonProgress[]
  /**
   * Saves where the user is in a lesson (position clamped to the lesson's length; completed from
   * COMPLETE_SHARE of it on, and it stays completed); undefined when the lesson is not in the course.
   */
  saveLessonProgress(userId: string, courseId: string, lessonId: string, positionSec: number): LessonProgress | undefined

  /** status is derived from startsAt/endsAt against the store's clock */
  listCampaigns(filter?: { status?: CampaignStatus }): CampaignSummary[]
  getCampaign(id: string): Campaign | undefined

  home(): Home

  upsertUser(input: UserInput): User
  getUser(id: string): User | undefined
  createSession(input: SessionInput): Session
  /** undefined when the token is unknown or expired */
  getSession(token: string): Session | undefined
  /** the organisation (region code: 市, 县, 乡镇) a staff account acts for (users.org_code) */
  setUserOrg(userId: string, code: string): void
  /** the openid of a user who signed in with WeChat (for msgSecCheck); undefined otherwise */
  wechatOpenid(userId: string): string | undefined

  /**
   * Stores a consultation (input already validated and trimmed) as pending. With a key, the
   * consultation and its idempotency record are written in one transaction; a second call with
   * the same key and input returns the first answer (`replayed`), with other input it throws
   * StoreConflict('idempotency-key-reused'). Throws for an unknown user, topic or region.
   */
  createConsultation(userId: string, input: ConsultationInput, idempotencyKey?: string): ConsultationWrite
  /** the user's own, newest first, phone masked */
  listConsultationsByUser(userId: string): Consultation[]
  /** for responders: newest first, with the full phone */
  listConsultations(query: ConsultationListQuery): Page<ConsultationForResponder>
  /**
   * Answers a pending consultation; undefined for an unknown id. An answered one throws
   * StoreConflict('already-answered') — even for identical text: only a replay of the same
   * Idempotency-Key (same id and text) returns the first answer instead.
   */
  replyConsultation(id: string, responder: Responder, text: string, idempotencyKey?: string): ConsultationWrite | undefined
  getConsultation(id: string): ConsultationRecord | undefined
  /** the record of an earlier write with this key, to replay it before doing any work */
  findIdempotencyRecord(userId: string, scope: string, key: string): IdempotencyRecord | undefined

  close(): Promise<void>
}

export interface StoreOptions {
  /** the clock for campaign status and session expiry; tests pin it */
  now?: () => Date
}

/** a replay within this time is not another view */
export const VIEW_REPLAY_WINDOW_MS = 30 * 60 * 1000

/** a lesson watched to this share of its length is complete */
export const COMPLETE_SHARE = 0.9

export function progressOf(durationSec: number, positionSec: number, wasCompleted: boolean): { positionSec: number; completed: boolean } {
  const position = Math.min(Math.max(0, positionSec), durationSec)
  return { positionSec: Math.round(position * 10) / 10, completed: wasCompleted || position >= COMPLETE_SHARE * durationSec }
}
