/**
 * The rules of SMS codes: 6 digits from crypto.randomInt, stored as an HMAC with a per-code salt,
 * valid 5 minutes, dead after 5 wrong tries; one send per number per 60 s and 10 per Asia/Shanghai
 * day. A new send replaces the number's live code. All on the store's clock, so tests move time.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { type Db, forUpdate } from '../../db/database'
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
  undo: () => Promise<void>
}

export class SmsCodes {
  constructor(
    private readonly db: Pick<Db, 'dialect' | 'kysely'>,
    private readonly now: () => Date,
  ) {}

  issue(mobile: string): Promise<IssuedCode> {
    return this.db.kysely.transaction().execute(async (trx): Promise<IssuedCode> => {
      const now = this.now()
      const { start, end } = shanghaiDay(now)
      const day = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
      await trx.deleteFrom('sms_sends').where('day', '<', day).execute()
      // the number's row of the day exists (a blank one is no send) and is locked until the end of
      // this transaction, so two sends at once on PostgreSQL cannot both pass the 60 s and daily rules
      await trx
        .insertInto('sms_sends')
        .values({ mobile, day, count: 0, last_sent_at: new Date(0).toISOString() })
        .onConflict((oc) => oc.columns(['mobile', 'day']).doNothing())
        .execute()
      const sends = await forUpdate(
        this.db,
        trx.selectFrom('sms_sends').select(['count', 'last_sent_at']).where('mobile', '=', mobile).where('day', '=', day),
      ).executeTakeFirstOrThrow()
      const wait = Date.parse(sends.last_sent_at) + SMS_RESEND_MS - now.getTime()
      if (wait > 0) throw new SmsRateLimited('验证码已发送，获取过于频繁', wait, true)
      if (sends.count >= SMS_SENDS_PER_DAY) throw new SmsRateLimited('该手机号今天获取验证码的次数已达上限', end.getTime() - now.getTime())
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      const salt = randomBytes(16).toString('hex')
      const hash = hashOf(salt, mobile, code)
      const expires = new Date(now.getTime() + SMS_CODE_TTL_MS).toISOString()
      await trx
        .insertInto('sms_codes')
        .values({ mobile, salt, code_hash: hash, expires_at: expires, attempts_left: SMS_CODE_TRIES })
        .onConflict((oc) =>
          oc.column('mobile').doUpdateSet((eb) => ({
            salt: eb.ref('excluded.salt'),
            code_hash: eb.ref('excluded.code_hash'),
            expires_at: eb.ref('excluded.expires_at'),
            attempts_left: eb.ref('excluded.attempts_left'),
          })),
        )
        .execute()
      await trx
        .updateTable('sms_sends')
        .set({ count: sends.count + 1, last_sent_at: now.toISOString() })
        .where('mobile', '=', mobile)
        .where('day', '=', day)
        .execute()
      const undo = async () => {
        await this.db.kysely.transaction().execute(async (t) => {
          await t.deleteFrom('sms_codes').where('mobile', '=', mobile).where('code_hash', '=', hash).execute()
          await t.updateTable('sms_sends').set({ last_sent_at: sends.last_sent_at }).where('mobile', '=', mobile).where('day', '=', day).execute()
        })
      }
      return { code, undo }
    })
  }

  /** true, and the code is used up; otherwise a 400 saying why (and how many tries are left) */
  async verify(mobile: string, code: string): Promise<void> {
    const outcome = await this.db.kysely.transaction().execute(async (trx): Promise<string | undefined> => {
      // locked: of two tries at once on PostgreSQL, the second sees what the first left
      const row = await forUpdate(
        this.db,
        trx.selectFrom('sms_codes').select(['salt', 'code_hash', 'expires_at', 'attempts_left']).where('mobile', '=', mobile),
      ).executeTakeFirst()
      if (!row) return '请先获取验证码'
      const remove = () => trx.deleteFrom('sms_codes').where('mobile', '=', mobile).execute()
      if (Date.parse(row.expires_at) <= this.now().getTime()) {
        await remove()
        return '验证码已过期，请重新获取'
      }
      const expected = Buffer.from(row.code_hash, 'hex')
      const given = Buffer.from(hashOf(row.salt, mobile, code), 'hex')
      if (timingSafeEqual(expected, given)) {
        await remove()
        return undefined
      }
      const left = row.attempts_left - 1
      if (left <= 0) {
        await remove()
        return '验证码错误次数过多，请重新获取'
      }
      await trx.updateTable('sms_codes').set({ attempts_left: left }).where('mobile', '=', mobile).execute()
      return `验证码不正确，还可以再试 ${left} 次`
    })
    if (outcome) throw badRequest(outcome)
  }
}
