/**
 * WeChat subscription messages as an outbox: a row is written in the transaction of what it
 * announces (a consultation's reply), and sent after that commits — at once (kick) and by a timer
 * for what is due. A failed send stays 'pending' with a later next_attempt_at (1, 2, 4, 8 minutes)
 * and ends 'failed' after MAX_ATTEMPTS; the reply and its 我的消息 entry never depend on WeChat.
 * Each send first claims its row (attempts + 1, next_attempt_at moved on, only if nobody else
 * did), so two instances never send one row twice, and a crash mid-send is retried later.
 * The openid is looked up when sending: the outbox holds neither it nor a phone number, and
 * neither is logged.
 */
import { randomUUID } from 'node:crypto'
import { clearInterval, setInterval } from 'node:timers'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/database'
import type { Queryable } from '../idempotency'
import type { SendResult, SubscribeTransport } from './wechat-sender'

export const MAX_ATTEMPTS = 5
const FIRST_RETRY_MS = 60_000
/** how often the timer looks for due rows */
export const OUTBOX_INTERVAL_MS = 30_000

export interface OutboxEntry {
  userId: string
  templateId: string
  page: string
  data: Record<string, string>
}

export type OutboxStatus = 'pending' | 'sent' | 'not_sent' | 'failed'

export interface OutboxDeps {
  db: Db
  now: () => Date
  transport: SubscribeTransport
  wechatOpenid(userId: string): Promise<string | undefined>
  log: FastifyBaseLogger
}

export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1)
}

export class WechatOutbox {
  private draining?: Promise<number>
  private timer?: ReturnType<typeof setInterval>

  constructor(private readonly deps: OutboxDeps) {}

  /** a message to send once the caller's transaction commits */
  async enqueue(trx: Queryable, entry: OutboxEntry, at: string): Promise<string> {
    const id = randomUUID()
    await trx
      .insertInto('wechat_outbox')
      .values({
        id,
        user_id: entry.userId,
        template_id: entry.templateId,
        page: entry.page,
        data: JSON.stringify(entry.data),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        updated_at: at,
      })
      .execute()
    return id
  }

  /** sends what is due now; concurrent calls share one pass. Resolves to how many rows it settled or retried. */
  drain(): Promise<number> {
    this.draining ??= this.pass().finally(() => {
      this.draining = undefined
    })
    return this.draining
  }

  /** drain in the background, never throwing */
  kick(): void {
    void this.drain().catch((err: unknown) => this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'wechat outbox pass failed'))
  }

  start(intervalMs = OUTBOX_INTERVAL_MS): void {
    this.timer = setInterval(() => this.kick(), intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.draining?.catch(() => undefined)
  }

  private async pass(): Promise<number> {
    const { db } = this.deps
    const now = this.deps.now().toISOString()
    const due = await db.kysely
      .selectFrom('wechat_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(50)
      .execute()
    let handled = 0
    for (const row of due) {
      const attempts = row.attempts + 1
      const claimed = await db.kysely
        .updateTable('wechat_outbox')
        .set({ attempts, next_attempt_at: new Date(Date.parse(now) + retryDelayMs(attempts)).toISOString(), updated_at: now })
        .where('id', '=', row.id!)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) !== 1) continue
      handled++
      let status: OutboxStatus
      let error: string | null = null
      try {
        const openid = await this.deps.wechatOpenid(row.user_id)
        const result: SendResult = openid
          ? await this.deps.transport.send({ openid, templateId: row.template_id, page: row.page, data: JSON.parse(row.data) as Record<string, string> })
          : 'not_sent'
        status = result
      } catch (err) {
        // a WechatCallError's message is safe to log: a path and an errcode, no token, no openid
        error = (err instanceof Error ? err.message : String(err)).slice(0, 200)
        status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
        this.deps.log.warn({ outboxId: row.id, attempts, err: error }, 'wechat subscription message failed')
      }
      await db.kysely
        .updateTable('wechat_outbox')
        .set({ status, last_error: error, updated_at: this.deps.now().toISOString() })
        .where('id', '=', row.id!)
        .execute()
    }
    return handled
  }
}
