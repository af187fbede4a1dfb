/**
 * The uploads a console item's draft uses (/media/uploads/<name>): an interpretation's cover and
 * image blocks, a banner's image, a policy's attachment. Saving a draft records them for the item
 * (editorial_uploads) in the save's transaction, so they are never swept and the staff of the
 * item's organisation may fetch them; publishing makes them public. Nobody may attach someone
 * else's private file: an upload must be the saver's own, or already used by an item the saver's
 * organisation covers (a colleague's picture in a copied interpretation).
 */
import type { Kysely } from 'kysely'
import { type EditorialDrafts, type EditorialType, UPLOAD_URL_PREFIX } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { badRequest } from '../../errors'
import { orgCovers } from '../auth/org-scope'

export const PICTURE_NOT_USABLE = '图片不存在或无权使用'
export const FILE_NOT_USABLE = '附件不存在或无权使用'
export const NOT_A_PICTURE = '请使用 JPG、PNG 或 WebP 图片'

/** one use of an upload in a draft: the field (as field errors name it) and the stored name */
export interface UploadRef {
  field: string
  name: string
  /** a picture shown in the app (not the policy's attachment) */
  picture: boolean
}

const nameIn = (url: unknown): string | undefined =>
  typeof url === 'string' && url.startsWith(UPLOAD_URL_PREFIX) ? url.slice(UPLOAD_URL_PREFIX.length) : undefined

/** every use of an upload in `draft`, in field order */
export function uploadRefsIn<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): UploadRef[] {
  const refs: UploadRef[] = []
  const add = (field: string, url: unknown, picture = true) => {
    const name = nameIn(url)
    if (name !== undefined) refs.push({ field, name, picture })
  }
  if (type === 'interpretation') {
    const d = draft as EditorialDrafts['interpretation']
    add('draft.cover', d.cover)
    d.blocks?.forEach((b, i) => {
      if (b.type === 'image') add(`draft.blocks[${i}].src`, b.src)
    })
  } else if (type === 'banner') {
    add('draft.image', (draft as EditorialDrafts['banner']).image)
  } else if (type === 'policy') {
    add('draft.attachment.url', (draft as EditorialDrafts['policy']).attachment?.url, false)
  } else if (type === 'video') {
    const d = draft as EditorialDrafts['video']
    add('draft.src', d.src, false)
    add('draft.poster', d.poster)
    add('draft.captions', d.captions, false)
  } else if (type === 'course') {
    add('draft.cover', (draft as EditorialDrafts['course']).cover)
  }
  return refs
}

/** the stored names of the uploads `draft` uses, each once */
export function uploadNamesIn<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): string[] {
  return [...new Set(uploadRefsIn(type, draft).map((r) => r.name))]
}

export interface ItemUploads<T extends EditorialType> {
  itemId: string
  type: T
  draft: EditorialDrafts[T]
  /** who saves the draft, and the organisation they act for */
  userId: string
  orgCode: string
}

/**
 * Records the uploads `draft` uses for the item, in the save's transaction; a 400 with a field
 * error for each that does not exist, is neither the saver's nor used on an item of their
 * organisation, or is a PDF where a picture belongs.
 */
export async function recordItemUploads<T extends EditorialType>(trx: Kysely<DB>, input: ItemUploads<T>): Promise<void> {
  const refs = uploadRefsIn(input.type, input.draft)
  if (refs.length === 0) return
  const names = [...new Set(refs.map((r) => r.name))]
  const rows = await trx.selectFrom('uploads').select(['name', 'user_id', 'type']).where('name', 'in', names).execute()
  const byName = new Map(rows.map((r) => [r.name!, r]))
  const others = rows.filter((r) => r.user_id !== input.userId).map((r) => r.name!)
  const sharedWithOrg = new Set<string>()
  if (others.length > 0) {
    const uses = await trx
      .selectFrom('editorial_uploads as u')
      .innerJoin('editorial_items as i', 'i.id', 'u.item_id')
      .select(['u.name', 'i.org_code'])
      .where('u.name', 'in', others)
      .execute()
    for (const use of uses) if (orgCovers(input.orgCode, use.org_code)) sharedWithOrg.add(use.name)
  }
  const fields: Record<string, string> = {}
  for (const ref of refs) {
    const row = byName.get(ref.name)
    if (!row || (row.user_id !== input.userId && !sharedWithOrg.has(ref.name))) fields[ref.field] = ref.picture ? PICTURE_NOT_USABLE : FILE_NOT_USABLE
    else if (ref.picture && !row.type.startsWith('image/')) fields[ref.field] = NOT_A_PICTURE
  }
  const refused = Object.values(fields)
  if (refused.length > 0) throw badRequest(refused[0], { fields })
  await trx
    .insertInto('editorial_uploads')
    .values(names.map((name) => ({ item_id: input.itemId, name })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Makes the uploads of a version being published public (anyone may fetch them, cached for a
 * year), in the publish transaction. Only those recorded for the item: a draft that never went
 * through a save (an import) cannot publish someone's private file. Withdrawing leaves them
 * public: their year-long cache cannot be recalled anyway.
 */
export async function publishItemUploads<T extends EditorialType>(
  trx: Kysely<DB>,
  type: T,
  itemId: string,
  draft: EditorialDrafts[T],
  now: Date,
): Promise<void> {
  const names = uploadNamesIn(type, draft)
  if (names.length === 0) return
  await trx
    .updateTable('uploads')
    .set({ attached_at: now.toISOString() })
    .where('attached_at', 'is', null)
    .where('name', 'in', names)
    .where('name', 'in', (eb) => eb.selectFrom('editorial_uploads').select('name').where('item_id', '=', itemId))
    .execute()
}
