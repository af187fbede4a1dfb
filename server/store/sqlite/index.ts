/**
 * The SQLite store (better-sqlite3, synchronous): one file, WAL, migrated on open, seeded from
 * the fixtures when empty. Reads are prepared statements cached by their SQL text. A write and
 * its idempotency record commit in one IMMEDIATE transaction before the method returns, so a
 * route only answers 201 for what is on disk.
 */
import Database from 'better-sqlite3'
import type { Region, Topic } from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { LectureRepository } from '../../modules/lectures/repository'
import { ContentRepository } from '../../modules/content/repository'
import { POLICY_SUMMARY_COLUMNS, policyFrom, type PolicyDetailRow } from '../../modules/content/rows'
import { AuthRepository } from '../../modules/auth/repository'
import { ConsultationRepository } from '../../modules/consultations/repository'
import { type Store, type StoreOptions } from '../store'
import { QuizRepository } from '../../modules/quiz/repository'
import { MediaRepository } from '../../modules/media/repository'
import { migrateDb } from '../../db/migrate'
import { seedIfEmpty } from '../../db/seed'
import type { Db } from '../../db/database'
import { StatementCache } from './statement-cache'

export const DB_FILE_NAME = 'zhengcetong.db'

export interface SqliteStoreOptions extends StoreOptions {
  /** the database, open (server/db/database.ts) */
  db: Db
  /** seeded into an empty database */
  fixtures: Fixtures
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const
  readonly content: ContentRepository
  readonly lectures: LectureRepository
  readonly quiz: QuizRepository
  readonly media: MediaRepository
  readonly auth: AuthRepository
  readonly consultations: ConsultationRepository
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
    await store.quiz.seedResidents(options.fixtures)
    return store
  }

  private constructor(options: SqliteStoreOptions, seeded: boolean) {
    if (!options.db.sqlite) throw new Error('这部分存储尚未迁移到 PostgreSQL')
    this.database = options.db
    this.db = options.db.sqlite
    this.now = options.now ?? (() => new Date())
    this.seeded = seeded
    this.content = new ContentRepository(options.db, this.now)
    this.lectures = new LectureRepository(options.db, this.now)
    this.quiz = new QuizRepository(options.db, this.now)
    this.media = new MediaRepository(options.db, this.now)
    this.auth = new AuthRepository(options.db, this.now, () => this.orgNames())
    this.consultations = new ConsultationRepository(options.db, this.now)
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

  /** 台州市 and the counties and townships of the region tree by code, read at open (regions do not change while running) */
  orgNames(): ReadonlyMap<string, string> {
    return this.orgNameMap
  }

  async close(): Promise<void> {
    if (this.db.open) await this.database.close()
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
}
