/**
 * 政策咨询 on either database. Both writes are exactly once under concurrent requests:
 * - asking with an Idempotency-Key: the key's record is inserted in the consultation's own
 *   transaction (ON CONFLICT DO NOTHING on its primary key); a request that finds the key taken
 *   rolls its consultation back and replays the answer stored by the one that committed;
 * - answering: the consultation's row is locked (SELECT … FOR UPDATE on PostgreSQL) before it is
 *   checked to be pending, so of concurrent replies one answers and the others see it answered.
 */
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import { ratingsOf, withRating } from './rating'
import type { Consultation, ConsultationForResponder, ConsultationInput, Page } from '../../../common/contract'
import { type Db, forUpdate } from '../../db/database'
import { pageOffset } from '../../db/paging'
import { type ConsultationListQuery, type ConsultationRecord, type ConsultationWrite, type Responder } from './types'
import { type IdempotencyRecord } from '../idempotency/record'
import { StoreConflict } from '../../db/conflict'
import { findIdempotencyRecord, IDEMPOTENT_WRITES, KeyTaken, rememberIdempotent, replayOf, withIdempotency } from '../idempotency'
import { consultationFrom, consultationInputHash, newConsultationRecord, replyHash, toConsultation, toConsultationForResponder } from './records'

export class ConsultationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /**
   * Stores a consultation (input already validated and trimmed) as pending. With a key, the
   * consultation and its idempotency record are written in one transaction; a second call with
   * the same key and input returns the first answer (`replayed`), with other input it throws
   * StoreConflict('idempotency-key-reused'). Throws for an unknown user, topic or region.
   */
  async createConsultation(userId: string, input: ConsultationInput, idempotencyKey?: string): Promise<ConsultationWrite> {
    const { scope, status } = IDEMPOTENT_WRITES.createConsultation
    const hash = consultationInputHash(input)
    if (idempotencyKey) {
      const earlier = await findIdempotencyRecord(this.db.kysely, userId, scope, idempotencyKey)
      if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
    }
    const record = newConsultationRecord(userId, input, this.now())
    const consultation = toConsultation(record)
    return withIdempotency<Consultation, ConsultationWrite>(
      this.db.kysely,
      { userId, scope, key: idempotencyKey, requestHash: hash },
      async (trx) => {
        // the key first: the primary key (user, scope, key) decides which of concurrent requests writes
        if (idempotencyKey) {
          const answer = { userId, scope, key: idempotencyKey, requestHash: hash, status, body: consultation, createdAt: record.createdAt }
          if (!(await rememberIdempotent(trx, answer))) throw new KeyTaken()
        }
        await trx
          .insertInto('consultations')
          .values({
            id: record.id,
            user_id: userId,
            topic: record.topic,
            question: record.question,
            region_code: record.regionCode,
            phone: record.phone ?? null,
            status: record.status,
            created_at: record.createdAt,
          })
          .execute()
        return { consultation, replayed: false }
      },
      (body) => ({ consultation: body, replayed: true }),
    )
  }

  /** the user's own, newest first, phone masked */
  async listConsultationsByUser(userId: string): Promise<Consultation[]> {
    const rows = await this.newestFirst(this.db.kysely.selectFrom('consultations').selectAll().where('user_id', '=', userId)).execute()
    const ratings = await ratingsOf(
      this.db.kysely,
      rows.map((r) => r.id!),
    )
    return rows.map((r) => withRating(toConsultation(consultationFrom(r)), ratings.get(r.id!)))
  }

  /** for responders: newest first, with the full phone */
  async listConsultations(query: ConsultationListQuery): Promise<Page<ConsultationForResponder>> {
    let filtered = this.db.kysely.selectFrom('consultations')
    if (query.status) filtered = filtered.where('status', '=', query.status)
    if (query.regionPattern !== undefined) filtered = filtered.where('region_code', 'like', query.regionPattern)
    const [{ total }, rows] = await Promise.all([
      filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      this.newestFirst(filtered.selectAll()).limit(query.pageSize).offset(pageOffset(query)).execute(),
    ])
    return { items: rows.map((r) => toConsultationForResponder(consultationFrom(r))), total: Number(total), page: query.page, pageSize: query.pageSize }
  }

  /**
   * Answers a pending consultation; undefined for an unknown id. An answered one throws
   * StoreConflict('already-answered') — even for identical text: only a replay of the same
   * Idempotency-Key (same id and text) returns the first answer instead.
   */
  async replyConsultation(
    id: string,
    responder: Responder,
    text: string,
    idempotencyKey?: string,
    /** in the reply's transaction, once it answered (not on a replay): the resident's message, the WeChat outbox */
    onAnswered?: (trx: Transaction<DB>, answered: ConsultationRecord & { reply: NonNullable<ConsultationRecord['reply']> }) => Promise<void>,
  ): Promise<ConsultationWrite | undefined> {
    const { scope, status } = IDEMPOTENT_WRITES.replyConsultation
    const hash = replyHash(id, text)
    return withIdempotency<Consultation, ConsultationWrite | undefined>(
      this.db.kysely,
      { userId: responder.userId, scope, key: idempotencyKey, requestHash: hash },
      async (trx) => {
        // the row is locked first: a concurrent reply waits here until this one commits, and then
        // (each statement reading what is committed) finds its key recorded or the row answered
        const row = await forUpdate(this.db, trx.selectFrom('consultations').selectAll().where('id', '=', id)).executeTakeFirst()
        const earlier = idempotencyKey && (await findIdempotencyRecord(trx, responder.userId, scope, idempotencyKey))
        if (earlier) return { consultation: replayOf<Consultation>(earlier, hash), replayed: true }
        if (!row) return undefined
        if (row.status === 'answered') throw new StoreConflict('already-answered')
        const reply = { text, department: responder.department, repliedAt: this.now().toISOString() }
        const updated = await trx
          .updateTable('consultations')
          .set({ status: 'answered', reply_text: reply.text, reply_department: reply.department, replied_by: responder.userId, replied_at: reply.repliedAt })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) throw new StoreConflict('already-answered')
        const answered = { ...consultationFrom(row), status: 'answered' as const, reply, repliedBy: responder.userId }
        const consultation = toConsultation(answered)
        if (onAnswered) await onAnswered(trx, answered)
        if (idempotencyKey) {
          const answer = { userId: responder.userId, scope, key: idempotencyKey, requestHash: hash, status, body: consultation, createdAt: reply.repliedAt }
          if (!(await rememberIdempotent(trx, answer))) throw new KeyTaken()
        }
        return { consultation, replayed: false }
      },
      (body) => ({ consultation: body, replayed: true }),
    )
  }

  /** the record of an earlier write with this key, to replay it before doing any work */
  findIdempotencyRecord(userId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return findIdempotencyRecord(this.db.kysely, userId, scope, key)
  }

  async getConsultation(id: string): Promise<ConsultationRecord | undefined> {
    const row = await this.db.kysely.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst()
    return row && consultationFrom(row)
  }

  /**
   * Newest first; among equal times the later inserted first. SQLite says that with its rowid;
   * PostgreSQL has no insertion order, so there equal times fall back to the id.
   */
  private newestFirst<QB extends { orderBy(expr: unknown, direction: 'desc'): QB }>(query: QB): QB {
    return query.orderBy('created_at', 'desc').orderBy(this.db.dialect === 'sqlite' ? sql`rowid` : 'id', 'desc')
  }
}
