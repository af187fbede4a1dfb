/**
 * Idempotent writes. A client sends `Idempotency-Key` with a write; the store keeps what the first
 * request answered, with a hash of its normalised input, in the same transaction as the write.
 * The same key with the same input replays that answer; with other input it is refused, since
 * the key would then name two intents (as in IETF draft-ietf-httpapi-idempotency-key-header).
 * Keys are per user and per scope (the route), so clients need only make them unique per user.
 */
import { createHash } from 'node:crypto'
import { type IdempotencyRecord, StoreConflict } from '../../store/store'

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
