/**
 * Loads the fixtures into an empty database, all or nothing (one transaction), on either dialect.
 * Rows go in as multi-row INSERTs of at most `MAX_PARAMETERS` values each (PostgreSQL allows
 * 65,535 parameters per statement, the SQLite of better-sqlite3 32,766).
 */
import { type Insertable, sql, type Transaction } from 'kysely'
import type { Region } from '../../common/contract'
import type { Fixtures } from '../../mock/types'
import { policySearchText } from '../store/policy-search'
import { seedDepartments } from '../modules/orgs/seed-departments'
import { syncRegions } from './sync-regions'
import type { Db } from './database'
import type { DB } from './schema'
import { backfillEditorialItems } from '../modules/editorial/seed'

const json = (value: unknown) => JSON.stringify(value)

/** parameters per INSERT, below both databases' limits */
export const MAX_PARAMETERS = 30_000
/** rows per INSERT whatever their width: beyond this, longer SQL gains nothing */
const MAX_ROWS = 1_000

/** any number, the same in every instance: the key of the seeding lock on PostgreSQL */
const SEED_LOCK = 7_263_311

type Tx = Transaction<DB>

async function contentExists(db: Tx): Promise<boolean> {
  const { rows } = await sql<{ seeded: number | boolean }>`SELECT (EXISTS (SELECT 1 FROM topics) OR EXISTS (SELECT 1 FROM policies)) AS seeded`.execute(db)
  return !!rows[0].seeded
}

/** whether the content tables hold anything */
export async function isSeeded(db: Db): Promise<boolean> {
  return db.kysely.transaction().execute(contentExists)
}

/**
 * Seeds in one transaction when the content tables are empty; returns whether it did. Instances
 * starting together on one PostgreSQL database take turns (a transaction-scoped advisory lock), so
 * exactly one seeds and the others find it done; on SQLite the transaction holds the only connection.
 */
export async function seedIfEmpty(db: Db, fixtures: Fixtures): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx)
    const seeded = !(await contentExists(trx))
    if (seeded) await seed(trx, fixtures)
    // the committed region tree, also into a database seeded from an older one
    else await syncRegions(trx, fixtures.regions)
    // the console's items for the public content (also for a database seeded before the console)
    await backfillEditorialItems(trx)
    // also on a database seeded before the console had departments
    await seedDepartments(trx)
    return seeded
  })
}

/** inserts rows in as few statements as the parameter limit allows */
async function insertAll<T extends keyof DB & string>(db: Tx, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]).length
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)))
  for (let i = 0; i < rows.length; i += perStatement) {
    // `as never`: Kysely cannot relate a generic table name to its row type (the caller's rows are typed)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute()
  }
}

