/**
 * Sign-in codes of a scheduled lecture: six digits from the OS's CSPRNG, and the lock that makes
 * guessing them pointless — SIGN_IN_MAX_FAILURES wrong codes for one order within
 * SIGN_IN_WINDOW_MS lock sign-in to that order for SIGN_IN_LOCK_MS (the right code too), counted
 * in the database so a restart or another instance does not reset it. At 10 guesses per 10
 * minutes, trying the million codes of one order takes about 1.9 years.
 */
import { randomInt } from 'node:crypto'

export const SIGN_IN_MAX_FAILURES = 10
export const SIGN_IN_WINDOW_MS = 10 * 60_000
export const SIGN_IN_LOCK_MS = 10 * 60_000

/** a six-digit sign-in code, 000000–999999, uniformly from crypto.randomInt */
export function newSignInCode(random: (max: number) => number = (max) => randomInt(0, max)): string {
  return String(random(1_000_000)).padStart(6, '0')
}

export interface FailureState {
  failures: number
  windowStartedAt: number
  lockedUntil?: number
}

/** how long sign-in to the order stays locked at `now` (0: open) */
export function lockLeftMs(state: FailureState | undefined, now: number): number {
  return state?.lockedUntil !== undefined && state.lockedUntil > now ? state.lockedUntil - now : 0
}

/** the state after one more wrong code at `now`: a new window when the last one is over, locked at the limit */
export function afterWrongCode(state: FailureState | undefined, now: number): FailureState {
  const fresh = !state || now - state.windowStartedAt >= SIGN_IN_WINDOW_MS
  const failures = fresh ? 1 : state.failures + 1
  const windowStartedAt = fresh ? now : state.windowStartedAt
  if (failures >= SIGN_IN_MAX_FAILURES) return { failures: 0, windowStartedAt: now, lockedUntil: now + SIGN_IN_LOCK_MS }
  return { failures, windowStartedAt }
}
