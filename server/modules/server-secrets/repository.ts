/**
 * Secrets of one data directory (server_secrets, migration 014): 32 random bytes made the first
 * time a name is asked for and kept in the database, so they survive restarts and travel with
 * DATA_DIR's backups, and two deployments never share one. Never logged or sent anywhere.
 * (Mock mode and component tests run on SQLite in memory: a fresh secret per process.)
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { Db } from '../../db/database'

/** the secret named `name`, made now if this database has none yet */
export async function serverSecret(db: Db, name: string, now: Date = new Date()): Promise<Buffer> {
  // ON CONFLICT DO NOTHING on the primary key: instances starting together on one database agree on the first one
  await db.kysely
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('hex'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.kysely.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow()
  return Buffer.from(row.value, 'hex')
}

/**
 * The id of an anonymous video viewer: an HMAC of their address under this data directory's
 * `viewer-key`, not a bare sha256 — all 2^32 IPv4 addresses are hashed in minutes, so a bare hash
 * of an address is the address (review L8). IPv6 addresses are taken by their /64 beforehand.
 */
export function viewerKeyer(db: Db): (address: string) => Promise<string> {
  let secret: Promise<Buffer> | undefined
  return async (address) => {
    secret ??= serverSecret(db, 'viewer-key').catch((err: unknown) => {
      secret = undefined
      throw err
    })
    return createHmac('sha256', await secret)
      .update(address)
      .digest('hex')
      .slice(0, 32)
  }
}
