/**
 * A tiny migrator for both databases: applies `migrations/<dialect>/NNN_name.sql` in order, each
 * in its own transaction, and records it in schema_migrations so a restart applies nothing twice.
 * SQLite keeps its history of migrations; PostgreSQL starts from one schema equal to where that
 * history ends (server/db/__tests__ compares the two) and goes on from there. On PostgreSQL an
 * advisory lock makes instances that start together migrate one after the other.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Db, Dialect } from './database'

export const MIGRATIONS_ROOT = join(__dirname, 'migrations')
export const MIGRATIONS_DIR = join(MIGRATIONS_ROOT, 'sqlite')

const MIGRATION_FILE = /^(\d+)_[\w-]+\.sql$/

/** any number, the same in every instance: the key of the migration lock */
const MIGRATION_LOCK = 7_263_310

export interface Migration {
  version: number
  name: string
  sql: string
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({ version: Number(match[1]), name, sql: readFileSync(join(dir, name), 'utf8') }))
    .sort((a, b) => a.version - b.version)
}

export function migrationsOf(dialect: Dialect): Migration[] {
  return readMigrations(join(MIGRATIONS_ROOT, dialect))
}

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`

/** SQLite: returns the versions it applied */
export function migrate(db: Database, migrations = readMigrations()): number[] {
  db.exec(SCHEMA_MIGRATIONS)
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  const done: number[] = []
  for (const m of migrations) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.version, m.name, new Date().toISOString())
    })()
    done.push(m.version)
  }
  return done
}

/** either database: returns the versions it applied */
export async function migrateDb(db: Db, migrations = migrationsOf(db.dialect)): Promise<number[]> {
  if (db.sqlite) return db.withSqlite!((sqlite) => migrate(sqlite, migrations))
  const client = await db.pool!.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(SCHEMA_MIGRATIONS)
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)))
    const done: number[] = []
    for (const m of migrations) {
      if (applied.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
      done.push(m.version)
    }
    return done
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}
