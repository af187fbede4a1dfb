/**
 * Entities of the 政策通 content API (v1). Shared by the client (type-only), the server and tests.
 * Dates are ISO-8601 strings: `YYYY-MM-DD` for calendar dates, full timestamps for instants.
 */

export type Id = string

export type Role = 'resident' | 'staff' | 'dispatcher' | 'lecturer' | 'responder' | 'admin' | 'editor' | 'reviewer' | 'foia_officer' | 'legal_reviewer'
export const ROLES: readonly Role[] = [
  'resident',
  'staff',
  'dispatcher',
  'lecturer',
  'responder',
  'admin',
  'editor',
  'reviewer',
  'foia_officer',
  'legal_reviewer',
]

export interface Topic {
  id: string
  name: string
  icon: string
}

/** 县市区 → 乡镇街道 → 村社区 */
export type RegionLevel = 'county' | 'township' | 'village'
export interface Region {
  code: string
  name: string
  level: RegionLevel
  children?: Region[]
}

/** one region without its subtree: what the RegionPicker lists and searches */
export interface RegionRef {
  code: string
  name: string
  level: RegionLevel
}

/** a region with the names above it (county first) and how many regions it holds */
export interface RegionEntry extends RegionRef {
  ancestors: RegionRef[]
  childCount: number
}

/** 有效 / 已修订 / 已废止 */
export type PolicyValidity = 'valid' | 'revised' | 'repealed'

export interface PolicySection {
  heading: string
  paragraphs: string[]
}

export interface PolicySummary {
  id: Id
  title: string
  /** 文号, e.g. 台政办发〔2021〕28号 */
  docNumber: string
  department: string
  topic: string
  publishedAt: string
  effectiveFrom?: string
  validity: PolicyValidity
  summary: string
  /** the last day of its application window or validity (YYYY-MM-DD), when it has one */
  closesAt?: string
  /** 已截止: closesAt is before today (Beijing), as the server tells it */
  closed?: boolean
}

export interface Policy extends PolicySummary {
  issuer: string
  sections: PolicySection[]
  /** when validity is revised/repealed: what replaced it and a short note */
  validityNote?: string
  replacedBy?: Id
  interpretationIds: Id[]
  /** 成文日期 YYYY-MM-DD (policies published from the console) */
  writtenAt?: string
  /** the original document (PDF) */
  attachment?: { url: string; name: string }
  /** 原文链接 on the government website */
  sourceUrl?: string
  /** 已废止: since when (YYYY-MM-DD) */
  repealedAt?: string
  /** the organisation code of the region it applies to (331000: the whole city) */
  regionCode?: string
}

export type InterpretationKind = 'illustrated' | 'qa' | 'video'

export interface KeyFigure {
  value: string
  unit?: string
  caption: string
}

export interface TimelineItem {
  date: string
  title: string
  detail?: string
}

export interface FaqItem {
  id: Id
  question: string
  answer: string
}

export type ChartKind = 'bar' | 'line' | 'pie'

/** the data grid a chart is drawn from (common/charts/chart-spec.ts turns it into option and table) */
export interface ChartSource {
  kind: ChartKind
  title: string
  /** the first column's heading: 年份, 年龄段 … */
  categoryLabel: string
  seriesName: string
  /** 元/月, 项 …; may be empty */
  unit: string
  data: [string, number][]
}

/** A chart: an ECharts option limited to what the fixtures use, plus a data table fallback. */
export interface ChartSpec {
  /** the grid it was built from (charts made in the console and the fixtures have one) */
  source?: ChartSource
  /** ECharts option object (series types: bar, line, pie) */
  option: Record<string, unknown>
  /** the same data as a table, for 查看数据 */
  table: { columns: string[]; rows: (string | number)[][] }
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'image'; src: string; alt: string; caption?: string }
  | { type: 'keyFigures'; items: KeyFigure[] }
  | { type: 'timeline'; items: TimelineItem[] }
  | { type: 'chart'; title: string; chart: ChartSpec }
  | { type: 'table'; title?: string; columns: string[]; rows: string[][] }
  | { type: 'callout'; tone: 'key' | 'notice'; title: string; text: string }
  | { type: 'faq'; items: FaqItem[] }

export interface InterpretationSummary {
  id: Id
  title: string
  kind: InterpretationKind
  topic: string
  department: string
  policyId: Id
  cover: string
  summary: string
  publishedAt: string
  featured: boolean
}

export interface Interpretation extends InterpretationSummary {
  validity: PolicyValidity
  blocks: Block[]
  videoIds: Id[]
}

