/**
 * Stand-in for engineer A2's validate.ts (replaced at merge): the same signature, shape checks only.
 * Drafts may be incomplete while editing; completeness is a check at 送审 (checks.ts).
 */
import type { EditorialDrafts, EditorialType, FieldErrors } from '../../../common/contract'

const TEXT_MAX = 200
const STRING_FIELDS: Readonly<Record<EditorialType, readonly string[]>> = {
  policy: ['title', 'docNumber', 'issuer', 'department', 'topic', 'regionCode', 'publishedAt', 'summary', 'validity'],
  interpretation: ['title', 'kind', 'topic', 'department', 'policyId', 'cover', 'summary'],
  faq: ['question', 'answer', 'topic'],
  banner: ['title', 'image', 'alt', 'link', 'startsAt', 'endsAt'],
}
const LONG_FIELDS = new Set(['summary', 'answer'])

export function validateDraft<T extends EditorialType>(type: T, draft: unknown): { draft: EditorialDrafts[T]; fields: FieldErrors } {
  const fields: FieldErrors = {}
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) {
    return { draft: {} as EditorialDrafts[T], fields: { draft: '内容格式不正确' } }
  }
  const out: Record<string, unknown> = { ...(draft as Record<string, unknown>) }
  for (const key of STRING_FIELDS[type]) {
    const value = out[key]
    if (value === undefined) {
      out[key] = ''
      continue
    }
    if (typeof value !== 'string') {
      fields[`draft.${key}`] = '应为文字'
      continue
    }
    out[key] = value.trim()
    if (!LONG_FIELDS.has(key) && [...value].length > TEXT_MAX) fields[`draft.${key}`] = `最多 ${TEXT_MAX} 字`
  }
  return { draft: out as unknown as EditorialDrafts[T], fields }
}
