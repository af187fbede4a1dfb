/**
 * Publishing copies a version's draft into the public table residents read (policies,
 * interpretations, faqs, banners) and withdrawing deletes it, in the caller's transaction, with
 * the links that go both ways: a policy lists its published interpretations, a FAQ names the
 * interpretation that links it. The public readers never read the editorial tables.
 */
import type { Kysely } from 'kysely'
import type { BannerDraft, EditorialDrafts, EditorialType, FaqDraft, InterpretationDraft, Policy, PolicyDraft } from '../../../common/contract'
import { shanghaiToday } from '../../../common/shanghai-date'
import type { DB } from '../../db/schema'
import { policySearchText } from '../../store/policy-search'
import { publishItemUploads } from './uploads'
import { publishRule, withdrawRule } from '../policy-match/repository'
import { publishCourse, publishVideo, unpublishCourse, unpublishVideo } from '../media-admin/drafts'

/** the public reads whose answers change when an item of the type is published or withdrawn (under the API prefix) */
export const PUBLIC_PATHS: Readonly<Record<EditorialType, readonly string[]>> = {
  policy: ['/home', '/policies', '/departments', '/interpretations', '/search'],
  interpretation: ['/home', '/interpretations', '/policies', '/faqs', '/search'],
  faq: ['/faqs', '/qa', '/search'],
  banner: ['/home', '/banners'],
  video: ['/videos', '/courses', '/search'],
  course: ['/courses', '/search'],
}

const json = (value: unknown) => JSON.stringify(value)

/** the interpretations published for a policy, oldest first, written into its body */
async function relinkPolicy(trx: Kysely<DB>, policyId: string): Promise<void> {
  const policy = await trx.selectFrom('policies').select('body').where('id', '=', policyId).executeTakeFirst()
  if (!policy) return
  const rows = await trx.selectFrom('interpretations').select('id').where('policy_id', '=', policyId).orderBy('published_at').orderBy('id').execute()
  const body = JSON.parse(policy.body) as Record<string, unknown>
  body.interpretationIds = rows.map((r) => r.id!)
  await trx
    .updateTable('policies')
    .set({ body: json(body) })
    .where('id', '=', policyId)
    .execute()
}

async function publishPolicy(trx: Kysely<DB>, id: string, d: PolicyDraft, today: string, now: Date): Promise<void> {
  const interpretations = await trx.selectFrom('interpretations').select('id').where('policy_id', '=', id).orderBy('published_at').orderBy('id').execute()
  const policy: Policy = {
    id,
    title: d.title,
    docNumber: d.docNumber,
    department: d.department,
    topic: d.topic,
    publishedAt: d.publishedAt || today,
    ...(d.effectiveFrom ? { effectiveFrom: d.effectiveFrom } : {}),
    ...(d.closesAt ? { closesAt: d.closesAt } : {}),
    validity: d.validity,
    summary: d.summary,
    issuer: d.issuer,
    sections: d.sections ?? [],
    ...(d.validityNote ? { validityNote: d.validityNote } : {}),
    ...(d.replacedBy ? { replacedBy: d.replacedBy } : {}),
    interpretationIds: interpretations.map((r) => r.id!),
    ...(d.writtenAt ? { writtenAt: d.writtenAt } : {}),
    ...(d.attachment ? { attachment: d.attachment } : {}),
    ...(d.sourceUrl ? { sourceUrl: d.sourceUrl } : {}),
    ...(d.repealedAt ? { repealedAt: d.repealedAt } : {}),
    ...(d.regionCode ? { regionCode: d.regionCode } : {}),
  }
  const { sections, validityNote, replacedBy, interpretationIds, writtenAt, attachment, sourceUrl, repealedAt, regionCode } = policy
  await trx.deleteFrom('policies').where('id', '=', id).execute()
  await trx
    .insertInto('policies')
    .values({
      id,
      title: policy.title,
      doc_number: policy.docNumber,
      department: policy.department,
      topic: policy.topic,
      published_at: policy.publishedAt,
      effective_from: policy.effectiveFrom ?? null,
      closes_at: policy.closesAt ?? null,
      validity: policy.validity,
      summary: policy.summary,
      issuer: policy.issuer,
      body: json({ sections, validityNote, replacedBy, interpretationIds, writtenAt, attachment, sourceUrl, repealedAt, regionCode }),
      search_text: policySearchText(policy),
    })
    .execute()
  // an interpretation shows the validity of the policy it explains
  await trx.updateTable('interpretations').set({ validity: policy.validity }).where('policy_id', '=', id).execute()
  // 政策找人: the reviewed rule goes live with the policy (a repealed policy finds nobody)
  await publishRule(trx, id, policy.validity === 'repealed' ? undefined : d.eligibility, now.toISOString())
}

