/**
 * Watches every statement the pg client sends (BEGIN and COMMIT included) by wrapping
 * `pg.Client.prototype.query`, which Kysely's pool clients all go through, and counts the round
 * trips: a statement sent while an earlier one of the same client still awaits its answer travels
 * with it (the pool's clients pipeline: server/db/database.ts sends BEGIN with a transaction's first
 * statement and COMMIT with a committing one), any other starts a round trip.
 */
import pg from 'pg'

export interface PgStatements {
  /** the texts sent since the last reset, in order */
  readonly sent: string[]
  /** texts sent as named prepared statements (server/db/prepared.ts), ever */
  readonly named: Set<string>
  roundTrips(): number
  /** forgets what was sent and the round trips (not `named`) */
  reset(): void
  /** puts pg's own query back */
  restore(): void
}

export function watchPgStatements(): PgStatements {
  const original = pg.Client.prototype.query
  const sent: string[] = []
  const named = new Set<string>()
  const inFlight = new WeakMap<pg.Client, number>()
  let roundTrips = 0
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0]
    const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '?')
    sent.push(text)
    if (typeof first === 'object' && (first as { name?: string }).name) named.add(text)
    const waiting = inFlight.get(this) ?? 0
    if (waiting === 0) roundTrips += 1
    inFlight.set(this, waiting + 1)
    const answer = (original as (...a: unknown[]) => unknown).apply(this, args)
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1)
    if (answer instanceof Promise) answer.then(done, done)
    else done()
    return answer
  } as typeof original
  return {
    sent,
    named,
    roundTrips: () => roundTrips,
    reset() {
      sent.length = 0
      roundTrips = 0
    },
    restore() {
      pg.Client.prototype.query = original
    },
  }
}
