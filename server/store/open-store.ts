import { join } from 'node:path'
import type { Fixtures } from '../../mock/types'
import { openDb } from '../db/database'
import { DB_FILE_NAME, SqliteStore } from './sqlite'
import type { StoreOptions } from './store'

/**
 * `memory`: SQLite in memory (mock mode, component tests); `sqlite`: the file under dataDir (or
 * `file`); `postgres`: the database at `databaseUrl`
 */
export type StoreKind = 'memory' | 'sqlite' | 'postgres'

export interface OpenStoreOptions extends StoreOptions {
  kind: StoreKind
  fixtures: Fixtures
  /** sqlite only: the database is `${dataDir}/zhengcetong.db` */
  dataDir?: string
  /** sqlite only: this file instead */
  file?: string
  /** postgres only: postgres://… */
  databaseUrl?: string
}

/** opens the database, creates or updates its schema, seeds it from the fixtures when empty */
export async function openStore({ kind, fixtures, dataDir = './data', file, databaseUrl, now }: OpenStoreOptions): Promise<SqliteStore> {
  const db = await openDb(kind === 'postgres' ? { url: databaseUrl } : { file: kind === 'memory' ? ':memory:' : (file ?? join(dataDir, DB_FILE_NAME)) })
  try {
    return await SqliteStore.open({ db, fixtures, now })
  } catch (err) {
    await db.close()
    throw err
  }
}
