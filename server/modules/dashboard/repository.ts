/**
 * What the dashboard reads: editorial items of an organisation and below (the published version's
 * draft for a policy's department, validity and date, an interpretation's policy), the reviewers
 * who may take drafts in review, and the read counts. Read-only; one implementation for SQLite and
 * PostgreSQL over Kysely.
 */
import type { EditorialDrafts, EditorialSummary, EditorialType, PolicyValidity } from '../../../common/contract'
import type { Db } from '../../db/database'
import { orgPrefixPattern } from '../auth/org-scope'
import { titleOf } from '../editorial/create-item'
import { summaryFrom } from '../editorial/repository'
import { type PolicyFact, shanghaiDay } from './figures'

/** a live interpretation: the policy it interprets and the day it first went live */
export interface InterpretationFact {
  orgCode: string
  policyId: string
  day?: string
}

export interface Totals {
  policies: number
  interpretations: number
  faqs: number
  inReview: number
  drafts: number
}

export interface ReviewerFact {
  id: string
  name: string
  orgCode: string
}

export const DUE_FOR_REVIEW_MAX = 50
export const MOST_READ_MAX = 10

const parse = <T>(json: string): Partial<T> => {
  try {
    return JSON.parse(json) as Partial<T>
  } catch {
    return {}
  }
}

export class DashboardRepository {
  constructor(
    private readonly db: Pick<Db, 'kysely'>,
    private readonly orgNames: () => ReadonlyMap<string, string>,
  ) {}

  /** the live items of a type with their published version's draft */
  private live(type: EditorialType) {
    return this.db.kysely
      .selectFrom('editorial_items as e')
      .innerJoin('editorial_versions as v', (join) => join.onRef('v.item_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'))
      .where('e.type', '=', type)
      .where('e.published_version', 'is not', null)
  }

  /** the published policies of `org` and below, with their 发布日期 within from–to when given */
  async policies(org: string, from?: string, to?: string): Promise<PolicyFact[]> {
    const rows = await this.live('policy')
      .select(['e.id', 'e.org_code', 'e.first_published_at', 'v.draft'])
      .where('e.org_code', 'like', orgPrefixPattern(org))
      .execute()
    const facts: PolicyFact[] = []
    for (const r of rows) {
      const draft = parse<EditorialDrafts['policy']>(r.draft)
      const publishedAt = typeof draft.publishedAt === 'string' ? draft.publishedAt : undefined
      if (from && (!publishedAt || publishedAt < from)) continue
      if (to && (!publishedAt || publishedAt > to)) continue
      // items seeded from the fixtures were never published through the workflow: their 发布日期 counts
      const day = r.first_published_at ? shanghaiDay(r.first_published_at) : publishedAt
      if (!day) continue
      facts.push({
        id: r.id,
        orgCode: r.org_code,
        department: draft.department?.trim() || '未填写部门',
        validity: (draft.validity ?? 'valid') as PolicyValidity,
        day,
      })
    }
    return facts
  }

  /** every live interpretation, whatever its organisation (a city interpretation covers a county policy too) */
  async interpretations(): Promise<InterpretationFact[]> {
    const rows = await this.live('interpretation').select(['e.org_code', 'e.first_published_at', 'e.published_at', 'v.draft']).execute()
    return rows.flatMap((r) => {
      const draft = parse<EditorialDrafts['interpretation'] & { publishedAt?: string }>(r.draft)
      if (typeof draft.policyId !== 'string' || !draft.policyId) return []
      const at = r.first_published_at ?? r.published_at
      const day = at ? shanghaiDay(at) : typeof draft.publishedAt === 'string' ? draft.publishedAt : undefined
      return [{ orgCode: r.org_code, policyId: draft.policyId, ...(day ? { day } : {}) }]
    })
  }

  /** item counts of `org` and below: live ones per type, and the working versions in review or in drafting */
  async totals(org: string): Promise<Omit<Totals, 'policies'>> {
    const rows = await this.db.kysely
      .selectFrom('editorial_items')
      .select(['type', 'status', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.count<number | string>('published_version').as('live')])
      .where('org_code', 'like', orgPrefixPattern(org))
      .groupBy(['type', 'status'])
      .execute()
    const totals = { interpretations: 0, faqs: 0, inReview: 0, drafts: 0 }
    for (const r of rows) {
      const live = Number(r.live)
      if (r.type === 'interpretation') totals.interpretations += live
      if (r.type === 'faq') totals.faqs += live
      if (r.status === 'in_review') totals.inReview += Number(r.n)
      if (r.status === 'draft' || r.status === 'rejected') totals.drafts += Number(r.n)
    }
    return totals
  }

  /** 待复核: live items of `org` and below whose review date is before `today`, oldest first */
  async dueForReview(org: string, today: string): Promise<EditorialSummary[]> {
    const rows = await this.db.kysely
      .selectFrom('editorial_items')
      .selectAll()
      .where('org_code', 'like', orgPrefixPattern(org))
      .where('published_version', 'is not', null)
      .where('review_date', 'is not', null)
      .where('review_date', '<', today)
      .orderBy('review_date')
      .orderBy('id')
      .limit(DUE_FOR_REVIEW_MAX)
      .execute()
    const names = this.orgNames()
    return rows.map((r) => summaryFrom(r, names))
  }

  /** the items of `org` and below waiting in review, with their authors (who may not review their own) */
  async inReview(org: string): Promise<{ orgCode: string; authorId: string }[]> {
    const rows = await this.db.kysely
      .selectFrom('editorial_items')
      .select(['org_code', 'author_id'])
      .where('org_code', 'like', orgPrefixPattern(org))
      .where('status', '=', 'in_review')
      .execute()
    return rows.map((r) => ({ orgCode: r.org_code, authorId: r.author_id }))
  }

  /** the active reviewer and admin accounts of `org` and below */
  async reviewers(org: string): Promise<ReviewerFact[]> {
    const rows = await this.db.kysely
      .selectFrom('users')
      .select(['id', 'nickname', 'org_code'])
      .where('role', 'in', ['reviewer', 'admin'])
      .where('disabled_at', 'is', null)
      .where('org_code', 'like', orgPrefixPattern(org))
      .orderBy('org_code')
      .orderBy('nickname')
      .execute()
    return rows.map((r) => ({ id: r.id!, name: r.nickname, orgCode: r.org_code! }))
  }

  /** the most read live items of `org` and below, with their published titles */
  async mostRead(org: string): Promise<{ type: EditorialType; id: string; title: string; views: number }[]> {
    const rows = await this.db.kysely
      .selectFrom('content_views as c')
      .innerJoin('editorial_items as e', (join) => join.onRef('e.id', '=', 'c.id').onRef('e.type', '=', 'c.type'))
      .innerJoin('editorial_versions as v', (join) => join.onRef('v.item_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'))
      .select(['e.id', 'e.type', 'e.title', 'c.views', 'v.draft'])
      .where('e.org_code', 'like', orgPrefixPattern(org))
      .where('e.published_version', 'is not', null)
      .orderBy('c.views', 'desc')
      .orderBy('e.id')
      .limit(MOST_READ_MAX)
      .execute()
    return rows.map((r) => {
      const type = r.type as EditorialType
      const draft = parse<EditorialDrafts[typeof type]>(r.draft)
      const published = titleOf(type, draft as EditorialDrafts[typeof type]) as string | undefined
      return { type, id: r.id, title: published || r.title, views: Number(r.views) }
    })
  }
}
