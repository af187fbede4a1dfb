/**
 * 政务工作台 (the console): the content workflow under /api/v1/admin (分级维护 · 先审后发).
 *
 * Policies, interpretations, FAQs and 首页 banners are *editorial items*. An item has a working
 * version (its `draft`, with a status) and, once published, a live version that residents read
 * through the public API. Editing a published item makes a new working version; the live one
 * stays until the new one is published.
 *
 *   草稿 draft ──submit──▶ 待审核 in_review ──approve──▶ 审核通过 approved ──publish──▶ 已发布 published
 *        ▲                      │ reject {reason}              │ publish {at: later}          │ withdraw
 *        │                      ▼                              ▼                              ▼
 *        └──── PUT ──── 已退回 rejected         定时发布 scheduled ──(at)──▶ published    已撤回 withdrawn
 *
 * A PUT on a rejected, approved, published or withdrawn item makes a new draft version; a PUT on
 * an item in review or scheduled is refused. Withdrawing a scheduled item cancels the schedule
 * (back to approved); withdrawing while a new version is worked on takes the live one down and
 * leaves the new one's status as it is (common/editorial-workflow.ts holds these rules). Every write carries the item's `revision`: a stale one gets 409
 * 「已被他人修改」 and changes nothing.
 */
import type { Block, Id, InterpretationKind, Org, PolicySection, PolicyValidity, Role } from './entities'
import type { Page, PageQuery } from './paging'
import type { CourseDraft, VideoDraft } from './media-admin'
import type { EligibilityRule } from '../eligibility'

export type EditorialType = 'policy' | 'interpretation' | 'faq' | 'banner' | 'video' | 'course'
export const EDITORIAL_TYPES: readonly EditorialType[] = ['policy', 'interpretation', 'faq', 'banner', 'video', 'course']
export const EDITORIAL_TYPE_LABELS: Readonly<Record<EditorialType, string>> = {
  policy: '政策文件',
  interpretation: '政策解读',
  faq: '简明问答',
  banner: '首页公益广告',
  video: '短视频',
  course: '网络课堂',
}
/** the path segment of each type under /api/v1/admin */
export const EDITORIAL_PATHS: Readonly<Record<EditorialType, string>> = {
  policy: 'policies',
  interpretation: 'interpretations',
  faq: 'faqs',
  banner: 'banners',
  video: 'videos',
  course: 'courses',
}

export type EditorialStatus = 'draft' | 'in_review' | 'rejected' | 'approved' | 'scheduled' | 'published' | 'withdrawn'
export const EDITORIAL_STATUSES: readonly EditorialStatus[] = ['draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn']
export const EDITORIAL_STATUS_LABELS: Readonly<Record<EditorialStatus, string>> = {
  draft: '草稿',
  in_review: '待审核',
  rejected: '已退回',
  approved: '审核通过',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
}

export type EditorialAction = 'submit' | 'approve' | 'reject' | 'publish' | 'withdraw'
export const EDITORIAL_ACTION_LABELS: Readonly<Record<EditorialAction, string>> = {
  submit: '送审',
  approve: '审核通过',
  reject: '退回',
  publish: '发布',
  withdraw: '撤回',
}

/** who may do what (the server enforces it, the console only hides buttons) */
/** who may read the console's dashboard (仪表盘); every other role's console opens on its first menu item */
export const DASHBOARD_ROLES: readonly Role[] = ['editor', 'reviewer', 'admin']

export const EDITORIAL_ROLES: Readonly<Record<'edit' | EditorialAction, readonly Role[]>> = {
  edit: ['editor', 'admin'],
  submit: ['editor', 'admin'],
  approve: ['reviewer', 'admin'],
  reject: ['reviewer', 'admin'],
  publish: ['reviewer', 'admin'],
  withdraw: ['reviewer', 'admin'],
}

/** a PDF or other file uploaded through POST /api/v1/uploads */
export interface Attachment {
  url: string
  name: string
}

/** the editable fields of a policy (政策文件) */
export interface PolicyDraft {
  title: string
  /** 文号, e.g. 仙政办发〔2026〕12号 */
  docNumber: string
  /** 发文机关 */
  issuer: string
  /** the department residents filter by (/departments) */
  department: string
  topic: string
  /** the region it applies to: an organisation code (331000 for the whole city) */
  regionCode: string
  /** 成文日期 YYYY-MM-DD */
  writtenAt?: string
  /** 发布日期 YYYY-MM-DD */
  publishedAt: string
  /** 施行日期 YYYY-MM-DD */
  effectiveFrom?: string
  /** 截止日期 YYYY-MM-DD: the last day to apply (or of its validity); 已截止 after it */
  closesAt?: string
  summary: string
  /** 原文 */
  sections: PolicySection[]
  attachment?: Attachment
  /** 原文链接 on the government website */
  sourceUrl?: string
  validity: PolicyValidity
  /** 已修订: the policy that replaced it */
  replacedBy?: Id
  /** 已废止: since when (YYYY-MM-DD) */
  repealedAt?: string
  validityNote?: string
  /** 复核日期: when the content must be checked again (待复核 after it) */
  reviewDate?: string
  /** 政策找人: who may use it, the amount, 怎么办 (common/eligibility); reviewed with the policy */
  eligibility?: EligibilityRule
}

