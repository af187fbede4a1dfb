/**
 * The SQLite store (better-sqlite3, synchronous): one file, WAL, migrated on open, seeded from
 * the fixtures when empty. Reads are prepared statements cached by their SQL text. A write and
 * its idempotency record commit in one IMMEDIATE transaction before the method returns, so a
 * route only answers 201 for what is on disk.
 */
import Database from 'better-sqlite3'
import type {
  CampaignStatus,
  CampaignSummary,
  Campaign,
  Course,
  CourseSummary,
  LessonProgress,
  Page,
  PolicySummary,
  Region,
  Topic,
} from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { campaignStatus, compareCampaigns } from '../campaign-status'
import { sortedDistinct } from '../collation'
import { composeHome } from '../home'
import { SqliteLectureStore } from '../lectures/sqlite'
import { pageOffset } from '../paging'
import { searchTerms } from '../policy-search'
import { toCampaignSummary } from '../projections'
import { orgNames } from '../../modules/auth/org-scope'
import { AuthRepository } from '../../modules/auth/repository'
import { ConsultationRepository } from '../../modules/consultations/repository'
import {
  type InterpretationSearch,
  type PageRequest,
  type PolicySearch,
  type Store,
  type StoreOptions,
  progressOf,
  VIEW_REPLAY_WINDOW_MS,
  type VideoSearch,
} from '../store'
import { SqliteQuizStore } from '../quiz/sqlite'
import { migrateDb } from '../../db/migrate'
import type { Db } from '../../db/database'
import {
  campaignFrom,
  faqFrom,
  INTERPRETATION_SUMMARY_COLUMNS,
  interpretationFrom,
  interpretationSummaryFrom,
  lectureTopicFrom,
  lessonFrom,
  POLICY_SUMMARY_COLUMNS,
  policyFrom,
  policySummaryFrom,
  videoFrom,
  type CampaignRow,
  type CourseRow,
  type FaqRow,
  type InterpretationDetailRow,
  type InterpretationRow,
  type LectureTopicRow,
  type LessonRow,
  type PolicyDetailRow,
  type PolicyRow,
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
  readonly lectures: SqliteLectureStore
  readonly quiz: SqliteQuizStore
  readonly auth: AuthRepository
  readonly consultations: ConsultationRepository
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
    this.lectures = new SqliteLectureStore(this.db, this.now)
    this.quiz = new SqliteQuizStore(this.db, this.now, options.fixtures)
    this.auth = new AuthRepository(options.db, this.now, () => this.orgNames())
    this.consultations = new ConsultationRepository(options.db, this.now)
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

  listLectureTopics(filter: { topic?: string } = {}) {
    const rows = filter.topic
      ? this.all<LectureTopicRow>('SELECT * FROM lecture_topics WHERE topic = ? ORDER BY position', filter.topic)
      : this.all<LectureTopicRow>('SELECT * FROM lecture_topics ORDER BY position')
    return rows.map(lectureTopicFrom)
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

  /** 台州市 and the counties and townships of the region tree by code (regions do not change while running) */
  orgNames(): ReadonlyMap<string, string> {
    this.orgNameMap ??= orgNames(this.regionTree())
    return this.orgNameMap
  }

  async close(): Promise<void> {
    if (this.db.open) await this.database.close()
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
