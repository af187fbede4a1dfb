import { createHash, randomBytes } from 'node:crypto'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** 32 random bytes as hex: what the client holds */
export function newSessionToken(): string {
  return randomBytes(32).toString('hex')
}

/** what the store keeps: a leaked database does not leak live tokens */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
