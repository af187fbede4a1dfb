/** what the first request with an Idempotency-Key answered (see store/idempotency.ts) */
export interface IdempotencyRecord {
  requestHash: string
  status: number
  body: unknown
  createdAt: string
}
