/**
 * The console lists what residents already read: every public policy, interpretation, FAQ and
 * banner without an editorial item becomes one, published (version 1, live), maintained by
 * 台州市 and authored by 系统导入. Runs in the seeding transaction, at every start while the
 * editorial tables are empty (a database seeded before the console had none); ON CONFLICT DO
 * NOTHING makes a second instance's run harmless.
 */
import type { Insertable, Kysely } from 'kysely'
import type { BannerDraft, EditorialType, FaqDraft, InterpretationDraft, Policy, PolicyDraft, PolicySection } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { CITY_ORG_CODE } from '../auth/org-scope'
import { similarFrom } from '../content/rows'

export const SYSTEM_AUTHOR = { id: 'system', name: '系统导入' } as const
const ROWS_PER_INSERT = 200

/** a Shanghai day as the instant it began */
const dayStart = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00+08:00`).toISOString() : undefined)

interface Imported {
  id: string
  type: EditorialType
  title: string
  topic: string | null
  draft: unknown
  publishedAt?: string
}

export async function backfillEditorialItems(trx: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const any = await trx.selectFrom('editorial_items').select('id').limit(1).executeTakeFirst()
  if (any) return 0
  const [policies, interpretations, faqs, banners, rules] = await Promise.all([
    trx.selectFrom('policies').selectAll().execute(),
    trx.selectFrom('interpretations').selectAll().execute(),
    trx.selectFrom('faqs').selectAll().execute(),
    trx.selectFrom('banners').selectAll().execute(),
    trx.selectFrom('policy_rules').select(['policy_id', 'rule']).execute(),
  ])
  const ruleOf = new Map(rules.map((r) => [r.policy_id, JSON.parse(r.rule) as PolicyDraft['eligibility']]))
  const items: Imported[] = []
  for (const p of policies) {
    const body = JSON.parse(p.body) as Partial<Policy> & { sections: PolicySection[] }
    const draft: PolicyDraft = {
      title: p.title,
      docNumber: p.doc_number,
      issuer: p.issuer,
      department: p.department,
      topic: p.topic,
      regionCode: body.regionCode ?? CITY_ORG_CODE,
      ...(body.writtenAt ? { writtenAt: body.writtenAt } : {}),
      publishedAt: p.published_at,
      ...(p.effective_from ? { effectiveFrom: p.effective_from } : {}),
      ...(p.closes_at ? { closesAt: p.closes_at } : {}),
      summary: p.summary,
      sections: body.sections,
      ...(body.attachment ? { attachment: body.attachment } : {}),
      ...(body.sourceUrl ? { sourceUrl: body.sourceUrl } : {}),
      validity: p.validity as PolicyDraft['validity'],
      ...(body.replacedBy ? { replacedBy: body.replacedBy } : {}),
      ...(body.repealedAt ? { repealedAt: body.repealedAt } : {}),
      ...(body.validityNote ? { validityNote: body.validityNote } : {}),
      ...(ruleOf.has(p.id!) ? { eligibility: ruleOf.get(p.id!) } : {}),
    }
    items.push({ id: p.id!, type: 'policy', title: p.title, topic: p.topic, draft, publishedAt: dayStart(p.published_at) })
  }
  for (const i of interpretations) {
    const body = JSON.parse(i.body) as Pick<InterpretationDraft, 'blocks' | 'videoIds'>
    const draft: InterpretationDraft = {
      title: i.title,
      kind: i.kind as InterpretationDraft['kind'],
      topic: i.topic,
      department: i.department,
      policyId: i.policy_id,
      cover: i.cover,
      summary: i.summary,
      featured: i.featured === 1,
      blocks: body.blocks,
      videoIds: body.videoIds,
      faqIds: faqs.filter((f) => f.interpretation_id === i.id).map((f) => f.id!),
    }
    items.push({ id: i.id!, type: 'interpretation', title: i.title, topic: i.topic, draft, publishedAt: dayStart(i.published_at) })
  }
  for (const f of faqs) {
    const draft: FaqDraft = {
      question: f.question,
      answer: f.answer,
      topic: f.topic,
      keywords: JSON.parse(f.keywords) as string[],
      ...similarFrom(f.similar_questions),
      ...(f.policy_id ? { policyId: f.policy_id } : {}),
      ...(f.interpretation_id ? { interpretationId: f.interpretation_id } : {}),
    }
    items.push({ id: f.id!, type: 'faq', title: f.question, topic: f.topic, draft })
  }
  for (const b of banners) {
    const draft: BannerDraft = { title: b.title, image: b.image, alt: b.alt, link: b.link, startsAt: b.starts_at, endsAt: b.ends_at, position: b.position }
    items.push({ id: b.id, type: 'banner', title: b.title, topic: null, draft })
  }

  const at = now.toISOString()
  const itemRows = items.map((it): Insertable<DB['editorial_items']> => ({
    id: it.id,
    type: it.type,
    org_code: CITY_ORG_CODE,
    status: 'published',
    title: it.title,
    topic: it.topic,
    version: 1,
    published_version: 1,
    revision: 1,
    author_id: SYSTEM_AUTHOR.id,
    author_name: SYSTEM_AUTHOR.name,
    updated_by_id: SYSTEM_AUTHOR.id,
    updated_by_name: SYSTEM_AUTHOR.name,
    created_at: at,
    updated_at: at,
    published_at: it.publishedAt ?? at,
    first_published_at: it.publishedAt ?? at,
  }))
  const versionRows = items.map((it): Insertable<DB['editorial_versions']> => ({
    item_id: it.id,
    version: 1,
    draft: JSON.stringify(it.draft),
    author_id: SYSTEM_AUTHOR.id,
    author_name: SYSTEM_AUTHOR.name,
    created_at: at,
  }))
  for (let i = 0; i < itemRows.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('editorial_items')
      .values(itemRows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('editorial_versions')
      .values(versionRows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.columns(['item_id', 'version']).doNothing())
      .execute()
  }
  return items.length
}