/** the editable fields of an interpretation (政策解读 / 图解) */
export interface InterpretationDraft {
  title: string
  kind: InterpretationKind
  topic: string
  department: string
  /** the policy it interprets (the policy then lists it: links go both ways) */
  policyId: Id
  cover: string
  summary: string
  featured: boolean
  /** ordered blocks; a chart block's option is built from its table by common/charts */
  blocks: Block[]
  videoIds: Id[]
  /** 简明问答 linked to it (each FAQ then names it) */
  faqIds: Id[]
  reviewDate?: string
}

/** the most 相似问法 a FAQ keeps, and the longest one (characters) */
export const FAQ_SIMILAR_MAX = 10
export const FAQ_SIMILAR_TEXT_MAX = 60

/** the editable fields of a FAQ (简明问答) */
export interface FaqDraft {
  question: string
  answer: string
  topic: string
  keywords: string[]
  /** 相似问法: other ways residents ask it (≤ 10, each ≤ 60 characters), indexed by the 智能问答 */
  similar?: string[]
  policyId?: Id
  interpretationId?: Id
  reviewDate?: string
}

/** a 首页 banner (公益广告): shown between startsAt and endsAt */
export interface BannerDraft {
  title: string
  image: string
  /** required: what the picture shows, read aloud by screen readers */
  alt: string
  /** an in-app path (/pages/…, /packages/…) or an https link */
  link: string
  /** YYYY-MM-DD, Asia/Shanghai days, both inclusive */
  startsAt: string
  endsAt: string
  position: number
}

export interface EditorialDrafts {
  policy: PolicyDraft
  interpretation: InterpretationDraft
  faq: FaqDraft
  banner: BannerDraft
  video: VideoDraft
  course: CourseDraft
}
export type EditorialDraft = EditorialDrafts[EditorialType]

export interface StaffRef {
  id: Id
  name: string
}

/** one finding of the checks run at 送审 (and on demand); errors stop the submission */
export interface EditorialCheck {
  level: 'error' | 'warning'
  /** e.g. sensitive_word, required, broken_link, image_alt, chart_data, no_interpretation, one_way_link */
  code: string
  /** the field or block it concerns, keyed as field errors are: 'draft.title', 'draft.blocks[3].alt', 'draft.faqIds[0]' */
  field?: string
  message: string
}

/** an item as lists show it */
export interface EditorialSummary {
  id: Id
  type: EditorialType
  title: string
  org: Org
  status: EditorialStatus
  /** a version is live (residents see the published version) */
  live: boolean
  /** the working version */
  version: number
  publishedVersion?: number
  revision: number
  author: StaffRef
  updatedBy: StaffRef
  updatedAt: string
  submittedAt?: string
  scheduledAt?: string
  publishedAt?: string
  reviewDate?: string
  /** policies: the working version's 截止日期, and 已截止 once it is before today (Beijing) */
  closesAt?: string
  closed?: boolean
}

/** an item with its working version, as the editor opens it */
export interface EditorialItem<T extends EditorialType = EditorialType> extends EditorialSummary {
  type: T
  draft: EditorialDrafts[T]
  reviewer?: StaffRef
  reviewedAt?: string
  rejectReason?: string
  withdrawnAt?: string
  /** approved by its own author, allowed by the organisation's setting (recorded) */
  selfReview?: boolean
  /** the findings of the last 送审 */
  checks: EditorialCheck[]
}

/** one saved version, for the history and the side-by-side diff */
export interface EditorialVersion<T extends EditorialType = EditorialType> {
  version: number
  createdAt: string
  author: StaffRef
  draft: EditorialDrafts[T]
  /** this version is the live one */
  live: boolean
}

export interface EditorialQuery extends PageQuery {
  /** free text in the title */
  q?: string
  status?: EditorialStatus
  /** an organisation code: items of it and below (default: the account's own) */
  org?: string
  topic?: string
  /** updated on or after / before, YYYY-MM-DD */
  from?: string
  to?: string
  sort?: 'updatedAt' | 'title' | 'status' | 'reviewDate'
  order?: 'asc' | 'desc'
}

export interface EditorialCreate<T extends EditorialType = EditorialType> {
  /** the organisation that maintains it: the account's own or one below */
  orgCode: string
  draft: EditorialDrafts[T]
}

