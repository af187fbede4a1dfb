/**
 * Secrets of one data directory (server_secrets, migration 014): 32 random bytes made the first
 * time a name is asked for and kept in the database, so they survive restarts and travel with
 * DATA_DIR's backups, and two deployments never share one. Never logged or sent anywhere.
 * (Mock mode and component tests run on SQLite in memory: a fresh secret per process.)
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/** the secret named `name`, made now if this database has none yet */
export function serverSecret(db: Database, name: string, now: Date = new Date()): Buffer {
  // INSERT OR IGNORE: two instances starting together on one database agree on the first one
  db.prepare('INSERT OR IGNORE INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, randomBytes(32).toString('hex'), now.toISOString())
  return Buffer.from(db.prepare('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name) as string, 'hex')
}

/**
 * The id of an anonymous video viewer: an HMAC of their address under this data directory's
 * `viewer-key`, not a bare sha256 — all 2^32 IPv4 addresses are hashed in minutes, so a bare hash
 * of an address is the address (review L8). IPv6 addresses are taken by their /64 beforehand.
 */
export function viewerKeyer(db: Database): (address: string) => string {
  let secret: Buffer | undefined
  return (address) => {
    secret ??= serverSecret(db, 'viewer-key')
    return createHmac('sha256', secret).update(address).digest('hex').slice(0, 32)
  }
}
