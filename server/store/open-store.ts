import { join } from 'node:path'
import type { Fixtures } from '../../mock/types'
import { MemoryStore } from './memory'
import { DB_FILE_NAME, SqliteStore } from './sqlite'
import type { Store, StoreOptions } from './store'

export type StoreKind = 'memory' | 'sqlite'

export interface OpenStoreOptions extends StoreOptions {
  kind: StoreKind
  fixtures: Fixtures
  /** sqlite only: the database is `${dataDir}/zhengcetong.db` */
  dataDir?: string
}

export function openStore({ kind, fixtures, dataDir = './data', now }: OpenStoreOptions): Store {
  if (kind === 'memory') return new MemoryStore(fixtures, { now })
  return new SqliteStore({ file: join(dataDir, DB_FILE_NAME), fixtures, now })
}
