/**
 * The Idempotency-Key records of the lecture writes (table idempotency_keys, shared with the other
 * idempotent writes), over Kysely. Local to lectures until server/modules/idempotency offers the
 * same functions; the hash is the same canonical SHA-256, so records written before still match.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'

/** what the first request with an Idempotency-Key answered */
export interface IdempotencyRecord {
  requestHash: string
  status: number
  body: unknown
  createdAt: string
}

/** the key was used before for another input: it names two intents, so nothing is written */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('idempotency-key-reused')
    this.name = 'IdempotencyKeyReused'
  }
}

/** JSON with sorted keys and without undefined members: equal input, equal text */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex')
}

/** the stored answer when the input is the same; IdempotencyKeyReused when the key is reused for other input */
export function replayOf<T>(record: IdempotencyRecord, hash: string): T {
  if (record.requestHash !== hash) throw new IdempotencyKeyReused()
  return record.body as T
}

export async function findIdempotency(db: Kysely<DB>, userId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body', 'created_at'])
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
  return row && { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_body) as unknown, createdAt: row.created_at }
}

export interface IdempotencyClaim {
  userId: string
  scope: string
  key: string
  requestHash: string
  status: number
  body: unknown
  at: string
}

/**
 * Records the answer under the key inside the write's transaction: undefined when this
 * transaction now holds the key, or the record of the request that already does. The primary key
 * (user_id, scope, key) with ON CONFLICT DO NOTHING decides between concurrent requests on
 * PostgreSQL: the second waits for the first to commit, then finds its record.
 */
export async function claimIdempotency(trx: Kysely<DB>, claim: IdempotencyClaim): Promise<IdempotencyRecord | undefined> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.requestHash,
      response_status: claim.status,
      response_body: JSON.stringify(claim.body),
      created_at: claim.at,
    })
    .onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  if (inserted) return undefined
  return findIdempotency(trx, claim.userId, claim.scope, claim.key)
}
