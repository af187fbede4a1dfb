import type { Database } from 'better-sqlite3'

/**
 * Loads a benchmark's data set without an fsync per write: SQLite's synchronous=OFF for the
 * load, FULL again after (the server's own setting). Only for loading before a measurement, when
 * nothing else runs; a crash during the load would only lose the load.
 */
export async function loadQuickly(db: Database, load: () => Promise<void>): Promise<void> {
  db.pragma('synchronous = OFF')
  try {
    await load()
  } finally {
    db.pragma('synchronous = FULL')
  }
}
