/**
 * PostgreSQL's schema (migrations/postgres) equals where SQLite's migrations end: the same tables,
 * columns in the same order, NOT NULL alike, the same named indexes, the append-only audit log and
 * the JSON checks; and migrating is idempotent, also when two instances start at once.
 * Runs under `npm run test:pg` (TEST_DATABASE_URL), on a database of its own.
 */
import { sql } from 'kysely'
import { createTestDatabase, describePostgres, type TestDatabase } from '../../../test/api/helpers/database'
import { type Db, openDb } from '../database'
import { migrateDb, migrationsOf } from '../migrate'

jest.setTimeout(60_000)

interface Column {
  name: string
  notNull: boolean
}

async function sqliteTables(db: Db): Promise<Map<string, Column[]>> {
  const sqlite = db.sqlite!
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[]
  const tables = new Map<string, Column[]>()
  for (const name of names) {
    const columns = sqlite.pragma(`table_info(${name})`) as { name: string; notnull: number; pk: number }[]
    // a PRIMARY KEY column is NOT NULL on PostgreSQL, and never NULL here either (the store never writes one)
    tables.set(
      name,
      columns.map((c) => ({ name: c.name, notNull: c.notnull === 1 || c.pk > 0 })),
    )
  }
  return tables
}

async function postgresTables(db: Db): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    SELECT table_name, column_name, is_nullable FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(db.kysely)
  const tables = new Map<string, Column[]>()
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? []
    columns.push({ name: r.column_name, notNull: r.is_nullable === 'NO' })
    tables.set(r.table_name, columns)
  }
  return tables
}

const sorted = (names: Iterable<string>) => [...names].sort()

// errors are matched by message: better-sqlite3's SqliteError is no native Error, and toThrow misses
// it when an earlier test file in the same worker loaded the addon

describePostgres('the PostgreSQL schema', () => {
  let database: TestDatabase
  let pg: Db
  let lite: Db

  beforeAll(async () => {
    database = await createTestDatabase()
    pg = await openDb({ url: database.url })
    lite = await openDb({ file: ':memory:' })
    expect(await migrateDb(pg)).toEqual(migrationsOf('postgres').map((m) => m.version))
    await migrateDb(lite)
  })

  afterAll(async () => {
    await pg?.close()
    await lite?.close()
    await database?.drop()
  })

  it('has the tables and columns of the SQLite schema, NOT NULL alike', async () => {
    const expected = await sqliteTables(lite)
    const actual = await postgresTables(pg)
    expect(sorted(actual.keys())).toEqual(sorted(expected.keys()))
    for (const [table, columns] of expected) expect({ table, columns: actual.get(table) }).toEqual({ table, columns })
  })

  it('has the named indexes of the SQLite schema', async () => {
    const expected = lite.sqlite!.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[]
    const { rows } = await sql<{ indexname: string }>`
      SELECT i.indexname FROM pg_indexes i
      WHERE i.schemaname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(pg.kysely)
    expect(sorted(rows.map((r) => r.indexname))).toEqual(sorted(expected))
  })

  it('keeps the audit log append-only with the same message as SQLite', async () => {
    for (const db of [lite, pg]) {
      const { id } = await db.kysely
        .insertInto('audit_log')
        .values({ at: '2026-01-01T00:00:00.000Z', actor_id: 'u1', actor_name: '甲', actor_role: 'admin', action: 'test', detail: '{"a":1}' })
        .returning('id')
        .executeTakeFirstOrThrow()
      expect(typeof id).toBe('number')
      await expect(db.kysely.updateTable('audit_log').set({ action: 'changed' }).where('id', '=', id).execute()).rejects.toHaveProperty(
        'message',
        expect.stringContaining('audit_log is append-only'),
      )
      await expect(db.kysely.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toHaveProperty(
        'message',
        expect.stringContaining('audit_log is append-only'),
      )
      expect(await db.kysely.selectFrom('audit_log').select('action').where('id', '=', id).executeTakeFirst()).toEqual({ action: 'test' })
    }
    await expect(sql`TRUNCATE audit_log`.execute(pg.kysely)).rejects.toHaveProperty('message', expect.stringContaining('audit_log is append-only'))
  })

  it('refuses malformed JSON like SQLite, and accepts valid JSON and NULL', async () => {
    for (const db of [lite, pg]) {
      const row = { at: '2026-01-01T00:00:00.000Z', actor_id: 'u1', actor_name: '甲', actor_role: 'admin', action: 'json' }
      await expect(
        db.kysely
          .insertInto('audit_log')
          .values({ ...row, detail: '{not json' })
          .execute(),
      ).rejects.toHaveProperty('message', expect.stringMatching(/CHECK constraint|check constraint/))
      await db.kysely
        .insertInto('audit_log')
        .values([
          { ...row, detail: null },
          { ...row, detail: '["政策", 1, null]' },
        ])
        .execute()
    }
  })

  it('gives ids from the identity column, counters as numbers', async () => {
    const a = await pg.kysely
      .insertInto('audit_log')
      .values({ at: 'x', actor_id: 'u', actor_name: 'n', actor_role: 'r', action: 'a' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const b = await pg.kysely
      .insertInto('audit_log')
      .values({ at: 'x', actor_id: 'u', actor_name: 'n', actor_role: 'r', action: 'a' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(b.id).toBe(a.id + 1)
    const { count } = await pg.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(typeof count).toBe('number')
  })

  it('applies nothing twice', async () => {
    expect(await migrateDb(pg)).toEqual([])
    const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(pg.kysely)
    expect(rows.map((r) => r.version)).toEqual(migrationsOf('postgres').map((m) => m.version))
  })
})

describePostgres('two instances migrating one PostgreSQL database at once', () => {
  let database: TestDatabase
  const dbs: Db[] = []

  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.close()))
    await database?.drop()
  })

  it('apply each migration once', async () => {
    database = await createTestDatabase()
    dbs.push(await openDb({ url: database.url }), await openDb({ url: database.url }))
    const applied = await Promise.all(dbs.map((db) => migrateDb(db)))
    const versions = migrationsOf('postgres').map((m) => m.version)
    expect(applied.flat().sort((a, b) => a - b)).toEqual(versions)
    expect(applied.some((done) => done.length === 0)).toBe(true)
    const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(dbs[0].kysely)
    expect(rows.map((r) => r.version)).toEqual(versions)
  })
})
