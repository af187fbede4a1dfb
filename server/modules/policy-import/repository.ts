/** The 文号 already taken, in the policy library (published) or in the console's workflow (drafts and the rest). */
import type { Kysely } from 'kysely'
import type { PolicyDraft } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { docNumberKey } from './parse'

export type DocNumberOwner = 'published' | 'workflow'

/** every known 文号, compared as docNumberKey folds it */
export async function takenDocNumbers(db: Kysely<DB>): Promise<Map<string, DocNumberOwner>> {
  const taken = new Map<string, DocNumberOwner>()
  const published = await db.selectFrom('policies').select('doc_number').execute()
  for (const row of published) taken.set(docNumberKey(row.doc_number), 'published')
  const drafts = await db
    .selectFrom('editorial_items as i')
    .innerJoin('editorial_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
    .select('v.draft')
    .where('i.type', '=', 'policy')
    .execute()
  for (const row of drafts) {
    const docNumber = (JSON.parse(row.draft) as Partial<PolicyDraft>).docNumber
    if (docNumber) {
      const key = docNumberKey(docNumber)
      if (!taken.has(key)) taken.set(key, 'workflow')
    }
  }
  return taken
}
