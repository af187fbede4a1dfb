/**
 * The gap tables (qa_gaps, qa_gap_wordings) over Kysely, for either database. Inside a transaction
 * every query goes through the transaction passed in.
 */
import { createHash } from 'node:crypto'
import { type Kysely, type Selectable, sql } from 'kysely'
import {
  QA_GAP_SAMPLES_MAX,
  type EditorialStatus,
  type QaGap,
  type QaGapQuery,
  type QaGapSource,
  type QaGapStatus,
  type StaffRef,
} from '../../../common/contract'
import type { DB, QaGaps } from '../../db/schema'
import { pageOffset } from '../../db/paging'
import { orgOf } from '../auth/org-scope'
import { containsPattern } from '../content/repository'
import { GAP_SIMILARITY, gapOrg, gapTerms, similarity } from './grouping'
import { maskPersonal } from './mask'

export type GapRow = Selectable<QaGaps>

/** how many of an organisation's most recent groups a new question is compared with */
const CANDIDATES = 500

/**
 * Counts one question that got no confident answer: masked first, then added to the most similar
 * group of its organisation or made a group of its own. Nothing is stored for a question with no
 * subject words. Returns the group's id. `source`: where it was asked (a search counts in
 * search_count too). `times`: how many askings of this very question it counts (GapWrites sends
 * those that came in while the previous write of it ran, in one).
 */
export async function recordGap(db: Kysely<DB>, question: string, now: Date, source: QaGapSource = 'qa', times = 1): Promise<string | undefined> {
  const wording = maskPersonal(question.replace(/\s+/g, ' ').trim())
  const terms = gapTerms(wording)
  if (!terms.length) return undefined
  const org = gapOrg(wording)
  const at = now.toISOString()
  const searched = source === 'search' ? times : 0
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('qa_gaps')
      .select(['id', 'terms'])
      .where('org_code', '=', org)
      .orderBy('last_seen', 'desc')
      .limit(CANDIDATES)
      .execute()
    let best: { id: string; score: number } | undefined
    for (const c of candidates) {
      const score = similarity(terms, c.terms.split(' '))
      if (score >= GAP_SIMILARITY && (!best || score > best.score)) best = { id: c.id, score }
    }
    let id: string
    if (best) {
      id = best.id
      await trx
        .updateTable('qa_gaps')
        .set((eb) => ({ ask_count: eb('ask_count', '+', times), search_count: eb('search_count', '+', searched), last_seen: at }))
        .where('id', '=', id)
        .execute()
    } else {
      // the same subject words make the same id: two instances recording it at once count one group
      id = `g-${createHash('sha256')
        .update(`${org}|${terms.join(' ')}`)
        .digest('hex')
        .slice(0, 16)}`
      await trx
        .insertInto('qa_gaps')
        .values({ id, org_code: org, status: 'open', wording, terms: terms.join(' '), ask_count: times, search_count: searched, first_seen: at, last_seen: at })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({ ask_count: eb('qa_gaps.ask_count', '+', times), search_count: eb('qa_gaps.search_count', '+', searched), last_seen: at })),
        )
        .execute()
    }
    const sample = await trx
      .updateTable('qa_gap_wordings')
      .set((eb) => ({ ask_count: eb('ask_count', '+', times), last_seen: at }))
      .where('gap_id', '=', id)
      .where('wording', '=', wording)
      .executeTakeFirst()
    if (Number(sample.numUpdatedRows) === 0) {
      const { n } = await trx
        .selectFrom('qa_gap_wordings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('gap_id', '=', id)
        .executeTakeFirstOrThrow()
      if (Number(n) < QA_GAP_SAMPLES_MAX) {
        await trx
          .insertInto('qa_gap_wordings')
          .values({ gap_id: id, wording, ask_count: times, last_seen: at })
          .onConflict((oc) => oc.columns(['gap_id', 'wording']).doNothing())
          .execute()
      }
    }
    // the representative wording is the most asked one
    const top = await trx
      .selectFrom('qa_gap_wordings')
      .select('wording')
      .where('gap_id', '=', id)
      .orderBy('ask_count', 'desc')
      .orderBy('last_seen', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (top) await trx.updateTable('qa_gaps').set({ wording: top.wording }).where('id', '=', id).where('wording', '!=', top.wording).execute()
    return id
  })
}

