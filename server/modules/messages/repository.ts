/**
 * 我的消息 on either database: the resident's own messages (consultation replies, table
 * `messages`) and 宣讲点单's notices (`lecture_notifications`, written by the lectures module)
 * read as one list, newest first. Ids are UUIDs in both tables, so an id names one message.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { LectureOrderStatus, MessagePage, ResidentMessage } from '../../../common/contract'
import type { Db } from '../../db/database'
import { pageOffset, type PageRequest } from '../../db/paging'
import type { Queryable } from '../idempotency'

export interface NewMessage {
  userId: string
  kind: 'consultation_reply' | 'policy_match' | 'information_request'
  targetId: string
  title: string
  body: string
}

interface UnionRow {
  id: string | null
  kind: string
  target_id: string
  title: string
  body: string
  created_at: string
  read_at: string | null
  lecture_status: string | null
}

const KIND_OF: Record<string, ResidentMessage['kind']> = {
  lecture: 'lecture',
  consultation_reply: 'consultation',
  policy_match: 'policy',
  information_request: 'foia',
}

function messageFrom(r: UnionRow): ResidentMessage {
  return {
    id: r.id!,
    kind: KIND_OF[r.kind] ?? 'consultation',
    title: r.title,
    body: r.body,
    createdAt: r.created_at,
    read: r.read_at !== null,
    targetId: r.target_id,
    ...(r.lecture_status !== null ? { lectureStatus: r.lecture_status as LectureOrderStatus } : {}),
  }
}

export class MessageRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** a message for the resident, in the caller's transaction (what it announces commits with it) */
  async insert(trx: Queryable, message: NewMessage, at: string): Promise<string> {
    const id = randomUUID()
    await trx
      .insertInto('messages')
      .values({
        id,
        user_id: message.userId,
        kind: message.kind,
        target_id: message.targetId,
        title: message.title,
        body: message.body,
        created_at: at,
        read_at: null,
      })
      .execute()
    return id
  }

  /** many messages at once (政策找人's batches), in the caller's transaction */
  async insertMany(trx: Queryable, messages: NewMessage[], at: string): Promise<void> {
    if (messages.length === 0) return
    await trx
      .insertInto('messages')
      .values(
        messages.map((m) => ({
          id: randomUUID(),
          user_id: m.userId,
          kind: m.kind,
          target_id: m.targetId,
          title: m.title,
          body: m.body,
          created_at: at,
          read_at: null,
        })),
      )
      .execute()
  }

  private union(userId: string) {
    const k = this.db.kysely
    const own = k
      .selectFrom('messages')
      .select(['id', 'kind', 'target_id', 'title', 'body', 'created_at', 'read_at', sql<string | null>`cast(null as text)`.as('lecture_status')])
      .where('user_id', '=', userId)
    const lectures = k
      .selectFrom('lecture_notifications')
      .select(['id', sql<string>`'lecture'`.as('kind'), 'order_id as target_id', 'title', 'body', 'created_at', 'read_at', 'status as lecture_status'])
      .where('user_id', '=', userId)
    return own.unionAll(lectures)
  }

  async list(userId: string, page: PageRequest): Promise<MessagePage> {
    const rows = await this.db.kysely
      .selectFrom(this.union(userId).as('m'))
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset(pageOffset(page))
      .execute()
    const [total, unread] = await Promise.all([this.count(userId, false), this.unreadCount(userId)])
    return { items: (rows as UnionRow[]).map(messageFrom), total, unread, page: page.page, pageSize: page.pageSize }
  }

  unreadCount(userId: string): Promise<number> {
    return this.count(userId, true)
  }

  private async count(userId: string, unreadOnly: boolean): Promise<number> {
    const counts = await Promise.all(
      (['messages', 'lecture_notifications'] as const).map(async (table) => {
        let q = this.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
        if (unreadOnly) q = q.where('read_at', 'is', null)
        return Number((await q.executeTakeFirstOrThrow()).n)
      }),
    )
    return counts[0] + counts[1]
  }

  /** false for an id that is not one of the user's messages; reading twice changes nothing */
  async markRead(userId: string, id: string): Promise<boolean> {
    const at = this.now().toISOString()
    for (const table of ['messages', 'lecture_notifications'] as const) {
      const found = await this.db.kysely.selectFrom(table).select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
      if (!found) continue
      await this.db.kysely.updateTable(table).set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute()
      return true
    }
    return false
  }

  /** every unread message of the user; how many it marked */
  async markAllRead(userId: string): Promise<number> {
    const at = this.now().toISOString()
    return this.db.kysely.transaction().execute(async (trx) => {
      let n = 0
      for (const table of ['messages', 'lecture_notifications'] as const) {
        const r = await trx.updateTable(table).set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst()
        n += Number(r.numUpdatedRows)
      }
      return n
    })
  }
}
