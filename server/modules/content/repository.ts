/**
 * The published content: topics, departments, the region tree, policies, interpretations and
 * FAQs. Read-only (seeded, and later written by the console), one implementation over Kysely for
 * SQLite and PostgreSQL.
 */
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, sql, type SqlBool } from 'kysely'
import type { Faq, Interpretation, InterpretationSummary, Page, Policy, PolicySummary, Region, Topic } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { pageOffset } from '../../db/paging'
import { searchTerms } from '../../store/policy-search'
import type { PageRequest } from '../../db/paging'
import { orgNames } from '../auth/org-scope'
import { sortedDistinct } from './collation'
import {
  faqFrom,
  type FaqRow,
  INTERPRETATION_SUMMARY_COLUMNS,
  interpretationFrom,
  type InterpretationDetailRow,
  type InterpretationRow,
  interpretationSummaryFrom,
  POLICY_SUMMARY_COLUMNS,
  policyFrom,
  type PolicyDetailRow,
  type PolicyRow,
  policySummaryFrom,
} from './rows'

export interface PolicySearch extends PageRequest {
  /** free text; whitespace-separated terms must all match title, 文号, summary or section text */
  q?: string
  topic?: string
  /** department name, exactly as in /departments */
  dept?: string
  /** YYYY-MM-DD: policies still open that day come before those already closed (最新政策) */
  openFirstOn?: string
}

export interface InterpretationSearch extends PageRequest {
  policyId?: string
  topic?: string
  featured?: boolean
}

