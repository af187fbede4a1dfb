/**
 * A migrated and seeded database to copy, so that a test server need not migrate and seed one of
 * its own (on PostgreSQL that took 1–2 s of every start on a busy machine, on SQLite a few hundred
 * ms): a SQLite file copied into the server's data dir, or a PostgreSQL database made with
 * `CREATE DATABASE … TEMPLATE`. One template per jest worker (process) and version of the
 * fixtures (the campaigns' dates follow the clock, so a file loaded an hour later seeds other
 * rows): made by the first test server that needs it, named after the process, and removed with
 * the run's leftovers by the api project's globalTeardown (./drop-test-databases.ts).
 * The migrations and the seed themselves are tested on fresh databases (server/db/__tests__,
 * test/api/persistence.test.ts, test/api/sqlite-store.test.ts).
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, renameSync } from 'node:fs'
import type { Fixtures } from '../../../mock/types'
import { openDb } from '../../../server/db/database'
import { migrateDb } from '../../../server/db/migrate'
import { seedIfEmpty } from '../../../server/db/seed'
import { createTestDatabase, databaseExists, type TestDatabase, testDatabaseUrl } from './postgres'
import { sqliteTemplatePath } from './temp-dir'

const fixtureKeys = new WeakMap<Fixtures, string>()

/** the version of `fixtures`: their content's hash */
function keyOf(fixtures: Fixtures): string {
  let key = fixtureKeys.get(fixtures)
  if (!key) {
    key = createHash('sha1').update(JSON.stringify(fixtures)).digest('hex').slice(0, 12)
    fixtureKeys.set(fixtures, key)
  }
  return key
}

async function migrateAndSeed(target: { file?: string; url?: string }, fixtures: Fixtures): Promise<void> {
  const db = await openDb(target)
  try {
    await migrateDb(db)
    await seedIfEmpty(db, fixtures)
  } finally {
    await db.close()
  }
}

/** copies a migrated database seeded with `fixtures` to `file` (SQLite) */
export async function copySeededSqlite(fixtures: Fixtures, file: string): Promise<void> {
  const template = sqliteTemplatePath(keyOf(fixtures))
  if (!existsSync(template)) {
    // made under another name and renamed, so a template that exists is whole
    const making = `${template}.${Date.now()}.tmp`
    await migrateAndSeed({ file: making }, fixtures)
    // closed, SQLite has checkpointed its WAL into the file: the file is the whole database
    if (existsSync(`${making}-wal`)) throw new Error(`${making}-wal outlived its database's close`)
    renameSync(making, template)
  }
  copyFileSync(template, file)
}

/** a new database holding a migrated database seeded with `fixtures` (PostgreSQL, under test:pg) */
export async function createSeededTestDatabase(fixtures: Fixtures, adminUrl = testDatabaseUrl()!): Promise<TestDatabase> {
  const template = `zct_t_${process.pid}_tpl_${keyOf(fixtures)}`
  if (!(await databaseExists(adminUrl, template))) {
    const making = await createTestDatabase(adminUrl)
    await migrateAndSeed({ url: making.url }, fixtures)
    await making.rename(template)
  }
  return createTestDatabase(adminUrl, template)
}