export interface EditorialUpdate<T extends EditorialType = EditorialType> {
  /** the revision the editor opened; another save in between answers 409 「已被他人修改」 */
  revision: number
  draft: EditorialDrafts[T]
}

/** the body of submit, approve, publish and withdraw */
export interface EditorialTransition {
  revision: number
}
export interface EditorialReject extends EditorialTransition {
  /** 退回理由, required */
  reason: string
}
export interface EditorialPublish extends EditorialTransition {
  /** ISO instant: later than now schedules the publication (定时发布) */
  at?: string
}

/** an organisation as the console's tree select shows it, with its departments */
export interface OrgNode {
  code: string
  name: string
  level: 'city' | 'county' | 'township'
  departments: string[]
  children?: OrgNode[]
}

/** an organisation's console settings (its admins change them; every change is audited) */
export interface OrgSettings {
  code: string
  /** a one-person office may approve its own drafts; each such approval is recorded */
  allowSelfReview: boolean
}

export interface DashboardQuery {
  /** an organisation code: figures for it and below (default: the account's own) */
  org?: string
  /** policies published from / to, YYYY-MM-DD */
  from?: string
  to?: string
}

/** 解读率 and 同步解读 of one organisation or department */
export interface CoverageRow {
  org: Org
  policies: number
  /** policies with a published interpretation */
  interpreted: number
  /** interpreted / policies, 0..1 (0 when there are no policies) */
  rate: number
  /** policies whose first interpretation was published within 3 working days of the policy */
  synced: number
  syncRate: number
}

export interface Dashboard {
  org: Org
  from?: string
  to?: string
  policiesByValidity: { validity: PolicyValidity; count: number }[]
  /** per county (or per township under a county), and per department */
  coverageByOrg: CoverageRow[]
  coverageByDepartment: CoverageRow[]
  /** 待复核: published items past their review date */
  dueForReview: EditorialSummary[]
  /** drafts waiting (in_review) for each reviewer who may review them */
  waitingPerReviewer: { reviewer: StaffRef; org: Org; count: number }[]
  /** most read published items */
  mostRead: { type: EditorialType; id: Id; title: string; views: number }[]
  totals: { policies: number; interpretations: number; faqs: number; inReview: number; drafts: number }
}

/** one row of a policy list import (CSV or XLSX with the columns 标题, 文号, 发文机关, 成文日期, 发布日期, 有效性, 原文链接) */
export interface ImportRow {
  /** 1-based row number in the file, the header being row 1 */
  row: number
  title: string
  docNumber: string
  issuer: string
  writtenAt?: string
  publishedAt?: string
  validity?: PolicyValidity
  sourceUrl?: string
  errors: string[]
}

export interface ImportResult {
  dryRun: boolean
  rows: ImportRow[]
  valid: number
  invalid: number
  /** the drafts made (only when not a dry run and every row is valid) */
  created: Id[]
}

/** field errors of a refused write: { 'draft.title': '请填写标题' } */
export type FieldErrors = Record<string, string>

export interface AdminEndpoints {
  'GET /admin/orgs': { response: OrgNode[] }
  'GET /admin/orgs/:code/settings': { response: OrgSettings }
  'PUT /admin/orgs/:code/settings': { body: Omit<OrgSettings, 'code'>; response: OrgSettings }
  'GET /admin/review-queue': { query: EditorialQuery; response: Page<EditorialSummary> }
  'GET /admin/dashboard': { query: DashboardQuery; response: Dashboard }
  'GET /admin/dashboard.csv': { query: DashboardQuery; response: string }
  'POST /admin/policies/import': { query: { dryRun?: boolean; orgCode: string }; body: FormData; response: ImportResult }
  // for each of policies, interpretations, faqs, banners:
  'GET /admin/:type': { query: EditorialQuery; response: Page<EditorialSummary> }
  'POST /admin/:type': { body: EditorialCreate; response: EditorialItem }
  'GET /admin/:type/:id': { response: EditorialItem }
  'PUT /admin/:type/:id': { body: EditorialUpdate; response: EditorialItem }
  'GET /admin/:type/:id/versions': { response: EditorialVersion[] }
  'POST /admin/:type/:id/check': { response: EditorialCheck[] }
  'POST /admin/:type/:id/submit': { body: EditorialTransition; response: EditorialItem }
  'POST /admin/:type/:id/approve': { body: EditorialTransition; response: EditorialItem }
  'POST /admin/:type/:id/reject': { body: EditorialReject; response: EditorialItem }
  'POST /admin/:type/:id/publish': { body: EditorialPublish; response: EditorialItem }
  'POST /admin/:type/:id/withdraw': { body: EditorialTransition; response: EditorialItem }
}