/** a LIKE pattern for `term` anywhere in the text, LIKE's own `%`, `_` and `\` taken literally (ESCAPE '\') */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export class ContentRepository {
  private orgNameMap?: Promise<ReadonlyMap<string, string>>
  /** bumped when the console publishes or withdraws a FAQ: the Q&A index built before it is stale */
  faqGeneration = 0

  constructor(
    private readonly db: Db,
    readonly now: () => Date,
  ) {}

  async listTopics(): Promise<Topic[]> {
    return this.db.kysely.selectFrom('topics').select(['id', 'name', 'icon']).orderBy('position').execute() as Promise<Topic[]>
  }

  /** the departments that issued policies, in pinyin order */
  async listDepartments(): Promise<string[]> {
    const rows = await this.db.kysely.selectFrom('policies').select('department').distinct().execute()
    return sortedDistinct(rows.map((r) => r.department))
  }

  async regionTree(): Promise<Region[]> {
    const rows = await this.db.kysely
      .selectFrom('regions')
      .select(['code', 'name', 'level', 'parent_code'])
      .where('retired', '=', 0)
      .orderBy('position')
      .execute()
    const children = new Map<string | null, Region[]>()
    for (const r of rows) {
      const list = children.get(r.parent_code) ?? []
      list.push({ code: r.code!, name: r.name, level: r.level as Region['level'] })
      children.set(r.parent_code, list)
    }
    const attach = (nodes: Region[]): Region[] =>
      nodes.map((n) => {
        const kids = children.get(n.code)
        return kids ? { ...n, children: attach(kids) } : n
      })
    return attach(children.get(null) ?? [])
  }

  /** 台州市 and the counties and townships of the region tree by code (regions do not change while running) */
  orgNames(): Promise<ReadonlyMap<string, string>> {
    if (!this.orgNameMap) {
      this.orgNameMap = this.regionTree().then(orgNames)
      // a failed read is not kept: the next call reads again
      this.orgNameMap.catch(() => (this.orgNameMap = undefined))
    }
    return this.orgNameMap
  }

  async searchPolicies(query: PolicySearch): Promise<Page<PolicySummary>> {
    const filtered = <O>(qb: SelectQueryBuilder<DB, 'policies', O>) => {
      if (query.topic) qb = qb.where('topic', '=', query.topic)
      if (query.dept) qb = qb.where('department', '=', query.dept)
      // search_text and the terms are lower-cased alike (store/policy-search.ts), so LIKE matches
      // exactly what instr() did, on both databases (PostgreSQL's LIKE is case-sensitive, SQLite's not)
      for (const term of searchTerms(query.q)) qb = qb.where((eb) => contains(eb, term))
      return qb
    }
    const from = this.db.kysely.selectFrom('policies')
    const [{ total }, rows] = await Promise.all([
      filtered(from.select((eb) => eb.fn.countAll<number>().as('total'))).executeTakeFirstOrThrow(),
      filtered(from.select(POLICY_SUMMARY_COLUMNS))
        .$if(!!query.openFirstOn, (qb) => qb.orderBy(sql`case when closes_at < ${query.openFirstOn} then 1 else 0 end`))
        .orderBy('published_at', 'desc')
        .orderBy(this.bytewise('id'))
        .limit(query.pageSize)
        .offset(pageOffset(query))
        .execute(),
    ])
    return { items: (rows as PolicyRow[]).map(policySummaryFrom), total, page: query.page, pageSize: query.pageSize }
  }

  async getPolicy(id: string): Promise<Policy | undefined> {
    const row = await this.db.kysely
      .selectFrom('policies')
      .select([...POLICY_SUMMARY_COLUMNS, 'issuer', 'body'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && policyFrom(row as PolicyDetailRow)
  }

  async listInterpretations(query: InterpretationSearch): Promise<Page<InterpretationSummary>> {
    const filtered = <O>(qb: SelectQueryBuilder<DB, 'interpretations', O>) => {
      if (query.policyId) qb = qb.where('policy_id', '=', query.policyId)
      if (query.topic) qb = qb.where('topic', '=', query.topic)
      if (query.featured !== undefined) qb = qb.where('featured', '=', query.featured ? 1 : 0)
      return qb
    }
    const from = this.db.kysely.selectFrom('interpretations')
    const [{ total }, rows] = await Promise.all([
      filtered(from.select((eb) => eb.fn.countAll<number>().as('total'))).executeTakeFirstOrThrow(),
      filtered(from.select(INTERPRETATION_SUMMARY_COLUMNS))
        .orderBy('published_at', 'desc')
        .orderBy(this.bytewise('id'))
        .limit(query.pageSize)
        .offset(pageOffset(query))
        .execute(),
    ])
    return { items: (rows as InterpretationRow[]).map(interpretationSummaryFrom), total, page: query.page, pageSize: query.pageSize }
  }

  async getInterpretation(id: string): Promise<Interpretation | undefined> {
    const row = await this.db.kysely
      .selectFrom('interpretations')
      .select([...INTERPRETATION_SUMMARY_COLUMNS, 'validity', 'body'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && interpretationFrom(row as InterpretationDetailRow)
  }

  async getFaq(id: string): Promise<Faq | undefined> {
    const row = await this.db.kysely.selectFrom('faqs').selectAll().where('id', '=', id).executeTakeFirst()
    return row && faqFrom(row as FaqRow)
  }

  /** the FAQs about one policy (by id): the policy page links them */
  async listFaqsOfPolicy(policyId: string): Promise<Faq[]> {
    const rows = await this.db.kysely.selectFrom('faqs').selectAll().where('policy_id', '=', policyId).orderBy(this.bytewise('id')).execute()
    return (rows as FaqRow[]).map(faqFrom)
  }

  /** the console changed the published FAQs (after its transaction committed) */
  faqsChanged(): void {
    this.faqGeneration += 1
  }

  /** every FAQ, for the Q&A index (ordered by id) */
  async listFaqs(): Promise<Faq[]> {
    const rows = await this.db.kysely.selectFrom('faqs').selectAll().orderBy(this.bytewise('id')).execute()
    return (rows as FaqRow[]).map(faqFrom)
  }

  /**
   * A text column ordered by its bytes, as SQLite's BINARY collation does: PostgreSQL would order
   * by the database's collation (en_US and zh_CN ignore punctuation at first), and pages must not
   * depend on how the server was installed.
   */
  private bytewise(column: 'id'): Expression<string> {
    return this.db.dialect === 'postgres' ? sql<string>`${sql.ref(column)} COLLATE "C"` : sql<string>`${sql.ref(column)}`
  }
}

function contains(eb: ExpressionBuilder<DB, 'policies'>, term: string): Expression<SqlBool> {
  return sql<SqlBool>`${eb.ref('search_text')} LIKE ${containsPattern(term)} ESCAPE '\\'`
}
