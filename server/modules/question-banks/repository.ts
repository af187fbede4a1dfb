/**
 * Question banks, their versions and questions, and the console's settings of a campaign, over the
 * query layer (both databases). Plain reads and writes: the routes decide (rules.ts) and run the
 * writes in one transaction, passing `trx`.
 */
import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { containsPattern } from '../content/repository'
import type { BankQuestion, BankQuestionInput, BankQuestionQuery, BankQuestionType, CampaignRef, QuestionBankQuery } from '../../../common/contract'
import { type Db, forUpdate } from '../../db/database'
import type { DB } from '../../db/schema'
import { campaignStatus } from '../quiz/campaign-status'
import { OPTION_KEYS } from '../../../common/contract'

export type Q = Kysely<DB>

export interface BankRow {
  id: string
  org_code: string
  name: string
  topic: string
  version: number
  created_by: string
  created_at: string
  updated_at: string
}

export interface QuestionRow {
  id: string | null
  bank_id: string
  version: number
  position: number
  type: string
  stem: string
  options: string
  answer: string
  explanation: string
  topic: string
  policy_id: string | null
  updated_at: string
}

export const newId = (prefix: string): string => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 16)}`

export function questionFrom(r: QuestionRow): BankQuestion {
  return {
    id: r.id!,
    bankId: r.bank_id,
    version: r.version,
    position: r.position,
    type: r.type as BankQuestionType,
    stem: r.stem,
    options: JSON.parse(r.options) as BankQuestion['options'],
    answer: JSON.parse(r.answer) as string[],
    explanation: r.explanation,
    topic: r.topic,
    ...(r.policy_id ? { policyId: r.policy_id } : {}),
    updatedAt: r.updated_at,
  }
}

/** the stored columns of a question as an editor wrote it (options keyed A, B, C …) */
export function questionColumns(input: BankQuestionInput) {
  return {
    type: input.type,
    stem: input.stem,
    options: JSON.stringify(input.options.map((text, i) => ({ key: OPTION_KEYS[i], text }))),
    answer: JSON.stringify([...input.answer].sort()),
    explanation: input.explanation,
    topic: input.topic,
    policy_id: input.policyId || null,
  }
}

export async function getBank(db: Q, id: string): Promise<BankRow | undefined> {
  const row = await db.selectFrom('question_banks').selectAll().where('id', '=', id).executeTakeFirst()
  return row && { ...row, id: row.id! }
}

/** the bank's row, locked until the transaction ends on PostgreSQL (writes to one bank run one after the other) */
export async function lockBank(database: Db, trx: Q, id: string): Promise<BankRow | undefined> {
  const row = await forUpdate(database, trx.selectFrom('question_banks').selectAll().where('id', '=', id)).executeTakeFirst()
  return row && { ...row, id: row.id! }
}

export async function listBanks(
  db: Q,
  filter: QuestionBankQuery & { scope: string; page: number; pageSize: number },
): Promise<{ rows: BankRow[]; total: number }> {
  let query = db.selectFrom('question_banks').where('org_code', 'like', filter.scope)
  if (filter.org) query = query.where('org_code', '=', filter.org)
  if (filter.topic) query = query.where('topic', '=', filter.topic)
  if (filter.q?.trim()) query = query.where(sql<boolean>`name LIKE ${containsPattern(filter.q.trim())} ESCAPE '\\'`)
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0)
  const rows = await query
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()
  return { rows: rows.map((r) => ({ ...r, id: r.id! })), total }
}

export async function questionCounts(db: Q, bankIds: readonly string[]): Promise<Map<string, number>> {
  if (bankIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('question_bank_questions')
    .select(['bank_id', 'version', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bank_id', 'in', bankIds)
    .groupBy(['bank_id', 'version'])
    .execute()
  return new Map(rows.map((r) => [`${r.bank_id}@${r.version}`, Number(r.n)]))
}

/** questions per version and topic of a bank: `${version}` → topic → count */
export async function topicCounts(db: Q, bankId: string): Promise<Map<number, Record<string, number>>> {
  const rows = await db
    .selectFrom('question_bank_questions')
    .select(['version', 'topic', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bank_id', '=', bankId)
    .groupBy(['version', 'topic'])
    .execute()
  const out = new Map<number, Record<string, number>>()
  for (const r of rows) out.set(r.version, { ...(out.get(r.version) ?? {}), [r.topic]: Number(r.n) })
  return out
}

export interface VersionRow {
  bank_id: string
  version: number
  created_at: string
  created_by_name: string
  note: string
}

export async function listVersions(db: Q, bankId: string): Promise<VersionRow[]> {
  return db.selectFrom('question_bank_versions').selectAll().where('bank_id', '=', bankId).orderBy('version', 'desc').execute()
}

/** campaigns using versions of these banks, with their status now */
export async function campaignsOfBanks(db: Q, bankIds: readonly string[], now: Date): Promise<Map<string, CampaignRef[]>> {
  const out = new Map<string, CampaignRef[]>()
  if (bankIds.length === 0) return out
  const rows = await db
    .selectFrom('campaign_settings as s')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .select(['s.bank_id', 's.bank_version', 'c.id', 'c.title', 'c.starts_at', 'c.ends_at'])
    .where('s.bank_id', 'in', bankIds)
    .orderBy('c.id')
    .execute()
  for (const r of rows) {
    const key = `${r.bank_id}@${r.bank_version}`
    out.set(key, [...(out.get(key) ?? []), { id: r.id!, title: r.title, status: campaignStatus(r.starts_at, r.ends_at, now) }])
  }
  return out
}

export async function listQuestions(
  db: Q,
  bankId: string,
  version: number,
  filter: Omit<BankQuestionQuery, 'version'> & { page: number; pageSize: number },
): Promise<{ rows: QuestionRow[]; total: number }> {
  let query = db.selectFrom('question_bank_questions').where('bank_id', '=', bankId).where('version', '=', version)
  if (filter.topic) query = query.where('topic', '=', filter.topic)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.q?.trim()) query = query.where(sql<boolean>`stem LIKE ${containsPattern(filter.q.trim())} ESCAPE '\\'`)
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0)
  const rows = await query
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()
  return { rows, total }
}

export async function allQuestions(db: Q, bankId: string, version: number): Promise<QuestionRow[]> {
  return db
    .selectFrom('question_bank_questions')
    .selectAll()
    .where('bank_id', '=', bankId)
    .where('version', '=', version)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function getQuestion(db: Q, id: string): Promise<QuestionRow | undefined> {
  return db.selectFrom('question_bank_questions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function nextPosition(db: Q, bankId: string, version: number): Promise<number> {
  const row = await db
    .selectFrom('question_bank_questions')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('bank_id', '=', bankId)
    .where('version', '=', version)
    .executeTakeFirst()
  return row?.p === null || row?.p === undefined ? 1 : Number(row.p) + 1
}

export async function countQuestions(db: Q, bankId: string, version: number): Promise<number> {
  const row = await db
    .selectFrom('question_bank_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bank_id', '=', bankId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function insertVersion(
  trx: Q,
  v: { bankId: string; version: number; by: { id: string; name: string }; note: string; now: string },
): Promise<void> {
  await trx
    .insertInto('question_bank_versions')
    .values({ bank_id: v.bankId, version: v.version, created_by: v.by.id, created_by_name: v.by.name, created_at: v.now, note: v.note })
    .execute()
}

/**
 * Copy-on-write: version `from` copied into version from+1 under new question ids; the bank's
 * newest version becomes from+1. Answers a map old id → new id (an edit of a question then finds its copy).
 */
export async function copyVersion(
  trx: Q,
  bank: BankRow,
  by: { id: string; name: string },
  note: string,
  now: string,
): Promise<{ version: number; ids: Map<string, string> }> {
  const version = bank.version + 1
  await insertVersion(trx, { bankId: bank.id, version, by, note, now })
  const ids = new Map<string, string>()
  for (const q of await allQuestions(trx, bank.id, bank.version)) {
    const id = newId('bq')
    ids.set(q.id!, id)
    await trx
      .insertInto('question_bank_questions')
      .values({ ...q, id, version, updated_at: now })
      .execute()
  }
  await trx.updateTable('question_banks').set({ version, updated_at: now }).where('id', '=', bank.id).execute()
  return { version, ids }
}

export async function insertQuestion(trx: Q, bankId: string, version: number, input: BankQuestionInput, now: string, position?: number): Promise<string> {
  const id = newId('bq')
  await trx
    .insertInto('question_bank_questions')
    .values({
      id,
      bank_id: bankId,
      version,
      position: position ?? (await nextPosition(trx, bankId, version)),
      ...questionColumns(input),
      updated_at: now,
    })
    .execute()
  return id
}

export async function touchBank(trx: Q, bankId: string, now: string): Promise<void> {
  await trx.updateTable('question_banks').set({ updated_at: now }).where('id', '=', bankId).execute()
}

export async function knownTopics(db: Q): Promise<Map<string, string>> {
  const rows = await db.selectFrom('topics').select(['id', 'name']).orderBy('position').execute()
  return new Map(rows.map((r) => [r.id!, r.name]))
}

export async function existingPolicies(db: Q, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(Boolean))]
  if (wanted.length === 0) return new Set()
  const rows = await db.selectFrom('policies').select('id').where('id', 'in', wanted).execute()
  return new Set(rows.map((r) => r.id!))
}
