/**
 * Idempotent writes. A client sends `Idempotency-Key` with a write; the store keeps what the first
 * request answered, with a hash of its normalised input, in the same transaction as the write.
 * The same key with the same input replays that answer; with other input it is refused, since
 * the key would then name two intents (as in IETF draft-ietf-httpapi-idempotency-key-header).
 * Keys are per user and per scope (the route), so clients need only make them unique per user.
 * The functions below work on either database, inside the caller's transaction.
 */
import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import { type IdempotencyRecord } from './record'
import { StoreConflict } from '../../db/conflict'

/** each idempotent write: its scope (the route, as in the contract's Endpoints) and success status */
export const IDEMPOTENT_WRITES = {
  createConsultation: { scope: 'POST /consultations', status: 201 },
  replyConsultation: { scope: 'POST /consultations/:id/reply', status: 200 },
} as const

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

/** the stored answer when the input is the same; StoreConflict when the key is reused for other input */
export function replayOf<T>(record: IdempotencyRecord, hash: string): T {
  if (record.requestHash !== hash) throw new StoreConflict('idempotency-key-reused')
  return record.body as T
}

/** the database, or a transaction of it: the idempotency record is written in the write's own transaction */
export type Queryable = Kysely<DB> | Transaction<DB>

/** the record of an earlier write with this key (read it before doing any work, to replay it) */
export async function findIdempotencyRecord(db: Queryable, userId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body', 'created_at'])
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
  return row && { requestHash: row.request_hash, status: row.response_status, body: JSON.parse(row.response_body) as unknown, createdAt: row.created_at }
}

export interface IdempotentAnswer {
  userId: string
  scope: string
  key: string
  requestHash: string
  status: number
  body: unknown
  /** ISO time (the caller's clock) */
  createdAt: string
}

/**
 * Records a write's answer under its key, in the write's transaction. False when the key is
 * already recorded: the caller must then roll its write back and replay the stored answer (see
 * `withIdempotency`). The primary key (user, scope, key) is what decides, so on PostgreSQL two
 * concurrent requests with one key cannot both write: the second INSERT waits for the first
 * transaction and, once it commits, does nothing.
 */
export async function rememberIdempotent(trx: Queryable, answer: IdempotentAnswer): Promise<boolean> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: answer.userId,
      scope: answer.scope,
      key: answer.key,
      request_hash: answer.requestHash,
      response_status: answer.status,
      response_body: JSON.stringify(answer.body),
      created_at: answer.createdAt,
    })
    .onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

/** thrown inside a transaction to roll it back because another request already wrote with the key */
export class KeyTaken extends Error {
  constructor() {
    super('idempotency key already recorded')
    this.name = 'KeyTaken'
  }
}

/**
 * Runs `write` in a transaction and, when it throws KeyTaken (rememberIdempotent found the key
 * recorded by a request that committed first), answers what that request stored instead:
 * `replayOf` it, or StoreConflict('idempotency-key-reused') for other input.
 */
export async function withIdempotency<T, R>(
  db: Kysely<DB>,
  record: { userId: string; scope: string; key?: string; requestHash: string },
  write: (trx: Transaction<DB>) => Promise<R>,
  replay: (body: T) => R,
): Promise<R> {
  try {
    return await db.transaction().execute(write)
  } catch (err) {
    if (!(err instanceof KeyTaken) || !record.key) throw err
    const earlier = await findIdempotencyRecord(db, record.userId, record.scope, record.key)
    if (!earlier) throw err
    return replay(replayOf<T>(earlier, record.requestHash))
  }
}
