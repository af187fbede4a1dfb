/**
 * Password attempts are counted BEFORE the password is checked (review M1). Checking costs about
 * 110 ms of scrypt on the thread pool; when the count was written only after it, 20 parallel
 * guesses all passed the "locked?" check first and 16 of them were fully evaluated. Now each
 * attempt takes a slot in one transaction that locks the username's row (so also across processes
 * and instances on one database):
 *
 *   - locked (locked_until in the future) → refused at once, nothing verified;
 *   - otherwise the failure is recorded up front; the LOCK_AFTER_FAILURES-th slot within
 *     FAILURE_WINDOW_MS also sets the lock, so every later attempt is refused while it is checked;
 *   - a right password clears the row (the lock its own slot set included).
 *
 * So at most LOCK_AFTER_FAILURES passwords are ever checked per username per lock window, however
 * many arrive at once. Works on login_failures (008) for real and unknown usernames alike.
 */
import type { Db } from '../../db/database'
import { forUpdate } from '../../db/database'
import { FAILURE_WINDOW_MS, LOCK_AFTER_FAILURES, LOCK_MS, normaliseUsername } from '../accounts/repository'

export type Reservation =
  /** check the password; `last`: this was the final allowed try, a wrong password now locks */
  | { ok: true; last: boolean }
  /** refused without checking: locked for this long */
  | { ok: false; lockedMs: number }

export class PasswordAttempts {
  constructor(
    private readonly db: Pick<Db, 'dialect' | 'kysely'>,
    private readonly now: () => Date,
  ) {}

  /** takes an attempt slot for the username, or says how long it is locked */
  reserve(username: string): Promise<Reservation> {
    const name = normaliseUsername(username)
    return this.db.kysely.transaction().execute(async (trx): Promise<Reservation> => {
      const now = this.now()
      // the username's row exists (a blank one counts as no failures) and is locked until the end
      // of this transaction, so concurrent attempts on PostgreSQL take their slots one after another
      await trx
        .insertInto('login_failures')
        .values({ username: name, failures: 0, last_failed: new Date(0).toISOString(), locked_until: null })
        .onConflict((oc) => oc.column('username').doNothing())
        .execute()
      const row = await forUpdate(
        this.db,
        trx.selectFrom('login_failures').select(['failures', 'last_failed', 'locked_until']).where('username', '=', name),
      ).executeTakeFirstOrThrow()
      const lockedMs = row.locked_until ? Date.parse(row.locked_until) - now.getTime() : 0
      if (lockedMs > 0) return { ok: false, lockedMs }
      const recent = now.getTime() - Date.parse(row.last_failed) < FAILURE_WINDOW_MS
      const failures = (recent ? row.failures : 0) + 1
      const last = failures >= LOCK_AFTER_FAILURES
      await trx
        .updateTable('login_failures')
        .set({ failures, last_failed: now.toISOString(), locked_until: last ? new Date(now.getTime() + LOCK_MS).toISOString() : null })
        .where('username', '=', name)
        .execute()
      // counters of usernames nobody tried for a day are of no use
      const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString()
      await trx
        .deleteFrom('login_failures')
        .where('last_failed', '<', dayAgo)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
        .execute()
      return { ok: true, last }
    })
  }

  /** the password was right: forget the username's attempts (and the lock its last slot set) */
  async clear(username: string): Promise<void> {
    await this.db.kysely.deleteFrom('login_failures').where('username', '=', normaliseUsername(username)).execute()
  }
}
