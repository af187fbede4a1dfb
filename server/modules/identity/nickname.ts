/**
 * Display names residents choose (boards and certificates show them): 2–12 characters, trimmed,
 * one line, no control characters, and content-checked by the route. New residents are 居民 and
 * four random digits, never 微信用户.
 */
import { randomInt } from 'node:crypto'

export const NICKNAME_MIN = 2
export const NICKNAME_MAX = 12

export function defaultNickname(): string {
  return `居民${String(randomInt(0, 10_000)).padStart(4, '0')}`
}

// C0/C1 controls (line breaks among them), line and paragraph separators, bidi overrides, zero-width
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/u

/** the nickname to store, or the Chinese reason it cannot be */
export function checkNickname(raw: string): { ok: true; nickname: string } | { ok: false; message: string } {
  if (/[\r\n\u2028\u2029]/.test(raw)) return { ok: false, message: '昵称不能换行' }
  const nickname = raw.trim()
  if (FORBIDDEN.test(nickname)) return { ok: false, message: '昵称含有不支持的字符' }
  const length = [...nickname].length
  if (length < NICKNAME_MIN) return { ok: false, message: `昵称至少${NICKNAME_MIN}个字` }
  if (length > NICKNAME_MAX) return { ok: false, message: `昵称最多${NICKNAME_MAX}个字` }
  if (nickname === '微信用户') return { ok: false, message: '请换一个昵称' }
  return { ok: true, nickname }
}
