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
  Page,
  Region,
  Session,
  Topic,
  User,
} from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { campaignStatus, compareCampaigns } from '../campaign-status'
import { consultationInputHash, newConsultationRecord, replyHash, toConsultation, toConsultationForResponder } from '../consultations'
import { SqliteLectureStore } from '../lectures/sqlite'
import { IDEMPOTENT_WRITES, replayOf } from '../idempotency'
import { pageOffset } from '../paging'
import { toCampaignSummary } from '../projections'
import { hashSessionToken, newSessionToken, SESSION_TOUCH_MS, SESSION_TTL_MS, sessionEnd, STAFF_IDLE_MS } from '../session-token'
import { deviceSummary } from '../../modules/auth/device'
import { ContentRepository } from '../../modules/content/repository'
import { POLICY_SUMMARY_COLUMNS, policyFrom, type PolicyDetailRow } from '../../modules/content/rows'
import {
  type ConsultationListQuery,
  type ConsultationWrite,
  type PageRequest,
  type Responder,
  type SessionInput,
  type Store,
  StoreConflict,
  type StoreOptions,
  type UserInput,
} from '../store'
import { SqliteQuizStore } from '../quiz/sqlite'
import { MediaRepository } from '../../modules/media/repository'
import { migrateDb } from '../../db/migrate'
import { seedIfEmpty } from '../../db/seed'
import type { Db } from '../../db/database'
import {
  campaignFrom,
  consultationFrom,
  idempotencyFrom,
  lectureTopicFrom,
  userFrom,
  type CampaignRow,
  type ConsultationRow,
  type IdempotencyRow,
  type LectureTopicRow,
  type UserRow,
} from './rows'
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
  readonly content: ContentRepository
  readonly lectures: SqliteLectureStore
  readonly quiz: SqliteQuizStore
  readonly media: MediaRepository
  /** whether this open seeded the database (false on a second start) */
  readonly seeded: boolean
  /** the query layer (Kysely over SQLite or PostgreSQL) the domain repositories use */
  readonly database: Db
  /** the better-sqlite3 handle of the parts not yet moved onto `database.kysely` */
  readonly db: Database.Database
  readonly now: () => Date
  private orgNameMap: ReadonlyMap<string, string> = new Map()
  private readonly statements = new StatementCache()

  /** migrates the database (both dialects), seeds it when empty, and opens the store on it */
  static async open(options: SqliteStoreOptions): Promise<SqliteStore> {
    await migrateDb(options.db)
    const seeded = await seedIfEmpty(options.db, options.fixtures)
    const store = new SqliteStore(options, seeded)
    store.orgNameMap = await store.content.orgNames()
    return store
  }

  private constructor(options: SqliteStoreOptions, seeded: boolean) {
    if (!options.db.sqlite) throw new Error('这部分存储尚未迁移到 PostgreSQL')
    this.database = options.db
    this.db = options.db.sqlite
    this.now = options.now ?? (() => new Date())
    this.seeded = seeded
    this.content = new ContentRepository(options.db, this.now)
    this.lectures = new SqliteLectureStore(this.db, this.now)
    this.quiz = new SqliteQuizStore(this.db, this.now, options.fixtures)
    this.media = new MediaRepository(options.db, this.now)
  }

  // synchronous reads left for server/quiz/service.ts until it awaits store.content (then delete)
  listTopics(): Topic[] {
    return this.all<Topic>('SELECT id, name, icon FROM topics ORDER BY position')
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

  getPolicy(id: string) {
    const row = this.get<PolicyDetailRow>(`SELECT ${POLICY_SUMMARY_COLUMNS.join(', ')}, issuer, body FROM policies WHERE id = ?`, id)
    return row && policyFrom(row)
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

  /** 台州市 and the counties and townships of the region tree by code, read at open (regions do not change while running) */
  orgNames(): ReadonlyMap<string, string> {
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

  private value<T>(sql: string, ...params: unknown[]): T {
    return this.stmt(sql)
      .pluck(true)
      .get(...params) as T
  }
}
