/**
 * What the 送审 checks need to know about other content: whether a linked policy, interpretation,
 * FAQ or video exists and is published (the public tables), or exists only in the workflow
 * (editorial_items, working version); which interpretation a FAQ names; which FAQs an
 * interpretation lists; whether a policy has an interpretation. Reads only, on any Kysely (the
 * caller's transaction included).
 */
import type { Kysely } from 'kysely'
import type { EditorialType, FaqDraft, InterpretationDraft } from '../../../common/contract'
import type { DB } from '../../db/schema'

export type LinkTarget = 'policy' | 'interpretation' | 'faq' | 'video'
/** published: residents see it; unpublished: only in the workflow (a draft, in review, withdrawn …) */
export type LinkState = 'published' | 'unpublished'

const PUBLIC_TABLE = { policy: 'policies', interpretation: 'interpretations', faq: 'faqs', video: 'videos' } as const

/** statuses in which an interpretation counts for its policy (it is on its way to residents or there) */
const IN_WORKFLOW = ['in_review', 'approved', 'scheduled', 'published'] as const

export class CheckLookups {
  constructor(private readonly db: Kysely<DB>) {}

  /** the state of each id that exists; ids absent from the map point to nothing */
  async linkStates(target: LinkTarget, ids: readonly string[]): Promise<Map<string, LinkState>> {
    const states = new Map<string, LinkState>()
    const wanted = [...new Set(ids.filter((id) => id !== ''))]
    if (wanted.length === 0) return states
    const published = await this.db.selectFrom(PUBLIC_TABLE[target]).select('id').where('id', 'in', wanted).execute()
    for (const row of published) if (row.id) states.set(row.id, 'published')
    if (target === 'video') return states
    const items = await this.db
      .selectFrom('editorial_items')
      .select('id')
      .where('type', '=', target satisfies EditorialType)
      .where('id', 'in', wanted)
      .execute()
    for (const row of items) if (!states.has(row.id)) states.set(row.id, 'unpublished')
    return states
  }

  /** the working versions of these items (the latest draft an editor saved), by id */
  private async workingDrafts<D>(type: EditorialType, ids: readonly string[]): Promise<Map<string, D>> {
    const drafts = new Map<string, D>()
    if (ids.length === 0) return drafts
    const rows = await this.db
      .selectFrom('editorial_items as i')
      .innerJoin('editorial_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
      .select(['i.id', 'v.draft'])
      .where('i.type', '=', type)
      .where('i.id', 'in', [...new Set(ids)])
      .execute()
    for (const row of rows) drafts.set(row.id, JSON.parse(row.draft) as D)
    return drafts
  }

  /** the interpretation each FAQ names (its working version if it is in the workflow, else the published row); null for none */
  async interpretationOfFaqs(faqIds: readonly string[]): Promise<Map<string, string | null>> {
    const named = new Map<string, string | null>()
    if (faqIds.length === 0) return named
    const published = await this.db
      .selectFrom('faqs')
      .select(['id', 'interpretation_id'])
      .where('id', 'in', [...new Set(faqIds)])
      .execute()
    for (const row of published) if (row.id) named.set(row.id, row.interpretation_id)
    for (const [id, draft] of await this.workingDrafts<FaqDraft>('faq', faqIds)) named.set(id, draft.interpretationId || null)
    return named
  }

  /** the interpretation each video belongs to (videos are not edited in the console: the public row) */
  async interpretationOfVideos(videoIds: readonly string[]): Promise<Map<string, string | null>> {
    const named = new Map<string, string | null>()
    if (videoIds.length === 0) return named
    const rows = await this.db
      .selectFrom('videos')
      .select(['id', 'interpretation_id'])
      .where('id', 'in', [...new Set(videoIds)])
      .execute()
    for (const row of rows) if (row.id) named.set(row.id, row.interpretation_id)
    return named
  }

  /**
   * The FAQs an interpretation in the workflow lists (its working version); undefined when it is
   * not in the workflow: a published-only interpretation (the fixtures) keeps no such list, its
   * FAQs name it instead.
   */
  async faqsOfInterpretation(interpretationId: string): Promise<string[] | undefined> {
    const draft = (await this.workingDrafts<InterpretationDraft>('interpretation', [interpretationId])).get(interpretationId)
    return draft ? (draft.faqIds ?? []) : undefined
  }

  /** a published interpretation of the policy, or one in review, approved or scheduled */
  async policyHasInterpretation(policyId: string): Promise<boolean> {
    const published = await this.db.selectFrom('interpretations').select('id').where('policy_id', '=', policyId).limit(1).executeTakeFirst()
    if (published) return true
    // the policy id sits inside the draft's JSON: narrow by text, then read the drafts
    const rows = await this.db
      .selectFrom('editorial_items as i')
      .innerJoin('editorial_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
      .select('v.draft')
      .where('i.type', '=', 'interpretation')
      .where('i.status', 'in', IN_WORKFLOW)
      .where('v.draft', 'like', `%${policyId}%`)
      .execute()
    return rows.some((row) => (JSON.parse(row.draft) as InterpretationDraft).policyId === policyId)
  }
}
