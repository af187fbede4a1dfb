/**
 * 政策找人 on either database: a resident's 我的情况 (one row, every fact nullable), the published
 * rules of policies, who was told about which policy, and the console's counts. Deleting a
 * situation deletes with it everything derived from it: the push records and the policy messages.
 */
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { EligibilityRule, FactName, Situation } from '../../../common/eligibility'
import type { DB, Situations } from '../../db/schema'
import type { Queryable } from '../idempotency'

type Row = Selectable<Situations>

/** fact → column; flags are stored 0/1 */
export const FACT_COLUMNS: Readonly<Record<FactName, keyof Row>> = {
  birthYear: 'birth_year',
  birthMonth: 'birth_month',
  county: 'county',
  township: 'township',
  employment: 'employment',
  insurance: 'insurance',
  assistance: 'assistance',
  disabilityCert: 'disability_cert',
  disabilityGrade: 'disability_grade',
  memberOver60: 'member_over60',
  memberOver80: 'member_over80',
  child: 'child',
  childBirthYear: 'child_birth_year',
  childBirthMonth: 'child_birth_month',
  maternity: 'maternity',
  landMu: 'land_mu',
  individualBusiness: 'individual_business',
  pensionYears: 'pension_years',
}

const FLAGS: ReadonlySet<FactName> = new Set(['disabilityCert', 'memberOver60', 'memberOver80', 'child', 'individualBusiness'])
export const ENTRIES = Object.entries(FACT_COLUMNS) as [FactName, keyof Row][]

export const SITUATION_COLUMNS = ENTRIES.map(([, c]) => c)

export function situationFromRow(row: Partial<Row>, entries: readonly [FactName, keyof Row][] = ENTRIES): Situation {
  const s: Record<string, unknown> = {}
  for (const [fact, column] of entries) {
    const v = row[column]
    if (v === null || v === undefined) continue
    s[fact] = FLAGS.has(fact) ? Number(v) === 1 : fact === 'landMu' ? Number(v) : v
  }
  return s as Situation
}

export function rowFromSituation(userId: string, s: Situation, consentedAt: string, at: string): Insertable<Situations> {
  const row: Record<string, unknown> = { user_id: userId, consented_at: consentedAt, updated_at: at }
  for (const [fact, column] of ENTRIES) {
    const v = s[fact]
    row[column] = v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v
  }
  return row as unknown as Insertable<Situations>
}

export interface StoredSituation {
  situation: Situation
  consentedAt: string
  updatedAt: string
}

export interface PublishedRule {
  policyId: string
  rule: EligibilityRule
  title: string
  docNumber: string
  department: string
  summary: string
  interpretationIds: string[]
}

export class PolicyMatchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async situation(userId: string): Promise<StoredSituation | undefined> {
    const row = await this.db.selectFrom('situations').selectAll().where('user_id', '=', userId).executeTakeFirst()
    if (!row) return undefined
    return { situation: situationFromRow(row), consentedAt: row.consented_at, updatedAt: row.updated_at }
  }

  /** replaces the whole situation (a fact left out is forgotten); keeps the first consent's time */
  async saveSituation(userId: string, s: Situation, at: string): Promise<StoredSituation> {
    return this.db.transaction().execute(async (trx) => {
      const earlier = await trx.selectFrom('situations').select('consented_at').where('user_id', '=', userId).executeTakeFirst()
      const consentedAt = earlier?.consented_at ?? at
      await trx.deleteFrom('situations').where('user_id', '=', userId).execute()
      await trx
        .insertInto('situations')
        .values(rowFromSituation(userId, s, consentedAt, at))
        .execute()
      return { situation: s, consentedAt, updatedAt: at }
    })
  }

  /** 删除我的情况: the situation and all that was derived from it, at once; whether there was one */
  async deleteSituation(userId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('situations').where('user_id', '=', userId).executeTakeFirst()
      await trx.deleteFrom('policy_match_pushes').where('user_id', '=', userId).execute()
      await trx.deleteFrom('messages').where('user_id', '=', userId).where('kind', '=', 'policy_match').execute()
      // a WeChat message not yet sent about a matched policy goes too
      await trx.deleteFrom('wechat_outbox').where('user_id', '=', userId).where('status', '=', 'pending').where('page', 'like', 'packages/policy/%').execute()
      return Number(r.numDeletedRows) > 0
    })
  }

  /** the rules of published policies, oldest policy first */
  async publishedRules(): Promise<PublishedRule[]> {
    const rows = await this.db
      .selectFrom('policy_rules as r')
      .innerJoin('policies as p', 'p.id', 'r.policy_id')
      .select(['r.policy_id', 'r.rule', 'p.title', 'p.doc_number', 'p.department', 'p.summary', 'p.body'])
      .orderBy('p.published_at')
      .orderBy('r.policy_id')
      .execute()
    return rows.map((r) => ({
      policyId: r.policy_id,
      rule: JSON.parse(r.rule) as EligibilityRule,
      title: r.title,
      docNumber: r.doc_number,
      department: r.department,
      summary: r.summary,
      interpretationIds: ((JSON.parse(r.body) as { interpretationIds?: string[] }).interpretationIds ?? []).slice(0, 3),
    }))
  }

  async faqsOf(policyIds: string[]): Promise<Map<string, { question: string; answer: string }[]>> {
    const map = new Map<string, { question: string; answer: string }[]>()
    if (policyIds.length === 0) return map
    const rows = await this.db.selectFrom('faqs').select(['policy_id', 'question', 'answer']).where('policy_id', 'in', policyIds).orderBy('id').execute()
    for (const r of rows) {
      const list = map.get(r.policy_id!) ?? []
      if (list.length < 2) list.push({ question: r.question, answer: r.answer })
      map.set(r.policy_id!, list)
    }
    return map
  }

  async pendingRules(): Promise<string[]> {
    const rows = await this.db.selectFrom('policy_rules').select('policy_id').where('matched_at', 'is', null).orderBy('updated_at').execute()
    return rows.map((r) => r.policy_id)
  }
}

/** at 发布 of a policy, in its transaction: its rule (or none) becomes the published one, to be matched */
export async function publishRule(trx: Queryable, policyId: string, rule: EligibilityRule | undefined, at: string): Promise<void> {
  await trx.deleteFrom('policy_rules').where('policy_id', '=', policyId).execute()
  if (rule)
    await trx
      .insertInto('policy_rules')
      .values({ policy_id: policyId, rule: JSON.stringify(rule), updated_at: at, matched_at: null })
      .execute()
}

export async function withdrawRule(trx: Queryable, policyId: string): Promise<void> {
  await trx.deleteFrom('policy_rules').where('policy_id', '=', policyId).execute()
}
