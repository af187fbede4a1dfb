/** Which database a test runs on: SQLite, or PostgreSQL under `npm run test:pg` (see ./postgres). */
import { testDatabaseUrl } from './postgres'

export { createTestDatabase, DEFAULT_TEST_DATABASE_URL, testDatabaseUrl, type TestDatabase } from './postgres'

export const onPostgres = testDatabaseUrl() !== undefined

/** for tests of SQLite internals (the file, pragmas, `store.db`, SQLite migrations): skipped under test:pg */
export const describeSqliteOnly: jest.Describe = onPostgres ? describe.skip : describe
export const itSqliteOnly: jest.It = onPostgres ? it.skip : it
/** for tests that need a PostgreSQL server: run under test:pg only */
export const describePostgres: jest.Describe = onPostgres ? describe : describe.skip
