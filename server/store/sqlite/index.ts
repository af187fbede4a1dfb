/**
 * The SQLite store (better-sqlite3, synchronous): one file, WAL, migrated on open, seeded from
 * the fixtures when empty. Reads are prepared statements cached by their SQL text. A write and
 * its idempotency record commit in one IMMEDIATE transaction before the method returns, so a
 * route only answers 201 for what is on disk.
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type {
  CampaignStatus,
  CampaignSummary,
  Campaign,
  Consultation,
  ConsultationForResponder,
  ConsultationInput,
  Course,
  CourseSummary,
  LessonProgress,
  Page,
  PolicySummary,
  Region,
  Session,
  Topic,
  User,
} from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { campaignStatus, compareCampaigns } from '../campaign-status'
import { sortedDistinct } from '../collation'
import { consultationInputHash, newConsultationRecord, replyHash, toConsultation, toConsultationForResponder } from '../consultations'
import { composeHome } from '../home'
import { LectureRepository } from '../../modules/lectures/repository'
import { IDEMPOTENT_WRITES, replayOf } from '../idempotency'
import { pageOffset } from '../paging'
import { searchTerms } from '../policy-search'
import { toCampaignSummary } from '../projections'
import { hashSessionToken, newSessionToken, SESSION_TOUCH_MS, SESSION_TTL_MS, sessionEnd, STAFF_IDLE_MS } from '../session-token'
import { deviceSummary } from '../../modules/auth/device'
import { orgNames } from '../../modules/auth/org-scope'
import {
  type ConsultationListQuery,
  type ConsultationWrite,
  type InterpretationSearch,
  type PageRequest,
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
} from '../store'
import { SqliteQuizStore } from '../quiz/sqlite'
import { migrateDb } from '../../db/migrate'
import type { Db } from '../../db/database'
import {
  campaignFrom,
  consultationFrom,
  faqFrom,
  idempotencyFrom,
  INTERPRETATION_SUMMARY_COLUMNS,
  interpretationFrom,
  interpretationSummaryFrom,
  lessonFrom,
  POLICY_SUMMARY_COLUMNS,
  policyFrom,
  policySummaryFrom,
  userFrom,
  videoFrom,
  type CampaignRow,
  type ConsultationRow,
  type CourseRow,
  type FaqRow,
  type IdempotencyRow,
  type InterpretationDetailRow,
  type InterpretationRow,
  type LessonRow,
  type PolicyDetailRow,
  type PolicyRow,
  type UserRow,
  type VideoRow,
} from './rows'
import { seedIfEmpty } from './seed'
import { StatementCache } from './statement-cache'

export const DB_FILE_NAME = 'zhengcetong.db'

export interface SqliteStoreOptions extends StoreOptions {
  /** the database, open (server/db/database.ts) */
  db: Db
  /** seeded into an empty database */
  fixtures: Fixtures
}

interface Where {
  sql: string
  params: unknown[]
}

