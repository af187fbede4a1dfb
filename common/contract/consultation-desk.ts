/**
 * 咨询工作台 (issue 15): the console's side of 政策咨询, under /api/v1/admin/consultations. A
 * consultation is routed by topic and county to a department, assigned to a responder, transferred
 * between departments, answered (through review where the department's organisation requires it)
 * within 3 working days (common/working-days.ts).
 */
import type { Page, PageQuery } from './paging'

export type DeskStatus = 'unassigned' | 'assigned' | 'in_review' | 'answered'
export const DESK_STATUSES: readonly DeskStatus[] = ['unassigned', 'assigned', 'in_review', 'answered']
export const DESK_STATUS_LABELS: Record<DeskStatus, string> = { unassigned: '待分派', assigned: '待答复', in_review: '待审核', answered: '已答复' }

/** a department: one of an organisation's org_departments */
export interface DeskDepartment {
  orgCode: string
  orgName: string
  name: string
}

/** a row of the inbox: the phone masked, never in full */
export interface DeskConsultation {
  id: string
  topic: string
  topicName: string
  question: string
  regionCode: string
  regionName: string
  countyCode: string
  countyName: string
  phoneMasked?: string
  createdAt: string
  /** Beijing date (YYYY-MM-DD) of the 3rd working day after the day it came in */
  dueDate: string
  overdue: boolean
  status: DeskStatus
  department: DeskDepartment
  assignee?: { id: string; name: string }
  repliedAt?: string
}

export type DeskEventKind = 'routed' | 'assigned' | 'transferred' | 'drafted' | 'returned' | 'replied'
export const DESK_EVENT_LABELS: Record<DeskEventKind, string> = {
  routed: '分派至部门',
  assigned: '指派答复人',
  transferred: '转办',
  drafted: '提交答复待审核',
  returned: '答复被退回',
  replied: '答复已发布',
}

export interface DeskEvent {
  kind: DeskEventKind
  at: string
  actorName: string
  note?: string
}

export interface DeskConsultationDetail extends DeskConsultation {
  timeline: DeskEvent[]
  /** a reply waiting for review */
  draft?: { text: string; byName: string; at: string }
  reply?: { text: string; department: string; repliedAt: string }
  /** whether replies of the department's organisation wait for review */
  reviewRequired: boolean
}

export interface DeskQuery extends PageQuery {
  status?: DeskStatus
  overdue?: boolean
  /** the department's organisation */
  org?: string
  department?: string
  county?: string
  q?: string
}

export interface DeskPage extends Page<DeskConsultation> {
  /** overdue and unanswered in the caller's scope, whatever the filters */
  overdueOpen: number
}

export interface DeskAssignInput {
  /** a responder account in the caller's scope … */
  assigneeId?: string
  /** … or a department in the caller's scope */
  orgCode?: string
  department?: string
}

export interface DeskTransferInput {
  orgCode: string
  department: string
  reason: string
}

export interface DeskReplyInput {
  text: string
}

export interface DeskReturnInput {
  reason: string
}

export const DESK_REASON_MAX = 200

export interface DeskFigureRow {
  key: string
  name: string
  total: number
  answered: number
  open: number
  overdue: number
  /** overdue / total, 0..1 */
  overdueShare: number
  /** mean working days from submission to reply over answered ones (Beijing dates; same day = 0); null when none */
  avgReplyWorkingDays: number | null
}

export interface DeskFigures {
  unit: 'workingDays'
  total: DeskFigureRow
  byDepartment: DeskFigureRow[]
  byCounty: DeskFigureRow[]
}

export interface DeskRoute {
  topic: string
  topicName: string
  countyCode: string
  countyName: string
  department: DeskDepartment
  /** false: the default from the org tree, not yet chosen by an admin */
  custom: boolean
}

export interface DeskRouteInput {
  topic: string
  countyCode: string
  orgCode: string
  department: string
}

export interface DeskSettings {
  orgCode: string
  reviewReplies: boolean
}

export interface DeskResponder {
  id: string
  name: string
  orgCode: string
  department?: string
}
