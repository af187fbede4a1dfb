/**
 * Password attempts are counted BEFORE the password is checked (review M1). Checking costs about
 * 110 ms of scrypt on the thread pool; when the count was written only after it, 20 parallel
 * guesses all passed the "locked?" check first and 16 of them were fully evaluated. Now each
 * attempt takes a slot in one IMMEDIATE transaction (so also across processes on one database):
 *
 *   - locked (locked_until in the future) → refused at once, nothing verified;
 *   - otherwise the failure is recorded up front; the LOCK_AFTER_FAILURES-th slot within
 *     FAILURE_WINDOW_MS also sets the lock, so every later attempt is refused while it is checked;
 *   - a right password clears the row (the lock its own slot set included).
 *
 * So at most LOCK_AFTER_FAILURES passwords are ever checked per username per lock window, however
 * many arrive at once. Works on login_failures (008) for real and unknown usernames alike.
 */
import type { Database } from 'better-sqlite3'
import { FAILURE_WINDOW_MS, LOCK_AFTER_FAILURES, LOCK_MS, normaliseUsername } from '../accounts/repository'

export type Reservation =
  /** check the password; `last`: this was the final allowed try, a wrong password now locks */
  | { ok: true; last: boolean }
  /** refused without checking: locked for this long */
  | { ok: false; lockedMs: number }

export class PasswordAttempts {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** takes an attempt slot for the username, or says how long it is locked */
  reserve(username: string): Reservation {
    const name = normaliseUsername(username)
    return this.db
      .transaction((): Reservation => {
        const now = this.now()
        const row = this.db.prepare('SELECT failures, last_failed, locked_until FROM login_failures WHERE username = ?').get(name) as
          { failures: number; last_failed: string; locked_until: string | null } | undefined
        const lockedMs = row?.locked_until ? Date.parse(row.locked_until) - now.getTime() : 0
        if (lockedMs > 0) return { ok: false, lockedMs }
        const recent = row !== undefined && now.getTime() - Date.parse(row.last_failed) < FAILURE_WINDOW_MS
        const failures = (recent ? row.failures : 0) + 1
        const last = failures >= LOCK_AFTER_FAILURES
        this.db
          .prepare(
            `INSERT INTO login_failures (username, failures, last_failed, locked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_failed = excluded.last_failed,
               locked_until = excluded.locked_until`,
          )
          .run(name, failures, now.toISOString(), last ? new Date(now.getTime() + LOCK_MS).toISOString() : null)
        // counters of usernames nobody tried for a day are of no use
        this.db
          .prepare('DELETE FROM login_failures WHERE last_failed < ? AND (locked_until IS NULL OR locked_until < ?)')
          .run(new Date(now.getTime() - 24 * 3600_000).toISOString(), now.toISOString())
        return { ok: true, last }
      })
      .immediate()
  }

  /** the password was right: forget the username's attempts (and the lock its last slot set) */
  clear(username: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE username = ?').run(normaliseUsername(username))
  }
}
