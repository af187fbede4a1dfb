/**
 * Sign-in codes of a scheduled lecture: six digits from the OS's CSPRNG, and the counters that
 * make guessing them pointless without letting one person close a lecture to everyone else. All
 * are kept in the database (015_sign_in_misses.sql), so a restart or another instance sharing it
 * does not reset them, and each is checked and counted in the sign-in's own transaction.
 *
 * - per order and user: SIGN_IN_MAX_FAILURES wrong codes for one order within SIGN_IN_WINDOW_MS
 *   lock *that user's* sign-in to that order for SIGN_IN_LOCK_MS. Everyone else, with the right
 *   code, still signs in: wrong codes from one account are no longer a switch that closes a live
 *   lecture (the old per-order lock was).
 * - per user, by code alone (POST /lecture-sign-ins, where a wrong code names no order):
 *   CODE_ONLY_MAX_FAILURES within SIGN_IN_WINDOW_MS lock that user's code-only sign-ins for
 *   SIGN_IN_LOCK_MS.
 * - per user and Asia/Shanghai day, both routes: DAILY_MAX_FAILURES wrong codes lock all of that
 *   user's sign-ins until the day ends. Without it the per-order route alone would allow 1,440
 *   guesses a day at one order from one account; with it an account gets 30 a day, anywhere.
 * - per order, a safety net against many accounts guessing one lecture (each staying under its
 *   own 10): ORDER_ALERT_FAILURES wrong codes for one order within SIGN_IN_WINDOW_MS, from all
 *   users, put the order on alert for SIGN_IN_LOCK_MS: while on alert a single wrong code locks
 *   its sender on that order at once. It never refuses a right code from someone not locked, so
 *   it is no switch either; a room of attendees making typos stays far below 200 in 10 minutes.
 */
import { randomInt } from 'node:crypto'
import { addDays, shanghaiToday } from '../../../common/shanghai-date'

export const SIGN_IN_MAX_FAILURES = 10
export const SIGN_IN_WINDOW_MS = 10 * 60_000
export const SIGN_IN_LOCK_MS = 10 * 60_000
export const CODE_ONLY_MAX_FAILURES = 10
export const DAILY_MAX_FAILURES = 30
export const ORDER_ALERT_FAILURES = 200

/** a six-digit sign-in code, 000000–999999, uniformly from crypto.randomInt */
export function newSignInCode(random: (max: number) => number = (max) => randomInt(0, max)): string {
  return String(random(1_000_000)).padStart(6, '0')
}

/** wrong codes counted in a fixed window that starts at the first of them */
export interface FailureState {
  failures: number
  windowStartedAt: number
  lockedUntil?: number
}

/** how long the counter's lock lasts from `now` (0: open) */
export function lockLeftMs(state: FailureState | undefined, now: number): number {
  return state?.lockedUntil !== undefined && state.lockedUntil > now ? state.lockedUntil - now : 0
}

/** the state after one more wrong code at `now`: a new window when the last one is over, locked at `max` */
export function afterWrongCode(state: FailureState | undefined, now: number, max = SIGN_IN_MAX_FAILURES): FailureState {
  const fresh = !state || now - state.windowStartedAt >= SIGN_IN_WINDOW_MS
  const failures = fresh ? 1 : state.failures + 1
  const windowStartedAt = fresh ? now : state.windowStartedAt
  if (failures >= max) return { failures: 0, windowStartedAt: now, lockedUntil: now + SIGN_IN_LOCK_MS }
  return { failures, windowStartedAt }
}

/** the Asia/Shanghai day of `now` and when it ends (ms) */
export function shanghaiDayOf(now: number): { day: string; endsAt: number } {
  const day = shanghaiToday(new Date(now))
  return { day, endsAt: Date.parse(`${addDays(day, 1)}T00:00:00+08:00`) }
}
