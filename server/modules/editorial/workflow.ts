/**
 * 先审后发 as rules over statuses (the diagram in common/contract/admin.ts): which action an item
 * may take from which status, and what it becomes. Pure; the routes apply it under the item's revision.
 */
import { EDITORIAL_ACTION_LABELS, EDITORIAL_STATUS_LABELS, type EditorialAction, type EditorialStatus } from '../../../common/contract'
import { actionAllowed, EDITABLE_STATUSES } from '../../../common/editorial-workflow'

const EDITABLE: ReadonlySet<EditorialStatus> = new Set(EDITABLE_STATUSES)

export const STALE_REVISION = '已被他人修改，请刷新后再试'
/** a scheduled publication is at most this far ahead */
export const SCHEDULE_MAX_MS = 366 * 24 * 60 * 60_000
export const REJECT_REASON_MAX = 500

/** the refusal of an action from a status: 「当前状态为已发布，不能送审」 */
export function refusal(status: EditorialStatus, action: EditorialAction | 'edit'): string {
  return `当前状态为${EDITORIAL_STATUS_LABELS[status]}，不能${action === 'edit' ? '修改' : EDITORIAL_ACTION_LABELS[action]}`
}

export function canEdit(status: EditorialStatus): boolean {
  return EDITABLE.has(status)
}

/**
 * The status after `action`, or undefined when the action is not allowed from `status`.
 * publish: `scheduled` when `at` is later than now; withdraw of a scheduled item cancels the
 * schedule (back to approved); withdraw while a new version is worked on takes the live one down
 * and leaves the new one where it is.
 */
export function nextStatus(
  status: EditorialStatus,
  action: EditorialAction,
  options: { scheduled?: boolean; live?: boolean } = {},
): EditorialStatus | undefined {
  if (!actionAllowed(status, action, options.live ?? false)) return undefined
  switch (action) {
    case 'submit':
      return 'in_review'
    case 'approve':
      return 'approved'
    case 'reject':
      return 'rejected'
    case 'publish':
      return options.scheduled ? 'scheduled' : 'published'
    case 'withdraw':
      if (status === 'scheduled') return 'approved'
      return status === 'published' ? 'withdrawn' : status
  }
}

export type PublishTime = { kind: 'now' } | { kind: 'scheduled'; at: Date } | { kind: 'invalid'; message: string }

/** publish {at}: absent or not later than now → now; later, within a year → scheduled */
export function publishTime(at: string | undefined, now: Date): PublishTime {
  if (at === undefined || at === '') return { kind: 'now' }
  const when = new Date(at)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(when.getTime())) return { kind: 'invalid', message: '定时发布时间格式不正确' }
  if (when.getTime() <= now.getTime()) return { kind: 'now' }
  if (when.getTime() - now.getTime() > SCHEDULE_MAX_MS) return { kind: 'invalid', message: '定时发布时间不能超过一年' }
  return { kind: 'scheduled', at: when }
}
