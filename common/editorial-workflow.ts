/**
 * 先审后发 as rules over statuses, shared by the server (which enforces them) and the console
 * (which shows only the buttons they allow): which action an item may take from which status.
 * The diagram is in common/contract/admin.ts.
 */
import type { EditorialAction, EditorialStatus } from './contract'

/** the statuses each action starts from */
export const EDITORIAL_FROM: Readonly<Record<EditorialAction, readonly EditorialStatus[]>> = {
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review'],
  publish: ['approved'],
  withdraw: ['published', 'scheduled'],
}

/** statuses a PUT makes a new draft version from; in review and scheduled items are frozen */
export const EDITABLE_STATUSES: readonly EditorialStatus[] = ['draft', 'rejected', 'approved', 'published', 'withdrawn']

/**
 * Whether `action` may be taken now. Besides the table: while a new version is being worked on
 * (草稿, 待审核, 已退回, 审核通过), the live version can still be taken down (撤回 / 下架 an expired
 * notice does not wait for the next version's review).
 */
export function actionAllowed(status: EditorialStatus, action: EditorialAction, live: boolean): boolean {
  if (EDITORIAL_FROM[action].includes(status)) return true
  return action === 'withdraw' && live && status !== 'withdrawn'
}
