/**
 * The real server on a random port, over a SQLite file in a temp dir (or the memory store), or,
 * under `npm run test:pg` (TEST_DATABASE_URL), over a PostgreSQL database of its own: API tests
 * talk to it with global fetch, as a client would.
 */
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fixtures as realFixtures } from '../../../mock/fixtures'
import type { Fixtures } from '../../../mock/types'
import { buildApp, type BuildAppOptions } from '../../../server/app'
import { openStore, type StoreKind } from '../../../server/store/open-store'
import type { Store } from '../../../server/store/store'
import type { App } from '../../../server/type-provider'
import { DB_FILE_NAME } from '../../../server/store/sqlite'
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from './postgres'
import { copySeededSqlite, createSeededTestDatabase } from './seeded-template'
import { makeTempDir } from './temp-dir'

export interface TestServerOptions extends Partial<Omit<BuildAppOptions, 'store'>> {
  /** 'sqlite' (the default) is the suite's database: PostgreSQL under test:pg; 'memory' stays SQLite in memory */
  storeKind?: StoreKind
  fixtures?: Fixtures
  now?: () => Date
  /** reuse a data dir (second start, on PostgreSQL its database too); otherwise a fresh temp dir is made and removed */
  dataDir?: string
  /**
   * false: migrate and seed the fresh database; by default a fresh one with the real fixtures is a
   * copy of a migrated and seeded template (./seeded-template), as a second start would find it
   */
  fromTemplate?: boolean
  /** called with the app before it listens, e.g. to add a test-only route */
  beforeListen?: (app: App) => void
}

export interface TestServer {
  url: string
  app: App
  store: Store
  dataDir: string
  /** under test:pg, the URL of its PostgreSQL database (for a child process such as scripts/admin.ts); undefined on SQLite */
  databaseUrl?: string
  /** fetch a path of the server: `api('/policies')` → GET /api/v1/policies */
  api: (path: string, init?: RequestInit) => Promise<Response>
  get: (path: string, init?: RequestInit) => Promise<Response>
  close: () => Promise<void>
}

/** under test:pg, the database of each data dir, so that a second start on a dataDir finds its data */
const databases = new Map<string, TestDatabase>()

async function databaseOf(dataDir: string): Promise<TestDatabase> {
  const database = databases.get(dataDir) ?? (await createTestDatabase())
  databases.set(dataDir, database)
  return database
}

/**
 * Under test:pg, the URL of the PostgreSQL database a test server on `dataDir` will use (made now
 * if need be, so that a child process can write to it before the server starts); undefined on SQLite.
 */
export async function testDatabaseUrlFor(dataDir: string): Promise<string | undefined> {
  return testDatabaseUrl() ? (await databaseOf(dataDir)).url : undefined
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { storeKind = 'sqlite', fixtures = realFixtures, now, beforeListen, fromTemplate = true, ...appOptions } = options
  const temp = options.dataDir ? undefined : makeTempDir()
  const dataDir = options.dataDir ?? temp!.path
  const kind: StoreKind = storeKind === 'sqlite' && testDatabaseUrl() ? 'postgres' : storeKind
  // a fresh database (not a caller's data dir) with the real fixtures starts as the template's copy
  const copy = fromTemplate && temp !== undefined && fixtures === realFixtures
  let database: TestDatabase | undefined
  if (kind === 'postgres') {
    if (copy) databases.set(dataDir, await createSeededTestDatabase(fixtures))
    database = await databaseOf(dataDir)
  } else if (kind === 'sqlite' && copy) {
    await copySeededSqlite(fixtures, join(dataDir, DB_FILE_NAME))
  }
  // a database made for a temp dir goes with it; one of a caller's dataDir stays for the next start
  // (the run's globalTeardown drops it)
  const removeData = async () => {
    if (!temp) return
    if (database) {
      databases.delete(dataDir)
      await database.drop()
    }
    temp.remove()
  }
  let store: Store
  try {
    store = await openStore({ kind, fixtures, dataDir, now, databaseUrl: database?.url })
  } catch (err) {
    await removeData()
    throw err
  }
  const app = buildApp({ mode: 'sqlite', ...appOptions, store })
  beforeListen?.(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const get = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init)
  return {
    url,
    app,
    store,
    dataDir,
    databaseUrl: database?.url,
    get,
    api: (path, init) => get(`/api/v1${path}`, init),
    async close() {
      // every test of the file is done: a connection still open (an upload refused before its
      // body was read, on a loaded machine) must not hold the close until the hook times out
      app.server.closeAllConnections()
      await app.close()
      await store.close()
      await removeData()
    },
  }
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

export function bearer(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } }
}
