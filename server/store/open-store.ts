import { join } from 'node:path'
import type { Fixtures } from '../../mock/types'
import { DB_FILE_NAME, SqliteStore } from './sqlite'
import type { StoreOptions } from './store'

/** `memory`: SQLite in memory (mock mode, component tests); `sqlite`: the file under dataDir */
export type StoreKind = 'memory' | 'sqlite'

export interface OpenStoreOptions extends StoreOptions {
  kind: StoreKind
  fixtures: Fixtures
  /** sqlite only: the database is `${dataDir}/zhengcetong.db` */
  dataDir?: string
}

export function openStore({ kind, fixtures, dataDir = './data', now }: OpenStoreOptions): SqliteStore {
  return new SqliteStore({ file: kind === 'memory' ? ':memory:' : join(dataDir, DB_FILE_NAME), fixtures, now })
}
