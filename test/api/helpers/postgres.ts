/**
 * The PostgreSQL side of the test databases (no jest globals: the globalTeardown imports it).
 * Which database the API suite runs on. `npm run test:pg` sets TEST_DATABASE_URL (a PostgreSQL
 * server's admin database, default postgres://postgres@127.0.0.1:5432/postgres): every test server
 * then gets a database of its own, `zct_t_<pid>_<n>`, dropped when it closes; the api project's
 * globalTeardown (test/api/helpers/drop-test-databases.ts) drops any a crashed test left behind.
 * Without it the suite runs on SQLite files, as `npm test` does.
 */
import pg from 'pg'

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

const PREFIX = 'zct_t_'
/** a test server's database (`_<n>`) or a worker's template (`_tpl_<fixtures' hash>`, ./seeded-template) */
const NAME = /^zct_t_(\d+)_(?:\d+|tpl_[0-9a-f]+)$/

/** the PostgreSQL server the suite runs on, or undefined for SQLite */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** the URL of database `name` on the server of `adminUrl` */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export interface TestDatabase {
  name: string
  url: string
  drop: () => Promise<void>
  /** gives it another name (nobody connected), e.g. a finished template's */
  rename: (to: string) => Promise<void>
}

let created = 0

/**
 * a new database on the server of `adminUrl`, named after this process: empty, or a copy of
 * `template` (a database of this server nobody is connected to)
 */
export async function createTestDatabase(adminUrl = testDatabaseUrl() ?? DEFAULT_TEST_DATABASE_URL, template?: string): Promise<TestDatabase> {
  const name = `${PREFIX}${process.pid}_${++created}`
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    // the C locale: text ordered by code point and lower() of ASCII only, as on SQLite (a copy keeps its template's)
    await client.query(
      template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    )
  })
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => dropDatabases(adminUrl, [name]),
    rename: (to) => withAdmin(adminUrl, async (client) => void (await client.query(`ALTER DATABASE ${name} RENAME TO ${to}`))),
  }
}

/** whether database `name` exists on the server of `adminUrl` */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdmin(adminUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1)
}

async function dropDatabases(adminUrl: string, names: string[]): Promise<void> {
  if (names.length === 0) return
  await withAdmin(adminUrl, async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })
}

/** whether process `pid` is running */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Drops the test databases of this process and of processes that have ended (a run's workers, by
 * the time its globalTeardown runs); another run's, still going on this server, stay. Returns their names.
 */
export async function dropLeftoverDatabases(adminUrl = testDatabaseUrl() ?? DEFAULT_TEST_DATABASE_URL): Promise<string[]> {
  const names = await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'zct\\_t\\_%'`)
    return rows.map((r) => r.datname)
  })
  const leftovers = names.filter((name) => {
    const match = NAME.exec(name)
    if (!match) return false
    const pid = Number(match[1])
    return pid === process.pid || !alive(pid)
  })
  await dropDatabases(adminUrl, leftovers)
  return leftovers
}
