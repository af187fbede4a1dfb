/**
 * The in-memory store: the fixtures as plain arrays; users, sessions, consultations and
 * idempotency records in Maps.
 * Used in mock mode and by tests that do not need a file; nothing survives a restart.
 */
import { randomUUID } from 'node:crypto'
import type {
  Campaign,
  CampaignSummary,
  Consultation,
  ConsultationInput,
  Course,
  Interpretation,
  LessonProgress,
  Policy,
  Region,
  Session,
  User,
} from '../../src/contract'
import type { Fixtures, QuizQuestionSeed } from '../../mock/types'
import { campaignStatus, compareCampaigns } from './campaign-status'
import { sortedDistinct } from './collation'
import { consultationInputHash, newConsultationRecord, replyHash, toConsultation, toConsultationForResponder } from './consultations'
import { composeHome } from './home'
import { MemoryLectureStore } from './lectures/memory'
import { IDEMPOTENT_WRITES, replayOf } from './idempotency'
import { newestFirst, paginate } from './paging'
import { MemoryQuizStore } from './quiz/memory'
import { matchesAll, policySearchText, searchTerms } from './policy-search'
import {
  toCampaignSummary,
  toCourseSummary,
  toInterpretationSummary,
  toPolicySummary,
} from './projections'
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token'
import {
  type ConsultationListQuery,
  type ConsultationRecord,
  type ConsultationWrite,
  type IdempotencyRecord,
  type InterpretationSearch,
  type PolicySearch,
  type Responder,
  type SessionInput,
  type Store,
  StoreConflict,
  type StoreOptions,
  type UserInput,
  progressOf,
  VIEW_REPLAY_WINDOW_MS,
  type VideoSearch,
} from './store'

interface UserRecord extends User {
  provider: UserInput['provider']
  externalId: string
}

interface SessionRecord {
  userId: string
  sessionKey?: string
  expiresAt: string
}

export class MemoryStore implements Store {
  readonly kind = 'memory' as const
  readonly lectures: MemoryLectureStore
  readonly quiz: MemoryQuizStore
  private readonly data: Fixtures
  private readonly now: () => Date
  private readonly policies: Policy[]
  private readonly policyText = new Map<string, string>()
  private readonly interpretations: Interpretation[]
  private readonly users = new Map<string, UserRecord>()
  private readonly sessions = new Map<string, SessionRecord>()
  /** in insertion order, which breaks ties of createdAt (as rowid does in SQLite) */
  private readonly consultations = new Map<string, ConsultationRecord>()
  private readonly idempotency = new Map<string, IdempotencyRecord>()

  constructor(fixtures: Fixtures, options: StoreOptions = {}) {
    // a private copy: the fixtures module is shared with whoever else imported it
    this.data = structuredClone(fixtures)
    this.now = options.now ?? (() => new Date())
    this.lectures = new MemoryLectureStore(this.now)
    this.policies = [...this.data.policies].sort(newestFirst)
    for (const p of this.policies) this.policyText.set(p.id, policySearchText(p))
    this.interpretations = [...this.data.interpretations].sort(newestFirst)
    this.quiz = new MemoryQuizStore(this.data, this.now, (id) => this.getUser(id))
  }

  /** kept for the quiz issue; no read of this issue returns them */
  questionsFor(campaignId: string): QuizQuestionSeed[] {
    return this.data.questions.filter((q) => q.campaignIds.includes(campaignId))
  }

  listTopics() {
    return this.data.topics.map((t) => ({ ...t }))
  }

  listDepartments() {
    return sortedDistinct(this.data.policies.map((p) => p.department))
  }

  regionTree() {
    return withoutEmptyChildren(this.data.regions)
  }

  searchPolicies(query: PolicySearch) {
    const terms = searchTerms(query.q)
    const hits = this.policies.filter(
      (p) =>
        (!query.topic || p.topic === query.topic) &&
        (!query.dept || p.department === query.dept) &&
        matchesAll(this.policyText.get(p.id)!, terms),
    )
    return paginate(hits.map(toPolicySummary), query)
  }

  getPolicy(id: string) {
    const p = this.data.policies.find((x) => x.id === id)
    return p && structuredClone(p)
  }

  listInterpretations(query: InterpretationSearch) {
    const hits = this.interpretations.filter(
      (i) =>
        (!query.policyId || i.policyId === query.policyId) &&
        (!query.topic || i.topic === query.topic) &&
        (query.featured === undefined || i.featured === query.featured),
    )
    return paginate(hits.map(toInterpretationSummary), query)
  }

  getInterpretation(id: string) {
    const i = this.data.interpretations.find((x) => x.id === id)
    return i && structuredClone(i)
  }