async function publishInterpretation(trx: Kysely<DB>, id: string, d: InterpretationDraft, today: string): Promise<void> {
  const earlier = await trx.selectFrom('interpretations').select(['policy_id', 'published_at']).where('id', '=', id).executeTakeFirst()
  const policy = await trx.selectFrom('policies').select('validity').where('id', '=', d.policyId).executeTakeFirst()
  await trx.deleteFrom('interpretations').where('id', '=', id).execute()
  await trx
    .insertInto('interpretations')
    .values({
      id,
      title: d.title,
      kind: d.kind,
      topic: d.topic,
      department: d.department,
      policy_id: d.policyId,
      cover: d.cover,
      summary: d.summary,
      // a corrected interpretation keeps the date it first appeared on
      published_at: earlier?.published_at ?? today,
      featured: d.featured ? 1 : 0,
      validity: policy?.validity ?? 'valid',
      body: json({ blocks: d.blocks ?? [], videoIds: d.videoIds ?? [] }),
    })
    .execute()
  await relinkPolicy(trx, d.policyId)
  if (earlier && earlier.policy_id !== d.policyId) await relinkPolicy(trx, earlier.policy_id)
  const faqIds = d.faqIds ?? []
  let unlinked = trx.updateTable('faqs').set({ interpretation_id: null }).where('interpretation_id', '=', id)
  if (faqIds.length) unlinked = unlinked.where('id', 'not in', faqIds)
  await unlinked.execute()
  if (faqIds.length) await trx.updateTable('faqs').set({ interpretation_id: id }).where('id', 'in', faqIds).execute()
}

async function publishFaq(trx: Kysely<DB>, id: string, d: FaqDraft): Promise<void> {
  await trx.deleteFrom('faqs').where('id', '=', id).execute()
  await trx
    .insertInto('faqs')
    .values({
      id,
      question: d.question,
      answer: d.answer,
      topic: d.topic,
      keywords: json(d.keywords ?? []),
      similar_questions: json(d.similar ?? []),
      policy_id: d.policyId || null,
      interpretation_id: d.interpretationId || null,
    })
    .execute()
}

async function publishBanner(trx: Kysely<DB>, id: string, d: BannerDraft): Promise<void> {
  await trx.deleteFrom('banners').where('id', '=', id).execute()
  await trx
    .insertInto('banners')
    .values({ id, title: d.title, image: d.image, alt: d.alt, link: d.link, starts_at: d.startsAt, ends_at: d.endsAt, position: d.position ?? 0 })
    .execute()
}

/** makes `draft` the public row of item `id` (replacing the live one), and the uploads it uses public */
export async function publishDraft<T extends EditorialType>(trx: Kysely<DB>, type: T, id: string, draft: EditorialDrafts[T], now: Date): Promise<void> {
  await publishItemUploads(trx, type, id, draft, now)
  const today = shanghaiToday(now)
  switch (type) {
    case 'policy':
      return publishPolicy(trx, id, draft as PolicyDraft, today, now)
    case 'interpretation':
      return publishInterpretation(trx, id, draft as InterpretationDraft, today)
    case 'faq':
      return publishFaq(trx, id, draft as FaqDraft)
    case 'banner':
      return publishBanner(trx, id, draft as BannerDraft)
    case 'video':
      return publishVideo(trx, id, draft as EditorialDrafts['video'], today)
    case 'course':
      return publishCourse(trx, id, draft as EditorialDrafts['course'])
  }
}

/** deletes the public row of item `id` and the links to it */
export async function unpublish(trx: Kysely<DB>, type: EditorialType, id: string): Promise<void> {
  switch (type) {
    case 'policy':
      await trx.deleteFrom('policies').where('id', '=', id).execute()
      await withdrawRule(trx, id)
      return
    case 'interpretation': {
      const row = await trx.selectFrom('interpretations').select('policy_id').where('id', '=', id).executeTakeFirst()
      await trx.deleteFrom('interpretations').where('id', '=', id).execute()
      if (row) await relinkPolicy(trx, row.policy_id)
      await trx.updateTable('faqs').set({ interpretation_id: null }).where('interpretation_id', '=', id).execute()
      return
    }
    case 'faq':
      await trx.deleteFrom('faqs').where('id', '=', id).execute()
      return
    case 'banner':
      await trx.deleteFrom('banners').where('id', '=', id).execute()
      return
    case 'video':
      return unpublishVideo(trx, id)
    case 'course':
      return unpublishCourse(trx, id)
  }
}
