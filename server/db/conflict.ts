export type StoreConflictReason = 'idempotency-key-reused' | 'already-answered'

/** a write refused because of what is already stored; nothing was changed */
export class StoreConflict extends Error {
  constructor(readonly reason: StoreConflictReason) {
    super(reason)
    this.name = 'StoreConflict'
  }
}