/** `from` and `to` are instants (ISO): last seen at or after `from`, before `to` */
export interface GapFilter extends Omit<QaGapQuery, 'page' | 'pageSize'> {
  page: number
  pageSize: number
  /** LIKE pattern of the organisations the caller covers */
  scope: string
}

export async function listGapRows(db: Kysely<DB>, filter: GapFilter): Promise<{ rows: GapRow[]; total: number }> {
  let base = db.selectFrom('qa_gaps').where('org_code', 'like', filter.scope)
  if (filter.status) base = base.where('status', '=', filter.status)
  const q = filter.q?.trim()
  if (q) {
    const pattern = containsPattern(q)
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`wording LIKE ${pattern} ESCAPE '\\'`,
        eb.exists(
          eb
            .selectFrom('qa_gap_wordings as w')
            .select('w.gap_id')
            .whereRef('w.gap_id', '=', 'qa_gaps.id')
            .where(sql<boolean>`w.wording LIKE ${pattern} ESCAPE '\\'`),
        ),
      ]),
    )
  }
  if (filter.from) base = base.where('last_seen', '>=', filter.from)
  if (filter.to) base = base.where('last_seen', '<', filter.to)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('ask_count', 'desc').orderBy('last_seen', 'desc').orderBy('id', 'asc').limit(filter.pageSize).offset(pageOffset(filter)).execute(),
  ])
  return { rows, total: Number(total) }
}

export async function getGapRow(db: Kysely<DB>, id: string): Promise<GapRow | undefined> {
  return db.selectFrom('qa_gaps').selectAll().where('id', '=', id).executeTakeFirst()
}

/** the group's samples, most asked first */
export async function samplesOf(db: Kysely<DB>, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { wording: string; count: number }[]>()
  const rows = await db
    .selectFrom('qa_gap_wordings')
    .select(['gap_id', 'wording', 'ask_count'])
    .where('gap_id', 'in', ids)
    .orderBy('ask_count', 'desc')
    .orderBy('last_seen', 'desc')
    .execute()
  const out = new Map<string, { wording: string; count: number }[]>()
  for (const r of rows) {
    const list = out.get(r.gap_id) ?? []
    list.push({ wording: r.wording, count: r.ask_count })
    out.set(r.gap_id, list)
  }
  return out
}

/** the groups as the console shows them: samples and the FAQ each became or joined */
export async function gapsFrom(db: Kysely<DB>, rows: readonly GapRow[], names: ReadonlyMap<string, string>): Promise<QaGap[]> {
  const samples = await samplesOf(
    db,
    rows.map((r) => r.id),
  )
  const faqIds = [...new Set(rows.map((r) => r.faq_id).filter((id): id is string => !!id))]
  const faqs = faqIds.length
    ? await db.selectFrom('editorial_items').select(['id', 'title', 'status', 'published_version']).where('id', 'in', faqIds).execute()
    : []
  const faqById = new Map(faqs.map((f) => [f.id, f]))
  return rows.map((r) => {
    const faq = r.faq_id ? faqById.get(r.faq_id) : undefined
    return {
      id: r.id,
      org: orgOf(r.org_code, names),
      status: r.status as QaGapStatus,
      wording: r.wording,
      count: r.ask_count,
      searchCount: r.search_count,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      samples: samples.get(r.id) ?? [],
      ...(faq ? { faq: { id: faq.id, title: faq.title, status: faq.status as EditorialStatus, live: faq.published_version !== null } } : {}),
      ...(r.handled_by_id ? { handledBy: { id: r.handled_by_id, name: r.handled_by_name ?? '' } } : {}),
      ...(r.handled_at ? { handledAt: r.handled_at } : {}),
    }
  })
}

/** moves an open (or ignored) group to `status`; false when another request handled it first */
export async function handleGap(
  trx: Kysely<DB>,
  id: string,
  from: readonly QaGapStatus[],
  status: QaGapStatus,
  by: StaffRef,
  at: string,
  faqId?: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('qa_gaps')
    .set({ status, handled_by_id: by.id, handled_by_name: by.name, handled_at: at, ...(faqId ? { faq_id: faqId } : {}) })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
