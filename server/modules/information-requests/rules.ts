/**
 * The 依申请公开 workflow as data: for each step, who may take it (roles), from which states, and
 * the state it leads to (`stay`: the state does not change, as with 延期). The routes call
 * `decide` inside their write transaction with the locked row; the console shows only the steps
 * `allowedActions` lists. Organisation scope (orgCovers) is checked by the routes before this.
 * Pure: no store, no clock.
 */
import { FOIA_ACTION_LABELS, type FoiaAction, type FoiaReplyType, type FoiaStatus, FOIA_STATUS_LABELS, type Role } from '../../../common/contract'

export const FOIA_OFFICERS: readonly Role[] = ['foia_officer', 'admin']
export const FOIA_LEGAL: readonly Role[] = ['legal_reviewer', 'admin']
export const FOIA_READERS: readonly Role[] = ['foia_officer', 'legal_reviewer', 'admin']

export interface FoiaTransition {
  roles: readonly Role[]
  from: readonly FoiaStatus[]
  to: FoiaStatus | 'stay'
  notYours: string
}

export const FOIA_TRANSITIONS: Record<FoiaAction, FoiaTransition> = {
  accept: { roles: FOIA_OFFICERS, from: ['registered'], to: 'processing', notYours: '只有信息公开专员可以受理申请' },
  // the clock stands while the correction is awaited
  request_correction: { roles: FOIA_OFFICERS, from: ['registered', 'processing'], to: 'correction', notYours: '只有信息公开专员可以发出补正通知' },
  // the clock restarts on the day the correction arrives (the resident's own online correction takes this step too)
  correct: { roles: FOIA_OFFICERS, from: ['correction'], to: 'processing', notYours: '只有信息公开专员可以登记补正' },
  extend: { roles: FOIA_OFFICERS, from: ['processing', 'legal_review', 'approved'], to: 'stay', notYours: '只有信息公开专员可以延期' },
  // 补正后未补正 is replied from 待补正; every other reply from 办理中
  submit_review: { roles: FOIA_OFFICERS, from: ['processing', 'correction'], to: 'legal_review', notYours: '只有信息公开专员可以拟定答复' },
  approve: { roles: FOIA_LEGAL, from: ['legal_review'], to: 'approved', notYours: '只有法律审核人员可以审核答复' },
  return: { roles: FOIA_LEGAL, from: ['legal_review'], to: 'processing', notYours: '只有法律审核人员可以退回答复' },
  reply: { roles: FOIA_OFFICERS, from: ['approved'], to: 'answered', notYours: '只有信息公开专员可以答复' },
  close: { roles: FOIA_OFFICERS, from: ['answered'], to: 'closed', notYours: '只有信息公开专员可以办结' },
}

export interface FoiaState {
  status: FoiaStatus
  extended: boolean
  replyType?: FoiaReplyType | null
  draftedBy?: string | null
}

export type FoiaDecision = { ok: true; to: FoiaStatus } | { ok: false; status: 403 | 409; message: string }

/** whether `role` (user `userId`) may take `action` on a request in `state`; `replyType` is the one being drafted */
export function decide(action: FoiaAction, role: Role, userId: string, state: FoiaState, replyType?: FoiaReplyType): FoiaDecision {
  const t = FOIA_TRANSITIONS[action]
  if (!t.roles.includes(role)) return { ok: false, status: 403, message: t.notYours }
  if (!t.from.includes(state.status)) {
    return { ok: false, status: 409, message: `申请${FOIA_STATUS_LABELS[state.status]}，不能${FOIA_ACTION_LABELS[action]}` }
  }
  if (action === 'extend' && state.extended) return { ok: false, status: 409, message: '该申请已延期一次，不能再延期' }
  if (action === 'submit_review' && replyType !== undefined) {
    if (state.status === 'correction' && replyType !== 'no_correction') return { ok: false, status: 409, message: '申请待补正，只能答复「补正后未补正」' }
    if (state.status !== 'correction' && replyType === 'no_correction') return { ok: false, status: 409, message: '申请未在补正中，不能答复「补正后未补正」' }
  }
  if ((action === 'approve' || action === 'return') && state.draftedBy === userId) {
    return { ok: false, status: 403, message: '不能审核自己拟定的答复' }
  }
  return { ok: true, to: t.to === 'stay' ? state.status : t.to }
}

/** the steps the caller may take now (for the console's buttons) */
export function allowedActions(role: Role, userId: string, state: FoiaState): FoiaAction[] {
  return (Object.keys(FOIA_TRANSITIONS) as FoiaAction[]).filter((a) => decide(a, role, userId, state).ok)
}

/** open: the deadline still runs (or stands, while a correction is awaited) */
export const isOpen = (status: FoiaStatus): boolean => status !== 'answered' && status !== 'closed'
