import { createHash, randomBytes } from 'node:crypto'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** a staff session (any role but resident) ends after this long unused */
export const STAFF_IDLE_MS = 12 * 60 * 60 * 1000
/** last-seen is written at most this often per session, not on every request */
export const SESSION_TOUCH_MS = 60 * 1000

/** 32 random bytes as hex: what the client holds */
export function newSessionToken(): string {
  return randomBytes(32).toString('hex')
}

/** what the store keeps: a leaked database does not leak live tokens */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** a session token with its hash, hashed once for all who need it in a request */
export interface SessionKey {
  token: string
  hash: string
}

export function sessionKey(token: string): SessionKey {
  return { token, hash: hashSessionToken(token) }
}

/** when a session ends: its fixed expiry, or sooner after idleMs unused */
export function sessionEnd(expiresAt: string, lastSeenAt: string, idleMs: number | null): string {
  if (idleMs === null) return expiresAt
  const idleEnd = Date.parse(lastSeenAt) + idleMs
  return idleEnd < Date.parse(expiresAt) ? new Date(idleEnd).toISOString() : expiresAt
}
