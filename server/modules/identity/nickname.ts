/**
 * Display names residents choose (boards and certificates show them): 2–12 characters, trimmed,
 * one line, no control characters, and content-checked by the route. New residents are 居民 and
 * four random digits, never 微信用户.
 */
import { randomInt } from 'node:crypto'
import { normalizeForMatch } from '../../content-check/sensitive-words'

export const NICKNAME_MIN = 2
export const NICKNAME_MAX = 12

export function defaultNickname(): string {
  return `居民${String(randomInt(0, 10_000)).padStart(4, '0')}`
}

export const RESERVED_NICKNAME_MESSAGE = '该昵称为系统或工作人员保留，请换一个'

/** words that would make a resident look official (matched after NFKC, traditional folding and dropping spaces and punctuation) */
export const RESERVED_WORDS = ['管理员', '客服', '官方', '政府', '工作人员', '政务', '宣讲员', '派单员', '答复员', '派出所', '法院', '检察院', '微信团队']
/** department-like names: 人社局, 区委, 民政厅, 便民服务中心, 办公室, 海门街道办 … */
const DEPARTMENT_LIKE = /(局|委|厅|办公室|街道办|中心|部门|委员会)$/
/** the system's default name (居民 and four digits) is never chosen, so nobody passes for another's default */
const DEFAULT_LIKE = /^居民\d{4}$/

/** whether a name is kept for the system and staff */
export function isReservedNickname(nickname: string): boolean {
  const folded = normalizeForMatch(nickname)
  return RESERVED_WORDS.some((w) => folded.includes(w)) || DEPARTMENT_LIKE.test(folded) || DEFAULT_LIKE.test(folded)
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
  if (isReservedNickname(nickname)) return { ok: false, message: RESERVED_NICKNAME_MESSAGE }
  return { ok: true, nickname }
}
