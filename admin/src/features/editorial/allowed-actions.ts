import type { EditorialAction, EditorialStatus, Role } from '@common/contract'
import { EDITORIAL_ROLES } from '@common/contract'
import { actionAllowed, EDITABLE_STATUSES } from '@common/editorial-workflow'

export const ACTION_ORDER: readonly EditorialAction[] = ['submit', 'approve', 'reject', 'publish', 'withdraw']

export function canEdit(status: EditorialStatus | undefined, role: Role | undefined): boolean {
  if (!role || !EDITORIAL_ROLES.edit.includes(role)) return false
  // a PUT on an item in review or scheduled is refused: the form is read-only then
  return status === undefined || EDITABLE_STATUSES.includes(status)
}

/** 检查 runs the 送审 checks without submitting: for whoever may submit, while the draft is open */
export function canCheck(status: EditorialStatus, role: Role | undefined): boolean {
  return !!role && EDITORIAL_ROLES.submit.includes(role) && (status === 'draft' || status === 'rejected')
}

/** the actions the bar shows: allowed from this status AND to this role (the server decides in the end) */
export function allowedActions(status: EditorialStatus, role: Role | undefined, live = false): EditorialAction[] {
  if (!role) return []
  return ACTION_ORDER.filter((action) => actionAllowed(status, action, live) && EDITORIAL_ROLES[action].includes(role))
}
