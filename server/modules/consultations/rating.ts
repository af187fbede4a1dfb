/**
 * A resident's rating of a consultation's reply: once, by the one who asked, after the reply.
 * The consultation's id is the rating's primary key, so of concurrent or repeated ratings one is
 * stored; repeating the stored rating answers it again (a retry), a different one is refused.
 */
import type { Consultation, ReplyRating, ReplyRatingInput, ReplyRatingLevel } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { Queryable } from '../idempotency'

export type RatingOutcome =
  { ok: true; rating: ReplyRating; created: boolean } | { ok: false; reason: 'not-found' | 'not-owner' | 'not-answered' | 'already-rated' }

interface RatingRow {
  consultation_id: string | null
  level: string
  comment: string | null
  created_at: string
}

function ratingFrom(r: RatingRow): ReplyRating {
  return { level: r.level as ReplyRatingLevel, ...(r.comment !== null ? { comment: r.comment } : {}), ratedAt: r.created_at }
}

/** the ratings of these consultations, by id */
export async function ratingsOf(db: Queryable, ids: string[]): Promise<Map<string, ReplyRating>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('consultation_ratings').selectAll().where('consultation_id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.consultation_id!, ratingFrom(r)]))
}

export function withRating(c: Consultation, rating: ReplyRating | undefined): Consultation {
  return rating ? { ...c, rating } : c
}

type Refusal = Extract<RatingOutcome, { ok: false }>['reason']

/** why this user may not rate this consultation now (before any content check runs); undefined when they may */
export async function ratingRefusal(db: Db, userId: string, consultationId: string): Promise<Refusal | undefined> {
  const consultation = await db.kysely.selectFrom('consultations').select(['user_id', 'status']).where('id', '=', consultationId).executeTakeFirst()
  if (!consultation) return 'not-found'
  if (consultation.user_id !== userId) return 'not-owner'
  if (consultation.status !== 'answered') return 'not-answered'
  return undefined
}

/** input already validated, comment trimmed (and absent when empty) */
export async function rateReply(db: Db, now: Date, userId: string, consultationId: string, input: ReplyRatingInput): Promise<RatingOutcome> {
  const refusal = await ratingRefusal(db, userId, consultationId)
  if (refusal) return { ok: false, reason: refusal }
  const inserted = await db.kysely
    .insertInto('consultation_ratings')
    .values({ consultation_id: consultationId, user_id: userId, level: input.level, comment: input.comment ?? null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('consultation_id').doNothing())
    .returning('consultation_id')
    .executeTakeFirst()
  const stored = await db.kysely.selectFrom('consultation_ratings').selectAll().where('consultation_id', '=', consultationId).executeTakeFirstOrThrow()
  const rating = ratingFrom(stored)
  const created = inserted !== undefined
  if (created) return { ok: true, rating, created }
  const same = rating.level === input.level && (rating.comment ?? '') === (input.comment ?? '')
  return same ? { ok: true, rating, created } : { ok: false, reason: 'already-rated' }
}
