/**
 * The store: the domains' repositories over one database (server/store/sqlite/index.ts opens it on
 * SQLite or PostgreSQL). Types a domain owns live in its module, not here, so no repository
 * imports this file. No method of the read side returns a quiz answer.
 */
import type { Region } from '../../common/contract'
import type { ContentRepository } from '../modules/content/repository'
import type { AuthRepository } from '../modules/auth/repository'
import type { ConsultationRepository } from '../modules/consultations/repository'
import type { LectureRepository } from '../modules/lectures/repository'
import type { QuizRepository } from '../modules/quiz/repository'
import type { MediaRepository } from '../modules/media/repository'

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
