/**
 * Stand-in for engineer A2's checks.ts (replaced at merge): the same signature, required fields only.
 */
import type { Kysely } from 'kysely'
import type { EditorialCheck, EditorialDrafts, EditorialType } from '../../../common/contract'
import type { DB } from '../../db/schema'

const REQUIRED: Readonly<Record<EditorialType, readonly [string, string][]>> = {
  policy: [
    ['title', '请填写标题'],
    ['docNumber', '请填写文号'],
    ['issuer', '请填写发文机关'],
    ['publishedAt', '请填写发布日期'],
  ],
  interpretation: [
    ['title', '请填写标题'],
    ['policyId', '请选择所解读的政策'],
  ],
  faq: [
    ['question', '请填写问题'],
    ['answer', '请填写回答'],
  ],
  banner: [
    ['title', '请填写标题'],
    ['image', '请上传图片'],
    ['alt', '请填写图片说明'],
  ],
}

export async function runChecks<T extends EditorialType>(
  type: T,
  draft: EditorialDrafts[T],
  ctx: { db: Kysely<DB>; itemId: string; orgCode: string },
): Promise<EditorialCheck[]> {
  void ctx
  const values = draft as unknown as Record<string, unknown>
  return REQUIRED[type]
    .filter(([field]) => typeof values[field] !== 'string' || !(values[field] as string).trim())
    .map(([field, message]) => ({ level: 'error', code: 'required', field, message }))
}
