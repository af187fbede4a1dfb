/**
 * The store: one repository per domain (server/modules/<domain>/repository.ts), all on one
 * database — SQLite (a file, or `:memory:` in mock mode and component tests) or PostgreSQL — through
 * the query layer of server/db. Opening migrates the schema, seeds an empty database from the
 * fixtures (both under a lock on PostgreSQL, so instances starting together do it once) and reads
 * what never changes while running (the region tree and the organisation names).
 */
import type { Region } from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { LectureRepository } from '../../modules/lectures/repository'
import { ContentRepository } from '../../modules/content/repository'
import { AuthRepository } from '../../modules/auth/repository'
import { ConsultationRepository } from '../../modules/consultations/repository'
import { type Store, type StoreOptions } from '../store'
import { QuizRepository } from '../../modules/quiz/repository'
import { MediaRepository } from '../../modules/media/repository'
import { migrateDb } from '../../db/migrate'
import { seedIfEmpty } from '../../db/seed'
import type { Db } from '../../db/database'

export const DB_FILE_NAME = 'zhengcetong.db'

export interface SqliteStoreOptions extends StoreOptions {
  /** the database, open (server/db/database.ts) */
  db: Db
  /** seeded into an empty database */
  fixtures: Fixtures
}

export class SqliteStore implements Store {
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
  readonly now: () => Date
  private orgNameMap: ReadonlyMap<string, string> = new Map()
  private regions: Region[] = []

  /** migrates the database (both dialects), seeds it when empty, and opens the store on it */
  static async open(options: SqliteStoreOptions): Promise<SqliteStore> {
    await migrateDb(options.db)
    const seeded = await seedIfEmpty(options.db, options.fixtures)
    const store = new SqliteStore(options, seeded)
    store.orgNameMap = await store.content.orgNames()
    store.regions = await store.content.regionTree()
    await store.quiz.seedResidents(options.fixtures)
    return store
  }

  private constructor(options: SqliteStoreOptions, seeded: boolean) {
    this.database = options.db
    this.now = options.now ?? (() => new Date())
    this.seeded = seeded
    this.content = new ContentRepository(options.db, this.now)
    this.lectures = new LectureRepository(options.db, this.now)
    this.quiz = new QuizRepository(options.db, this.now)
    this.media = new MediaRepository(options.db, this.now)
    this.auth = new AuthRepository(options.db, this.now, () => this.orgNames())
    this.consultations = new ConsultationRepository(options.db, this.now)
  }

  /** which database this is */
  get dialect(): Db['dialect'] {
    return this.database.dialect
  }

  /** the region tree (市 → 县 → 乡镇 → 村), read at open: regions do not change while running */
  regionTree(): Region[] {
    return this.regions
  }

  /** 台州市 and the counties and townships of the region tree by code, read at open (regions do not change while running) */
  orgNames(): ReadonlyMap<string, string> {
    return this.orgNameMap
  }

  async close(): Promise<void> {
    await this.database.close()
  }
}