  getFaq(id: string) {
    const f = this.data.faqs.find((x) => x.id === id)
    return f && structuredClone(f)
  }

  listFaqs() {
    return structuredClone(this.data.faqs).sort((a, b) => a.id.localeCompare(b.id))
  }

  listVideos(query: VideoSearch) {
    const hits = this.data.videos.filter((v) => !query.topic || v.topic === query.topic).sort(newestFirst)
    return paginate(structuredClone(hits), query)
  }

  getVideo(id: string) {
    const v = this.data.videos.find((x) => x.id === id)
    return v && { ...v }
  }

  private readonly videoViews = new Map<string, number>()
  private readonly videoLikes = new Set<string>()

  recordVideoView(videoId: string, viewerKey: string) {
    const v = this.data.videos.find((x) => x.id === videoId)
    if (!v) return undefined
    const key = `${videoId}\u0000${viewerKey}`
    const now = this.now().getTime()
    const last = this.videoViews.get(key)
    const counted = last === undefined || now - last >= VIEW_REPLAY_WINDOW_MS
    if (counted) {
      v.views += 1
      this.videoViews.set(key, now)
    }
    return { views: v.views, counted }
  }

  setVideoLike(videoId: string, userId: string, liked: boolean) {
    const v = this.data.videos.find((x) => x.id === videoId)
    if (!v) return undefined
    if (!this.users.has(userId)) throw new Error(`setVideoLike: no user ${userId}`)
    const key = `${videoId}\u0000${userId}`
    if (liked && !this.videoLikes.has(key)) {
      this.videoLikes.add(key)
      v.likes += 1
    } else if (!liked && this.videoLikes.delete(key)) {
      v.likes -= 1
    }
    return { likes: v.likes, liked }
  }

  isVideoLiked(videoId: string, userId: string) {
    return this.videoLikes.has(`${videoId}\u0000${userId}`)
  }

  listCourses() {
    return this.data.courses.map(toCourseSummary)
  }

  getCourse(id: string): Course | undefined {
    const c = this.data.courses.find((x) => x.id === id)
    return c && { ...toCourseSummary(c), lessons: structuredClone(c.lessons) }
  }

  private readonly lessonProgress = new Map<string, LessonProgress & { userId: string; courseId: string }>()

  listLessonProgress(userId: string, courseId: string): LessonProgress[] {
    return [...this.lessonProgress.values()]
      .filter((p) => p.userId === userId && p.courseId === courseId)
      .map(({ lessonId, positionSec, completed, updatedAt }) => ({ lessonId, positionSec, completed, updatedAt }))
  }

  saveLessonProgress(userId: string, courseId: string, lessonId: string, positionSec: number): LessonProgress | undefined {
    const lesson = this.data.courses.find((c) => c.id === courseId)?.lessons.find((l) => l.id === lessonId)
    if (!lesson) return undefined
    if (!this.users.has(userId)) throw new Error(`saveLessonProgress: no user ${userId}`)
    const key = `${userId}\u0000${lessonId}`
    const saved = { lessonId, ...progressOf(lesson.durationSec, positionSec, this.lessonProgress.get(key)?.completed ?? false), updatedAt: this.now().toISOString() }
    this.lessonProgress.set(key, { ...saved, userId, courseId })
    return saved
  }

  listLectureTopics(filter: { topic?: string } = {}) {
    return structuredClone(this.data.lectureTopics.filter((t) => !filter.topic || t.topic === filter.topic))
  }

  listCampaigns(filter: { status?: Campaign['status'] } = {}): CampaignSummary[] {
    return this.data.campaigns
      .map((c) => this.withStatus(c))
      .filter((c) => !filter.status || c.status === filter.status)
      .sort(compareCampaigns)
      .map(toCampaignSummary)
  }

  getCampaign(id: string) {
    const c = this.data.campaigns.find((x) => x.id === id)
    return c && this.withStatus(structuredClone(c))
  }

  home() {
    return composeHome(this)
  }

  upsertUser(input: UserInput): User {
    for (const u of this.users.values()) {
      if (u.provider === input.provider && u.externalId === input.externalId) return publicUser(u)
    }
    const record: UserRecord = {
      id: randomUUID(),
      nickname: input.nickname,
      role: input.role,
      ...(input.regionCode ? { regionCode: input.regionCode } : {}),
      provider: input.provider,
      externalId: input.externalId,
    }
    this.users.set(record.id, record)
    return publicUser(record)
  }

  getUser(id: string) {
    const u = this.users.get(id)
    return u && publicUser(u)
  }

