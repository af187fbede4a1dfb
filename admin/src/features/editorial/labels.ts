import type { EditorialStatus, EditorialSummary, EditorialType } from '@common/contract'
import { EDITORIAL_PATHS, EDITORIAL_STATUS_LABELS } from '@common/contract'

/** antd Tag colours of the statuses */
export const STATUS_COLORS: Readonly<Record<EditorialStatus, string>> = {
  draft: 'default',
  in_review: 'processing',
  rejected: 'error',
  approved: 'cyan',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

/** the console's path of each type's pages: the same segment as the API's */
export const typePath = (type: EditorialType) => `/${EDITORIAL_PATHS[type]}`

/**
 * What residents see beside what the editors work on: a published item being reworked is still
 * live, so the list says both (「已发布 · 有新草稿」).
 */
export function statusText(item: Pick<EditorialSummary, 'status' | 'live'>): string {
  const label = EDITORIAL_STATUS_LABELS[item.status]
  if (!item.live || item.status === 'published') return label
  if (item.status === 'draft') return '已发布 · 有新草稿'
  if (item.status === 'withdrawn') return label
  return `已发布 · 新版本${label}`
}

export const formatTime = (iso?: string) => {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  // the console is used in Taizhou: show Beijing time whatever the desk's clock says
  const beijing = new Date(d.getTime() + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${beijing.getUTCFullYear()}-${pad(beijing.getUTCMonth() + 1)}-${pad(beijing.getUTCDate())} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`
}
