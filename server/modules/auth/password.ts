/**
 * Staff passwords: scrypt (memory-hard, Node's own crypto), N=2^15, r=8, p=1 — 32 MiB and about
 * 110 ms per hash on this 2-core machine — with a random 16-byte salt, stored self-describing in
 * the PHC string format `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64), so the cost can rise
 * later without breaking stored hashes. Compared in constant time. The hashing runs on libuv's
 * thread pool: the event loop keeps serving while a sign-in is checked.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptCost {
  /** log2 of N */
  ln: number
  r: number
  p: number
}

export const PASSWORD_COST: ScryptCost = { ln: 15, r: 8, p: 1 }
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128
const KEY_LENGTH = 32
const SALT_LENGTH = 16
/** 128·N·r bytes are needed; stored hashes with a larger cost than this are refused, not computed */
const MAX_MEMORY = 128 * 2 ** 17 * 8 + 1024 * 1024

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.ln, r: cost.r, p: cost.p, maxmem: MAX_MEMORY }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))))
}

export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, cost)
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const m = PHC.exec(stored)
  if (!m) return undefined
  const cost = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  // a damaged or hostile row must not make the server spend unbounded memory or time
  if (cost.ln < 10 || cost.ln > 17 || cost.r < 1 || cost.r > 16 || cost.p < 1 || cost.p > 4) return undefined
  return { cost, salt: Buffer.from(m[4], 'base64'), key: Buffer.from(m[5], 'base64') }
}

/** true when `password` is the one `stored` was made from; false for a malformed hash */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.cost)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/**
 * A hash to check a password against when the username is unknown, so a wrong username costs the
 * same time as a wrong password. Made once, lazily (its password is random and never stored).
 */
let dummy: Promise<string> | undefined
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'))
  return dummy
}

/** the first rule a new password breaks, as a sentence for the user; undefined when it is fine */
export function passwordProblem(password: string, username?: string): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 个字符`
  if (length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 个字符`
  if (/^\d+$/.test(password)) return '密码不能全是数字，请加入字母或符号'
  if (password.trim() !== password) return '密码首尾不能是空格'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return undefined
}
