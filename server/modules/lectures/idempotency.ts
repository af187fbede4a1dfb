/**
 * What the lecture writes add to the shared Idempotency-Key records (server/modules/idempotency:
 * the table, the request hash, the reads and the claim): their own refusal, which the lecture
 * routes turn into the 409, and a claim that answers the earlier record in one call.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { findIdempotencyRecord, rememberIdempotent } from '../idempotency'
import type { IdempotencyRecord } from '../idempotency/record'

/** the key was used before for another input: it names two intents, so nothing is written */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('idempotency-key-reused')
    this.name = 'IdempotencyKeyReused'
  }
}

/** the stored answer when the input is the same; IdempotencyKeyReused when the key is reused for other input */
export function replayOf<T>(record: IdempotencyRecord, hash: string): T {
  if (record.requestHash !== hash) throw new IdempotencyKeyReused()
  return record.body as T
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
 * transaction now holds the key, or the record of the request that already does (the primary key
 * decides between concurrent requests, see rememberIdempotent).
 */
export async function claimIdempotency(trx: Kysely<DB>, claim: IdempotencyClaim): Promise<IdempotencyRecord | undefined> {
  const { at, ...answer } = claim
  if (await rememberIdempotent(trx, { ...answer, createdAt: at })) return undefined
  return findIdempotencyRecord(trx, claim.userId, claim.scope, claim.key)
}
