/**
 * Makes a new editorial item: its row (status 草稿, version 1, revision 1) and its first version,
 * in the caller's transaction. The console's create route and the policy import both use it.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { EditorialDrafts, EditorialType, StaffRef } from '../../../common/contract'
import type { DB } from '../../db/schema'

const ID_PREFIX: Readonly<Record<EditorialType, string>> = { policy: 'p', interpretation: 'i', faq: 'f', banner: 'b', video: 'v', course: 'c' }

/** a new item's id: the type's letter and 10 random base-32 characters (p-… never clashes with the fixtures' p001) */
export function newItemId(type: EditorialType): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(10)
  let s = ''
  for (const b of bytes) s += alphabet[b % alphabet.length]
  return `${ID_PREFIX[type]}-${s}`
}

/** the title lists show and search, whatever the type */
export function titleOf<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): string {
  return type === 'faq' ? (draft as EditorialDrafts['faq']).question : (draft as { title: string }).title
}

export interface NewItem<T extends EditorialType> {
  type: T
  orgCode: string
  draft: EditorialDrafts[T]
  author: StaffRef
  now: Date
  /** defaults to a new id */
  id?: string
}

/** inserts the item and its version 1; returns the id */
export async function createItem<T extends EditorialType>(trx: Kysely<DB>, item: NewItem<T>): Promise<string> {
  const id = item.id ?? newItemId(item.type)
  const at = item.now.toISOString()
  const draft = item.draft as { topic?: string; reviewDate?: string }
  await trx
    .insertInto('editorial_items')
    .values({
      id,
      type: item.type,
      org_code: item.orgCode,
      status: 'draft',
      title: titleOf(item.type, item.draft),
      topic: draft.topic ?? null,
      version: 1,
      published_version: null,
      revision: 1,
      author_id: item.author.id,
      author_name: item.author.name,
      updated_by_id: item.author.id,
      updated_by_name: item.author.name,
      created_at: at,
      updated_at: at,
      review_date: draft.reviewDate ?? null,
    })
    .execute()
  await trx
    .insertInto('editorial_versions')
    .values({ item_id: id, version: 1, draft: JSON.stringify(item.draft), author_id: item.author.id, author_name: item.author.name, created_at: at })
    .execute()
  return id
}
