/**
 * 依申请公开 (issue 20): a resident (or the office, for a paper or letter application) asks an
 * organisation for government information under the 政府信息公开条例; the office answers within 20
 * working days of receipt (extendable once by 20 with approval; a 补正 request stops the clock,
 * which restarts when the correction arrives). Staff routes live under /api/v1/admin/information-requests,
 * the resident's under /api/v1/information-requests. Rules (transitions, deadlines, fees) are on the server.
 */
import type { Page } from './paging'

/** 登记 → (补正中) → 办理 → 法律审核 → 待答复 → 已答复 → 办结 */
export type FoiaStatus = 'registered' | 'correction' | 'processing' | 'legal_review' | 'approved' | 'answered' | 'closed'
export const FOIA_STATUSES: readonly FoiaStatus[] = ['registered', 'correction', 'processing', 'legal_review', 'approved', 'answered', 'closed']
export const FOIA_STATUS_LABELS: Record<FoiaStatus, string> = {
  registered: '已登记',
  correction: '待补正',
  processing: '办理中',
  legal_review: '法律审核中',
  approved: '待答复',
  answered: '已答复',
  closed: '已办结',
}

/** the office's steps; `correct` is also the resident's own (补正 online) */
export type FoiaAction = 'accept' | 'request_correction' | 'correct' | 'extend' | 'submit_review' | 'approve' | 'return' | 'reply' | 'close'
export const FOIA_ACTIONS: readonly FoiaAction[] = ['accept', 'request_correction', 'correct', 'extend', 'submit_review', 'approve', 'return', 'reply', 'close']
export const FOIA_ACTION_LABELS: Record<FoiaAction, string> = {
  accept: '受理办理',
  request_correction: '补正通知',
  correct: '补正收到',
  extend: '延期',
  submit_review: '提交法律审核',
  approve: '法律审核通过',
  return: '法律审核退回',
  reply: '答复',
  close: '办结',
}

/** the timeline: the actions, and 登记 itself */
export type FoiaEventKind = FoiaAction | 'register' | 'disclose'
export const FOIA_EVENT_LABELS: Record<FoiaEventKind, string> = { ...FOIA_ACTION_LABELS, register: '登记', disclose: '转主动公开' }

/** the reply types of the 条例 (第三十六条), as the 年度报告 counts them */
export type FoiaReplyType = 'full' | 'partial' | 'refused' | 'not_exist' | 'not_held' | 'not_processed' | 'no_correction'
export const FOIA_REPLY_TYPES: readonly FoiaReplyType[] = ['full', 'partial', 'refused', 'not_exist', 'not_held', 'not_processed', 'no_correction']
export const FOIA_REPLY_LABELS: Record<FoiaReplyType, string> = {
  full: '予以公开',
  partial: '部分公开',
  refused: '不予公开',
  not_exist: '信息不存在',
  not_held: '非本机关掌握',
  not_processed: '不予处理',
  no_correction: '补正后未补正',
}
/** the legal grounds of 不予公开 (and of the withheld part of 部分公开) */
export const FOIA_REFUSAL_GROUNDS: readonly string[] = [
  '属于国家秘密（《条例》第十四条）',
  '公开后可能危及国家安全、公共安全、经济安全、社会稳定（《条例》第十四条）',
  '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（《条例》第十五条）',
  '属于内部事务信息（《条例》第十六条第一款）',
  '属于过程性信息（《条例》第十六条第二款）',
  '属于行政执法案卷信息（《条例》第十六条第二款）',
  '法律、行政法规禁止公开（《条例》第十四条）',
]

export type FoiaApplicantType = 'citizen' | 'organisation'
export const FOIA_APPLICANT_LABELS: Record<FoiaApplicantType, string> = { citizen: '公民', organisation: '法人或其他组织' }
export type FoiaIdType = 'id_card' | 'passport' | 'hk_macao_pass' | 'credit_code'
export const FOIA_ID_TYPE_LABELS: Record<FoiaIdType, string> = {
  id_card: '居民身份证',
  passport: '护照',
  hk_macao_pass: '港澳居民来往内地通行证',
  credit_code: '统一社会信用代码',
}
export type FoiaFormat = 'paper' | 'electronic'
export const FOIA_FORMAT_LABELS: Record<FoiaFormat, string> = { paper: '纸质', electronic: '电子' }
export type FoiaDelivery = 'mail' | 'pickup' | 'email' | 'online'
export const FOIA_DELIVERY_LABELS: Record<FoiaDelivery, string> = { mail: '邮寄', pickup: '自取', email: '电子邮件', online: '在线' }
export type FoiaChannel = 'online' | 'paper' | 'letter'
export const FOIA_CHANNEL_LABELS: Record<FoiaChannel, string> = { online: '网上申请', paper: '当面申请', letter: '信函申请' }

export const FOIA_TEXT_MAX = 1000
export const FOIA_NOTE_MAX = 500

/** what an application carries (resident form and the office's registration alike) */
export interface FoiaApplicationInput {
  applicantType: FoiaApplicantType
  name: string
  idType: FoiaIdType
  idNumber: string
  phone: string
  email?: string
  address?: string
  infoTitle: string
  docNumber?: string
  description?: string
  orgCode: string
  format: FoiaFormat
  delivery: FoiaDelivery
}

/** an organisation one may apply to: 台州市 → 县（市、区） → 乡镇（街道） */
export interface FoiaBody {
  code: string
  name: string
  children?: FoiaBody[]
}

export interface FoiaEvent {
  kind: FoiaEventKind
  at: string
  actorName: string
  note?: string
}

export interface FoiaReply {
  type: FoiaReplyType
  typeLabel: string
  ground?: string
  holder?: string
  text: string
  /** yuan; absent when no fee is due */
  fee?: { amount: number; basis: string }
  repliedAt?: string
}

/** one application: the ID number masked unless the caller is the handling office */
export interface InformationRequest {
  id: string
  number: string
  channel: FoiaChannel
  applicantType: FoiaApplicantType
  name: string
  idType: FoiaIdType
  idNumberMasked: string
  /** only for the handling office, in the detail */
  idNumber?: string
  phoneMasked: string
  phone?: string
  email?: string
  address?: string
  infoTitle: string
  docNumber?: string
  description?: string
  orgCode: string
  orgName: string
  format: FoiaFormat
  delivery: FoiaDelivery
  status: FoiaStatus
  createdAt: string
  /** the Beijing date the clock runs from (receipt, or the correction's arrival) */
  receivedOn: string
  /** absent while a 补正 is awaited (the clock stands) and once answered */
  dueDate?: string
  /** working days left to the due date (negative: overdue by so many) */
  daysLeft?: number
  overdue: boolean
  extended: boolean
  extension?: { approver: string; reason: string }
  correctionNote?: string
  draft?: FoiaReply
  reply?: FoiaReply
  disclosureItemId?: string
}

export interface InformationRequestDetail extends InformationRequest {
  timeline: FoiaEvent[]
  /** the actions the caller may take now */
  actions: FoiaAction[]
}

export interface InformationRequestPage extends Page<InformationRequest> {
  overdueOpen: number
}

/** the 年度报告's table 三 (收到和处理政府信息公开申请情况), simplified to the types the app records */
export interface FoiaYearReport {
  year: number
  orgCode: string
  orgName: string
  received: { citizen: number; organisation: number; total: number }
  carriedOver: { citizen: number; organisation: number; total: number }
  results: { type: FoiaReplyType | 'carried_forward'; label: string; citizen: number; organisation: number; total: number }[]
}