function where(conditions: [string, unknown][]): Where {
  if (conditions.length === 0) return { sql: '', params: [] }
  return { sql: `WHERE ${conditions.map(([c]) => c).join(' AND ')}`, params: conditions.map(([, p]) => p) }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const
  readonly lectures: LectureRepository
  readonly quiz: SqliteQuizStore
  /** whether this open seeded the database (false on a second start) */
  readonly seeded: boolean
  /** the query layer (Kysely over SQLite or PostgreSQL) the domain repositories use */
  readonly database: Db
  /** the better-sqlite3 handle of the parts not yet moved onto `database.kysely` */
  readonly db: Database.Database
  readonly now: () => Date
  private orgNameMap?: Map<string, string>
  private readonly statements = new StatementCache()

  /** migrates the database (both dialects), seeds it when empty, and opens the store on it */
  static async open(options: SqliteStoreOptions): Promise<SqliteStore> {
    await migrateDb(options.db)
    return new SqliteStore(options)
  }

  private constructor(options: SqliteStoreOptions) {
    if (!options.db.sqlite) throw new Error('这部分存储尚未迁移到 PostgreSQL')
    this.database = options.db
    this.db = options.db.sqlite
    this.now = options.now ?? (() => new Date())
    this.seeded = seedIfEmpty(this.db, options.fixtures)
    this.lectures = new LectureRepository(options.db, this.now)
    this.quiz = new SqliteQuizStore(this.db, this.now, options.fixtures)
  }

  listTopics(): Topic[] {
    return this.all<Topic>('SELECT id, name, icon FROM topics ORDER BY position')
  }

  listDepartments(): string[] {
    return sortedDistinct(this.column<string>('SELECT DISTINCT department FROM policies'))
  }

  regionTree(): Region[] {
    const rows = this.all<{ code: string; name: string; level: Region['level']; parent_code: string | null }>(
      'SELECT code, name, level, parent_code FROM regions ORDER BY position',
    )
    const children = new Map<string | null, Region[]>()
    for (const r of rows) {
      const list = children.get(r.parent_code) ?? []
      list.push({ code: r.code, name: r.name, level: r.level })
      children.set(r.parent_code, list)
    }
    const attach = (nodes: Region[]): Region[] =>
      nodes.map((n) => {
        const kids = children.get(n.code)
        return kids ? { ...n, children: attach(kids) } : n
      })
    return attach(children.get(null) ?? [])
  }

  searchPolicies(query: PolicySearch): Page<PolicySummary> {
    const conditions: [string, unknown][] = []
    if (query.topic) conditions.push(['topic = ?', query.topic])
    if (query.dept) conditions.push(['department = ?', query.dept])
    for (const term of searchTerms(query.q)) conditions.push(['instr(search_text, ?) > 0', term])
    return this.page(
      `SELECT ${POLICY_SUMMARY_COLUMNS} FROM policies`,
      'FROM policies',
      where(conditions),
      'ORDER BY published_at DESC, id',
      query,
      (r: PolicyRow) => policySummaryFrom(r),
    )
  }

  getPolicy(id: string) {
    const row = this.get<PolicyDetailRow>(`SELECT ${POLICY_SUMMARY_COLUMNS}, issuer, body FROM policies WHERE id = ?`, id)
    return row && policyFrom(row)
  }

  listInterpretations(query: InterpretationSearch) {
    const conditions: [string, unknown][] = []
    if (query.policyId) conditions.push(['policy_id = ?', query.policyId])
    if (query.topic) conditions.push(['topic = ?', query.topic])
    if (query.featured !== undefined) conditions.push(['featured = ?', query.featured ? 1 : 0])
    return this.page(
      `SELECT ${INTERPRETATION_SUMMARY_COLUMNS} FROM interpretations`,
      'FROM interpretations',
      where(conditions),
      'ORDER BY published_at DESC, id',
      query,
      (r: InterpretationRow) => interpretationSummaryFrom(r),
    )
  }

  getInterpretation(id: string) {
    const row = this.get<InterpretationDetailRow>(`SELECT ${INTERPRETATION_SUMMARY_COLUMNS}, validity, body FROM interpretations WHERE id = ?`, id)
    return row && interpretationFrom(row)
  }

  getFaq(id: string) {
    const row = this.get<FaqRow>('SELECT * FROM faqs WHERE id = ?', id)
    return row && faqFrom(row)
  }

  listFaqs() {
    return this.all<FaqRow>('SELECT * FROM faqs ORDER BY id').map(faqFrom)
  }

  listVideos(query: VideoSearch) {
    const conditions: [string, unknown][] = []
    if (query.topic) conditions.push(['topic = ?', query.topic])
    return this.page('SELECT * FROM videos', 'FROM videos', where(conditions), 'ORDER BY published_at DESC, id', query, (r: VideoRow) => videoFrom(r))
  }

  getVideo(id: string) {
    const row = this.get<VideoRow>('SELECT * FROM videos WHERE id = ?', id)
    return row && videoFrom(row)
  }

  recordVideoView(videoId: string, viewerKey: string) {
    return this.db
      .transaction(() => {
        if (!this.get('SELECT 1 FROM videos WHERE id = ?', videoId)) return undefined
        const now = this.now()
        const last = this.get<{ last_counted_at: string }>('SELECT last_counted_at FROM video_views WHERE video_id = ? AND viewer_key = ?', videoId, viewerKey)
        const counted = !last || now.getTime() - Date.parse(last.last_counted_at) >= VIEW_REPLAY_WINDOW_MS
        if (counted) {
          this.stmt(
            `INSERT INTO video_views (video_id, viewer_key, last_counted_at) VALUES (?, ?, ?)
           ON CONFLICT (video_id, viewer_key) DO UPDATE SET last_counted_at = excluded.last_counted_at`,
          ).run(videoId, viewerKey, now.toISOString())
          this.stmt('UPDATE videos SET views = views + 1 WHERE id = ?').run(videoId)
        }
        const { views } = this.get<{ views: number }>('SELECT views FROM videos WHERE id = ?', videoId)!
        return { views, counted }
      })
      .immediate()
  }

  setVideoLike(videoId: string, userId: string, liked: boolean) {
    return this.db
      .transaction(() => {
        if (!this.get('SELECT 1 FROM videos WHERE id = ?', videoId)) return undefined
        const changed = liked
          ? this.stmt('INSERT OR IGNORE INTO video_likes (video_id, user_id, created_at) VALUES (?, ?, ?)').run(videoId, userId, this.now().toISOString())
              .changes
          : this.stmt('DELETE FROM video_likes WHERE video_id = ? AND user_id = ?').run(videoId, userId).changes
        if (changed) this.stmt(`UPDATE videos SET likes = likes ${liked ? '+' : '-'} 1 WHERE id = ?`).run(videoId)
        const { likes } = this.get<{ likes: number }>('SELECT likes FROM videos WHERE id = ?', videoId)!
        return { likes, liked }
      })
      .immediate()
  }

  isVideoLiked(videoId: string, userId: string) {
    return Boolean(this.get('SELECT 1 FROM video_likes WHERE video_id = ? AND user_id = ?', videoId, userId))
  }

  listCourses(): CourseSummary[] {
    return this.all<CourseRow & { lesson_count: number; total_sec: number | null }>(
      `SELECT c.id, c.title, c.topic, c.department, c.cover, c.summary,
              COUNT(l.id) AS lesson_count, SUM(l.duration_sec) AS total_sec
       FROM courses c LEFT JOIN lessons l ON l.course_id = c.id
       GROUP BY c.id ORDER BY c.position`,
    ).map(({ lesson_count, total_sec, ...c }) => ({ ...c, lessonCount: lesson_count, totalSec: total_sec ?? 0 }))
  }

  listLessonProgress(userId: string, courseId: string): LessonProgress[] {
    return this.all<{ lesson_id: string; position_sec: number; completed: number; updated_at: string }>(
      'SELECT lesson_id, position_sec, completed, updated_at FROM lesson_progress WHERE user_id = ? AND course_id = ?',
      userId,
      courseId,
    ).map((r) => ({ lessonId: r.lesson_id, positionSec: r.position_sec, completed: r.completed === 1, updatedAt: r.updated_at }))
  }

  saveLessonProgress(userId: string, courseId: string, lessonId: string, positionSec: number): LessonProgress | undefined {
    return this.db
      .transaction((): LessonProgress | undefined => {
        const lesson = this.get<{ duration_sec: number }>('SELECT duration_sec FROM lessons WHERE id = ? AND course_id = ?', lessonId, courseId)
        if (!lesson) return undefined
        const before = this.get<{ completed: number }>('SELECT completed FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', userId, lessonId)
        const saved = { lessonId, ...progressOf(lesson.duration_sec, positionSec, before?.completed === 1), updatedAt: this.now().toISOString() }
        this.stmt(
          `INSERT INTO lesson_progress (user_id, lesson_id, course_id, position_sec, completed, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, lesson_id) DO UPDATE SET position_sec = excluded.position_sec, completed = excluded.completed, updated_at = excluded.updated_at`,
        ).run(userId, lessonId, courseId, saved.positionSec, saved.completed ? 1 : 0, saved.updatedAt)
        return saved
      })
      .immediate()
  }

  getCourse(id: string): Course | undefined {
    const course = this.get<CourseRow>('SELECT id, title, topic, department, cover, summary FROM courses WHERE id = ?', id)
    if (!course) return undefined
    const lessons = this.all<LessonRow>('SELECT * FROM lessons WHERE course_id = ? ORDER BY position', id).map(lessonFrom)
    return {
      ...course,
      lessonCount: lessons.length,
      totalSec: lessons.reduce((sum, l) => sum + l.durationSec, 0),
      lessons,
    }
  }

  listCampaigns(filter: { status?: CampaignStatus } = {}): CampaignSummary[] {
    return this.all<CampaignRow>('SELECT * FROM campaigns ORDER BY position')
      .map((r) => this.withStatus(campaignFrom(r)))
      .filter((c) => !filter.status || c.status === filter.status)
      .sort(compareCampaigns)
      .map(toCampaignSummary)
  }

  getCampaign(id: string) {
    const row = this.get<CampaignRow>('SELECT * FROM campaigns WHERE id = ?', id)
    return row && this.withStatus(campaignFrom(row))
  }

  home() {
    return composeHome(this)
  }

  upsertUser(input: UserInput): User {
    this.stmt(
      `INSERT INTO users (id, provider, external_id, nickname, role, region_code, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, external_id) DO NOTHING`,
    ).run(randomUUID(), input.provider, input.externalId, input.nickname, input.role, input.regionCode ?? null, this.now().toISOString())
    const row = this.get<UserRow>('SELECT id, nickname, role, region_code FROM users WHERE provider = ? AND external_id = ?', input.provider, input.externalId)
    return userFrom(row!)
  }

  getUser(id: string) {
    const row = this.get<UserRow>('SELECT id, nickname, role, region_code, org_code, department FROM users WHERE id = ?', id)
    return row && userFrom(row, this.orgNames())
  }

  /** 台州市 and the counties and townships of the region tree by code (regions do not change while running) */
  orgNames(): ReadonlyMap<string, string> {
    this.orgNameMap ??= orgNames(this.regionTree())
    return this.orgNameMap
  }

  /**
   * A resident's session lasts SESSION_TTL_MS; any other role's also ends after STAFF_IDLE_MS
   * unused. A disabled user gets none.
   */
  createSession(input: SessionInput): Session {
    const user = this.getUser(input.userId)
    if (!user) throw new Error(`createSession: no user ${input.userId}`)
    const token = newSessionToken()
    const now = this.now()
    const absolute = new Date(now.getTime() + SESSION_TTL_MS).toISOString()
    const idleMs = user.role === 'resident' ? null : STAFF_IDLE_MS
    this.stmt(
      `INSERT INTO sessions (token_hash, user_id, session_key, created_at, expires_at, id, last_seen_at, idle_ms, device, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      hashSessionToken(token),
      user.id,
      input.sessionKey ?? null,
      now.toISOString(),
      absolute,
      randomUUID(),
      now.toISOString(),
      idleMs,
      deviceSummary(input.userAgent),
      input.ip ?? null,
    )
    return { token, user, expiresAt: sessionEnd(absolute, now.toISOString(), idleMs) }
  }

  /**
   * One lookup by the token's hash (the primary key) joined to the user by id. A staff session's
   * last-seen is written at most once a minute, which is what keeps it alive.
   */
  getSession(token: string): Session | undefined {
    const hash = hashSessionToken(token)
    const row = this.get<UserRow & { expires_at: string; last_seen_at: string | null; idle_ms: number | null }>(
      `SELECT u.id, u.nickname, u.role, u.region_code, u.org_code, u.department, s.expires_at, s.last_seen_at, s.idle_ms
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND u.disabled_at IS NULL`,
      hash,
    )
    if (!row) return undefined
    const now = this.now()
    let lastSeen = row.last_seen_at ?? now.toISOString()
    if (Date.parse(sessionEnd(row.expires_at, lastSeen, row.idle_ms)) <= now.getTime()) return undefined
    if (now.getTime() - Date.parse(lastSeen) >= SESSION_TOUCH_MS) {
      lastSeen = now.toISOString()
      this.stmt('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(lastSeen, hash)
    }
    return { token, user: userFrom(row, this.orgNames()), expiresAt: sessionEnd(row.expires_at, lastSeen, row.idle_ms) }
  }

  setUserOrg(userId: string, code: string) {
    this.stmt('UPDATE users SET org_code = ? WHERE id = ?').run(code, userId)
  }

  wechatOpenid(userId: string) {
    return this.value<string | undefined>("SELECT external_id FROM users WHERE id = ? AND provider = 'wechat'", userId)
  }

  createConsultation(userId: string, input: ConsultationInput, idempotencyKey?: string): ConsultationWrite {
    const { scope, status } = IDEMPOTENT_WRITES.createConsultation
    const hash = consultationInputHash(input)
    return this.db
      .transaction((): ConsultationWrite => {
        const earlier = idempotencyKey && this.findIdempotencyRecord(userId, scope, idempotencyKey)
        if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
        const record = newConsultationRecord(userId, input, this.now())
        this.stmt(
          `INSERT INTO consultations (id, user_id, topic, question, region_code, phone, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(record.id, userId, record.topic, record.question, record.regionCode, record.phone ?? null, record.status, record.createdAt)
        const consultation = toConsultation(record)
        if (idempotencyKey) this.remember(userId, scope, idempotencyKey, hash, status, consultation)
        return { consultation, replayed: false }
      })
      .immediate()
  }

  listConsultationsByUser(userId: string): Consultation[] {
    return this.all<ConsultationRow>('SELECT * FROM consultations WHERE user_id = ? ORDER BY created_at DESC, rowid DESC', userId).map((r) =>
      toConsultation(consultationFrom(r)),
    )
  }

  listConsultations(query: ConsultationListQuery): Page<ConsultationForResponder> {
    const conditions: [string, unknown][] = []
    if (query.status) conditions.push(['status = ?', query.status])
    if (query.regionPattern !== undefined) conditions.push(['region_code LIKE ?', query.regionPattern])
    return this.page(
      'SELECT * FROM consultations',
      'FROM consultations',
      where(conditions),
      'ORDER BY created_at DESC, rowid DESC',
      query,
      (r: ConsultationRow) => toConsultationForResponder(consultationFrom(r)),
    )
  }

  replyConsultation(id: string, responder: Responder, text: string, idempotencyKey?: string) {
    const { scope, status } = IDEMPOTENT_WRITES.replyConsultation
    const hash = replyHash(id, text)
    return this.db
      .transaction((): ConsultationWrite | undefined => {
        const earlier = idempotencyKey && this.findIdempotencyRecord(responder.userId, scope, idempotencyKey)
        if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
        const row = this.get<ConsultationRow>('SELECT * FROM consultations WHERE id = ?', id)
        if (!row) return undefined
        if (row.status === 'answered') throw new StoreConflict('already-answered')
        const reply = { text, department: responder.department, repliedAt: this.now().toISOString() }
        this.stmt(
          `UPDATE consultations SET status = 'answered', reply_text = ?, reply_department = ?, replied_by = ?,
         replied_at = ? WHERE id = ? AND status = 'pending'`,
        ).run(reply.text, reply.department, responder.userId, reply.repliedAt, id)
        const consultation = toConsultation({
          ...consultationFrom(row),
          status: 'answered',
          reply,
          repliedBy: responder.userId,
        })
        if (idempotencyKey) this.remember(responder.userId, scope, idempotencyKey, hash, status, consultation)
        return { consultation, replayed: false }
      })
      .immediate()
  }

  getConsultation(id: string) {
    const row = this.get<ConsultationRow>('SELECT * FROM consultations WHERE id = ?', id)
    return row && consultationFrom(row)
  }

  findIdempotencyRecord(userId: string, scope: string, key: string) {
    const row = this.get<IdempotencyRow>(
      `SELECT request_hash, response_status, response_body, created_at FROM idempotency_keys
       WHERE user_id = ? AND scope = ? AND key = ?`,
      userId,
      scope,
      key,
    )
    return row && idempotencyFrom(row)
  }

  async close(): Promise<void> {
    if (this.db.open) await this.database.close()
  }

  private remember(userId: string, scope: string, key: string, requestHash: string, status: number, body: unknown) {
    this.stmt(
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, response_status, response_body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(userId, scope, key, requestHash, status, JSON.stringify(body), this.now().toISOString())
  }

  private withStatus(c: Campaign): Campaign {
    return { ...c, status: campaignStatus(c.startsAt, c.endsAt, this.now()) }
  }

  private page<Row, T>(select: string, from: string, w: Where, orderBy: string, request: PageRequest, map: (row: Row) => T): Page<T> {
    const total = this.value<number>(`SELECT COUNT(*) ${from} ${w.sql}`, ...w.params)
    const rows = this.all<Row>(`${select} ${w.sql} ${orderBy} LIMIT ? OFFSET ?`, ...w.params, request.pageSize, pageOffset(request))
    return { items: rows.map(map), total, page: request.page, pageSize: request.pageSize }
  }

  private stmt(sql: string): Database.Statement {
    return this.statements.prepare(this.db, sql)
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql)
      .pluck(false)
      .all(...params) as T[]
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql)
      .pluck(false)
      .get(...params) as T | undefined
  }

  private column<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql)
      .pluck(true)
      .all(...params) as T[]
  }

  private value<T>(sql: string, ...params: unknown[]): T {
    return this.stmt(sql)
      .pluck(true)
      .get(...params) as T
  }
}
