import type { EditorialAction, EditorialStatus, Role } from '@common/contract'
import { EDITORIAL_ROLES } from '@common/contract'

/** the statuses each action starts from (common/contract/admin.ts's workflow) */
const FROM: Readonly<Record<EditorialAction, readonly EditorialStatus[]>> = {
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review'],
  publish: ['approved'],
  withdraw: ['published', 'scheduled'],
}

/** a PUT on an item in review or scheduled is refused: the form is read-only then */
const LOCKED: readonly EditorialStatus[] = ['in_review', 'scheduled']

export const ACTION_ORDER: readonly EditorialAction[] = ['submit', 'approve', 'reject', 'publish', 'withdraw']

export function canEdit(status: EditorialStatus | undefined, role: Role | undefined): boolean {
  if (!role || !EDITORIAL_ROLES.edit.includes(role)) return false
  return status === undefined || !LOCKED.includes(status)
}

/** 检查 runs the 送审 checks without submitting: for whoever may submit, while the draft is open */
export function canCheck(status: EditorialStatus, role: Role | undefined): boolean {
  return !!role && EDITORIAL_ROLES.submit.includes(role) && (status === 'draft' || status === 'rejected')
}

/** the actions the bar shows: allowed from this status AND to this role (the server decides in the end) */
export function allowedActions(status: EditorialStatus, role: Role | undefined): EditorialAction[] {
  if (!role) return []
  return ACTION_ORDER.filter((action) => FROM[action].includes(status) && EDITORIAL_ROLES[action].includes(role))
}