/** every row of the fixtures, table by table, parents before children */
export function seedRows(f: Fixtures) {
  const regions: Insertable<DB['regions']>[] = []
  const addRegions = (nodes: Region[], parent: string | null) =>
    nodes.forEach((r, i) => {
      regions.push({ code: r.code, name: r.name, level: r.level, parent_code: parent, position: i })
      if (r.children) addRegions(r.children, r.code)
    })
  addRegions(f.regions, null)

  return {
    topics: f.topics.map((t, i): Insertable<DB['topics']> => ({ id: t.id, name: t.name, icon: t.icon, position: i })),
    regions,
    policies: f.policies.map((p): Insertable<DB['policies']> => ({
      id: p.id,
      title: p.title,
      doc_number: p.docNumber,
      department: p.department,
      topic: p.topic,
      published_at: p.publishedAt,
      effective_from: p.effectiveFrom ?? null,
      closes_at: p.closesAt ?? null,
      validity: p.validity,
      summary: p.summary,
      issuer: p.issuer,
      body: json({ sections: p.sections, validityNote: p.validityNote, replacedBy: p.replacedBy, interpretationIds: p.interpretationIds }),
      search_text: policySearchText(p),
    })),
    interpretations: f.interpretations.map((i): Insertable<DB['interpretations']> => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      topic: i.topic,
      department: i.department,
      policy_id: i.policyId,
      cover: i.cover,
      summary: i.summary,
      published_at: i.publishedAt,
      featured: i.featured ? 1 : 0,
      validity: i.validity,
      body: json({ blocks: i.blocks, videoIds: i.videoIds }),
    })),
    faqs: f.faqs.map((q): Insertable<DB['faqs']> => ({
      id: q.id,
      question: q.question,
      answer: q.answer,
      topic: q.topic,
      keywords: json(q.keywords),
      similar_questions: json(q.similar ?? []),
      policy_id: q.policyId ?? null,
      interpretation_id: q.interpretationId ?? null,
    })),
    videos: f.videos.map((v): Insertable<DB['videos']> => ({
      id: v.id,
      title: v.title,
      topic: v.topic,
      src: v.src,
      poster: v.poster,
      captions: v.captions,
      duration_sec: v.durationSec,
      views: v.views,
      likes: v.likes,
      interpretation_id: v.interpretationId ?? null,
      published_at: v.publishedAt,
    })),
    courses: f.courses.map((c, i): Insertable<DB['courses']> => ({
      id: c.id,
      title: c.title,
      topic: c.topic,
      department: c.department,
      cover: c.cover,
      summary: c.summary,
      position: i,
    })),
    lessons: f.courses.flatMap((c) =>
      c.lessons.map((l, j): Insertable<DB['lessons']> => ({
        id: l.id,
        course_id: c.id,
        position: j,
        title: l.title,
        src: l.src,
        poster: l.poster,
        captions: l.captions,
        duration_sec: l.durationSec,
      })),
    ),
    lecture_topics: f.lectureTopics.map((t, i): Insertable<DB['lecture_topics']> => ({
      id: t.id,
      title: t.title,
      department: t.department,
      topic: t.topic,
      summary: t.summary,
      duration_min: t.durationMin,
      formats: json(t.formats),
      lecturers: json(t.lecturers),
      rating_average: t.rating.average,
      rating_count: t.rating.count,
      position: i,
    })),
    campaigns: f.campaigns.map((c, i): Insertable<DB['campaigns']> => ({
      id: c.id,
      title: c.title,
      department: c.department,
      cover: c.cover,
      starts_at: c.startsAt,
      ends_at: c.endsAt,
      participants: c.participants,
      description: c.description,
      rules: json(c.rules),
      topics: json(c.topics),
      position: i,
    })),
    quiz_questions: f.questions.map((q): Insertable<DB['quiz_questions']> => ({
      id: q.id,
      type: q.type,
      stem: q.stem,
      options: json(q.options),
      topic: q.topic,
      answer: json(q.answer),
      explanation: q.explanation,
      interpretation_id: q.interpretationId ?? null,
    })),
    campaign_questions: f.questions.flatMap((q, i) =>
      q.campaignIds.map((campaignId): Insertable<DB['campaign_questions']> => ({ campaign_id: campaignId, question_id: q.id, position: i })),
    ),
    // 政策找人's rules of the fixture policies, as if published with them (already matched: nobody to tell yet)
    policy_rules: f.policies.flatMap((p): Insertable<DB['policy_rules']>[] => {
      const rule = f.eligibility?.[p.id]
      const at = `${p.publishedAt}T00:00:00.000Z`
      return rule ? [{ policy_id: p.id, rule: json(rule), updated_at: at, matched_at: at }] : []
    }),
  }
}

/** the tables seeding fills, in the order it fills them */
export type SeededTable = keyof ReturnType<typeof seedRows>

async function seed(db: Tx, f: Fixtures): Promise<void> {
  const rows = seedRows(f)
  for (const table of Object.keys(rows) as SeededTable[]) await insertAll(db, table, rows[table] as Insertable<DB[typeof table]>[])
}