  createSession(input: SessionInput): Session {
    const user = this.getUser(input.userId)
    if (!user) throw new Error(`createSession: no user ${input.userId}`)
    const token = newSessionToken()
    const expiresAt = new Date(this.now().getTime() + SESSION_TTL_MS).toISOString()
    this.sessions.set(hashSessionToken(token), { userId: user.id, sessionKey: input.sessionKey, expiresAt })
    return { token, user, expiresAt }
  }

  getSession(token: string): Session | undefined {
    const record = this.sessions.get(hashSessionToken(token))
    if (!record || Date.parse(record.expiresAt) <= this.now().getTime()) return undefined
    const user = this.getUser(record.userId)
    return user && { token, user, expiresAt: record.expiresAt }
  }

  wechatOpenid(userId: string) {
    const u = this.users.get(userId)
    return u?.provider === 'wechat' ? u.externalId : undefined
  }

  createConsultation(userId: string, input: ConsultationInput, idempotencyKey?: string): ConsultationWrite {
    const { scope, status } = IDEMPOTENT_WRITES.createConsultation
    const hash = consultationInputHash(input)
    const earlier = idempotencyKey && this.findIdempotencyRecord(userId, scope, idempotencyKey)
    if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
    // what the SQLite store's foreign keys refuse
    if (!this.users.has(userId)) throw new Error(`createConsultation: no user ${userId}`)
    if (!this.data.topics.some((t) => t.id === input.topic)) throw new Error(`createConsultation: no topic ${input.topic}`)
    if (!hasRegion(this.data.regions, input.regionCode)) throw new Error(`createConsultation: no region ${input.regionCode}`)

    const record = newConsultationRecord(userId, input, this.now())
    this.consultations.set(record.id, record)
    const consultation = toConsultation(record)
    if (idempotencyKey) this.remember(userId, scope, idempotencyKey, hash, status, consultation)
    return { consultation: structuredClone(consultation), replayed: false }
  }

  listConsultationsByUser(userId: string) {
    return this.newestConsultations()
      .filter((c) => c.userId === userId)
      .map(toConsultation)
  }

  listConsultations(query: ConsultationListQuery) {
    const hits = this.newestConsultations().filter((c) => !query.status || c.status === query.status)
    return paginate(hits.map(toConsultationForResponder), query)
  }

  replyConsultation(id: string, responder: Responder, text: string, idempotencyKey?: string) {
    const { scope, status } = IDEMPOTENT_WRITES.replyConsultation
    const hash = replyHash(id, text)
    const earlier = idempotencyKey && this.findIdempotencyRecord(responder.userId, scope, idempotencyKey)
    if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
    const record = this.consultations.get(id)
    if (!record) return undefined
    if (record.status === 'answered') throw new StoreConflict('already-answered')
    if (!this.users.has(responder.userId)) throw new Error(`replyConsultation: no user ${responder.userId}`)

    record.status = 'answered'
    record.reply = { text, department: responder.department, repliedAt: this.now().toISOString() }
    record.repliedBy = responder.userId
    const consultation = toConsultation(record)
    if (idempotencyKey) this.remember(responder.userId, scope, idempotencyKey, hash, status, consultation)
    return { consultation: structuredClone(consultation), replayed: false }
  }

  getConsultation(id: string) {
    const c = this.consultations.get(id)
    return c && structuredClone(c)
  }

  findIdempotencyRecord(userId: string, scope: string, key: string) {
    const r = this.idempotency.get(idempotencyId(userId, scope, key))
    return r && structuredClone(r)
  }

  close() {}

  private newestConsultations(): ConsultationRecord[] {
    // reversed insertion order, then a stable sort: equal times stay newest-inserted first
    return [...this.consultations.values()]
      .reverse()
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  }

  private remember(userId: string, scope: string, key: string, requestHash: string, status: number, body: unknown) {
    this.idempotency.set(idempotencyId(userId, scope, key), {
      requestHash,
      status,
      body: structuredClone(body),
      createdAt: this.now().toISOString(),
    })
  }

  private withStatus(c: Campaign): Campaign {
    return { ...c, status: campaignStatus(c.startsAt, c.endsAt, this.now()) }
  }
}

/** a leaf has no `children` key at all, as in the SQLite tree */
function withoutEmptyChildren(nodes: Region[]): Region[] {
  return nodes.map(({ children, ...node }) =>
    children && children.length > 0 ? { ...node, children: withoutEmptyChildren(children) } : node,
  )
}

function hasRegion(nodes: Region[] | undefined, code: string): boolean {
  return (nodes ?? []).some((r) => r.code === code || hasRegion(r.children, code))
}

function idempotencyId(userId: string, scope: string, key: string): string {
  return JSON.stringify([userId, scope, key])
}

function publicUser(u: UserRecord): User {
  return { id: u.id, nickname: u.nickname, role: u.role, ...(u.regionCode ? { regionCode: u.regionCode } : {}) }
}
