/**
 * The rules of SMS codes: 6 digits from crypto.randomInt, stored as an HMAC with a per-code salt,
 * valid 5 minutes, dead after 5 wrong tries; one send per number per 60 s and 10 per Asia/Shanghai
 * day. A new send replaces the number's live code. All on the store's clock, so tests move time.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { ApiError, badRequest } from '../../errors'
import { rateLimited } from '../../plugins/rate-limit'
import { shanghaiDay } from '../quiz/time'

export const SMS_CODE_TTL_MS = 5 * 60 * 1000
export const SMS_CODE_TRIES = 5
export const SMS_RESEND_MS = 60 * 1000
export const SMS_SENDS_PER_DAY = 10

const hashOf = (salt: string, mobile: string, code: string) => createHmac('sha256', salt).update(`${mobile}:${code}`).digest('hex')

/** a 429 that also says its wait in Retry-After (set by the route from `retryAfterMs`) */
export class SmsRateLimited extends ApiError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    /** the wait always in seconds (the 60 s rule), not in the largest unit */
    inSeconds = false,
  ) {
    const e = rateLimited(message, retryAfterMs)
    super(e.statusCode, e.code, inSeconds ? `${message}，请 ${Math.max(1, Math.ceil(retryAfterMs / 1000))} 秒后再试` : e.message)
  }
}

export interface IssuedCode {
  code: string
  /** takes the send back when the provider failed: the code dies and the 60 s wait is lifted */
  undo: () => void
}

export class SmsCodes {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  issue(mobile: string): IssuedCode {
    return this.db.transaction((): IssuedCode => {
      const now = this.now()
      const { start, end } = shanghaiDay(now)
      const day = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
      this.db.prepare('DELETE FROM sms_sends WHERE day < ?').run(day)
      const sends = this.db.prepare('SELECT count, last_sent_at FROM sms_sends WHERE mobile = ? AND day = ?').get(mobile, day) as
        { count: number; last_sent_at: string } | undefined
      if (sends) {
        const wait = Date.parse(sends.last_sent_at) + SMS_RESEND_MS - now.getTime()
        if (wait > 0) throw new SmsRateLimited('验证码已发送，获取过于频繁', wait, true)
        if (sends.count >= SMS_SENDS_PER_DAY) throw new SmsRateLimited('该手机号今天获取验证码的次数已达上限', end.getTime() - now.getTime())
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      const salt = randomBytes(16).toString('hex')
      const hash = hashOf(salt, mobile, code)
      this.db
        .prepare(
          `INSERT INTO sms_codes (mobile, salt, code_hash, expires_at, attempts_left) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (mobile) DO UPDATE SET salt = excluded.salt, code_hash = excluded.code_hash,
             expires_at = excluded.expires_at, attempts_left = excluded.attempts_left`,
        )
        .run(mobile, salt, hash, new Date(now.getTime() + SMS_CODE_TTL_MS).toISOString(), SMS_CODE_TRIES)
      this.db
        .prepare(
          `INSERT INTO sms_sends (mobile, day, count, last_sent_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (mobile, day) DO UPDATE SET count = count + 1, last_sent_at = excluded.last_sent_at`,
        )
        .run(mobile, day, now.toISOString())
      const undo = () => {
        this.db.transaction(() => {
          this.db.prepare('DELETE FROM sms_codes WHERE mobile = ? AND code_hash = ?').run(mobile, hash)
          if (sends) this.db.prepare('UPDATE sms_sends SET last_sent_at = ? WHERE mobile = ? AND day = ?').run(sends.last_sent_at, mobile, day)
          else this.db.prepare('UPDATE sms_sends SET last_sent_at = ? WHERE mobile = ? AND day = ?').run(new Date(0).toISOString(), mobile, day)
        })()
      }
      return { code, undo }
    })()
  }

  /** true, and the code is used up; otherwise a 400 saying why (and how many tries are left) */
  verify(mobile: string, code: string): void {
    const outcome = this.db.transaction((): string | undefined => {
      const row = this.db.prepare('SELECT salt, code_hash, expires_at, attempts_left FROM sms_codes WHERE mobile = ?').get(mobile) as
        { salt: string; code_hash: string; expires_at: string; attempts_left: number } | undefined
      if (!row) return '请先获取验证码'
      if (Date.parse(row.expires_at) <= this.now().getTime()) {
        this.db.prepare('DELETE FROM sms_codes WHERE mobile = ?').run(mobile)
        return '验证码已过期，请重新获取'
      }
      const expected = Buffer.from(row.code_hash, 'hex')
      const given = Buffer.from(hashOf(row.salt, mobile, code), 'hex')
      if (timingSafeEqual(expected, given)) {
        this.db.prepare('DELETE FROM sms_codes WHERE mobile = ?').run(mobile)
        return undefined
      }
      const left = row.attempts_left - 1
      if (left <= 0) {
        this.db.prepare('DELETE FROM sms_codes WHERE mobile = ?').run(mobile)
        return '验证码错误次数过多，请重新获取'
      }
      this.db.prepare('UPDATE sms_codes SET attempts_left = ? WHERE mobile = ?').run(left, mobile)
      return `验证码不正确，还可以再试 ${left} 次`
    })()
    if (outcome) throw badRequest(outcome)
  }
}
