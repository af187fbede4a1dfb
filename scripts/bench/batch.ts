import type { Database } from 'better-sqlite3'

/**
 * Loads in one SQLite transaction (one fsync, not one per row) although the loading awaits: the
 * store's Kysely queries run on this same connection, and better-sqlite3's own transactions
 * inside become savepoints. Only for loading before a measurement, when nothing else runs.
 */
export async function inOneTransaction(db: Database, load: () => Promise<void>): Promise<void> {
  db.exec('BEGIN IMMEDIATE')
  try {
    await load()
    db.exec('COMMIT')
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  }
}