/** A FAQ of the 简明问答 library, searchable by /qa/search */
export interface Faq {
  id: Id
  question: string
  answer: string
  topic: string
  keywords: string[]
  /**
   * 相似问法: other ways residents ask the question (≤ 10, each ≤ 60 characters); the 智能问答
   * indexes them as question-like text, the app never shows them
   */
  similar?: string[]
  policyId?: Id
  interpretationId?: Id
}

/** Where a FAQ's answer comes from: its policy, the article it was written from, its interpretation. */
export interface QaSource {
  policy: { id: Id; title: string; docNumber: string; validity: PolicyValidity }
  /** the article (条款) of the policy the answer rests on: its heading and the paragraph */
  article?: { heading: string; text: string }
  interpretation?: { id: Id; title: string }
}

export interface QaHit {
  faq: Faq
  score: number
  /** terms of the query that matched, for highlighting */
  matched: string[]
  /** the policy, article and interpretation the answer rests on (GET /qa/search, when the FAQ names a policy) */
  source?: QaSource
}

export interface QaSearchResult {
  /** best first */
  items: QaHit[]
  /** the confidence model's probability that the first item answers the question (0..1) */
  confidence?: number
  /**
   * the server is confident the first item answers the question (its score reaches the ranker's
   * threshold); when false the client shows it as 「可能相关」 and leads with 向部门咨询
   */
  confident: boolean
}

export type ConsultationStatus = 'pending' | 'answered'
export interface Consultation {
  id: Id
  topic: string
  question: string
  regionCode: string
  /** always masked, e.g. 138****5678 */
  phoneMasked?: string
  status: ConsultationStatus
  createdAt: string
  reply?: { text: string; department: string; repliedAt: string }
  /** the resident's rating of the reply (once): 满意 / 基本满意 / 不满意 and an optional comment */
  rating?: { level: 'satisfied' | 'basic' | 'unsatisfied'; comment?: string; ratedAt: string }
}

/** GET /consultations (responder, admin): the department that calls back sees the full number */
export interface ConsultationForResponder extends Consultation {
  phone?: string
}

export interface Video {
  id: Id
  title: string
  topic: string
  src: string
  poster: string
  captions: string
  durationSec: number
  views: number
  likes: number
  interpretationId?: Id
  publishedAt: string
  /**
   * GET /videos/:id: the published policy the video belongs to (through its interpretation, as
   * the policy page's 相关视频 finds its videos), for 「相关政策：《…》」
   */
  policy?: { id: Id; title: string }
}

export interface Lesson {
  id: Id
  title: string
  src: string
  poster: string
  captions: string
  durationSec: number
}

export interface CourseSummary {
  id: Id
  title: string
  topic: string
  department: string
  cover: string
  summary: string
  lessonCount: number
  totalSec: number
}

export interface Course extends CourseSummary {
  lessons: Lesson[]
}

export interface LessonProgress {
  lessonId: Id
  positionSec: number
  completed: boolean
  updatedAt: string
}

export interface User {
  id: Id
  nickname: string
  role: Role
  regionCode?: string
  /** staff: the organisation the account acts for (and everything below it) */
  org?: Org
}

/**
 * An organisation: 台州市 (331000), a county (6-digit code such as 331024 仙居县) or a township
 * (9-digit code), and optionally a department of it (人力社保局). A township not known by name
 * shows its code.
 */
export interface Org {
  code: string
  name: string
  department?: string
}

export interface Session {
  token: string
  user: User
  expiresAt: string
}

/** 登录设备: one live session of the signed-in user (never its token) */
export interface SessionInfo {
  id: Id
  createdAt: string
  lastSeenAt: string
  /** a summary such as 微信 · iPhone or Chrome · Windows */
  device: string
  /** masked: 203.0.113.* */
  ip: string
  /** the session this request came with */
  current: boolean
}

/** a staff account as admins see it (no password data) */
export interface StaffAccount {
  id: Id
  username: string
  name: string
  role: Role
  org: Org
  disabled: boolean
  /** set while wrong passwords keep it locked */
  lockedUntil?: string
  createdAt: string
  lastLoginAt?: string
}

export interface StaffAccountInput {
  username: string
  name: string
  role: Role
  orgCode: string
  department?: string
  password: string
}

export interface StaffAccountQuery {
  q?: string
  role?: Role
  org?: string
  page?: number
}

/** one entry of the audit log (GET /admin/audit) */
export interface AuditEntry {
  id: number
  at: string
  actor: { id: Id; name: string; role: string; orgCode?: string }
  action: string
  targetType?: string
  targetId?: string
  ip?: string
  detail?: Record<string, unknown>
}

export interface AuditQuery {
  actor?: string
  action?: string
  targetType?: string
  targetId?: string
  /** ISO instants or YYYY-MM-DD (Asia/Shanghai day) */
  from?: string
  to?: string
  page?: number
  pageSize?: number
}
