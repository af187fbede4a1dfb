/**
 * 知识竞赛 in the console (issue 15): question banks with versions, their CSV/XLSX import, and
 * campaigns made from a bank version, under /api/v1/admin/question-banks and /api/v1/admin/campaigns.
 * Staff-only: these carry answers. What residents see stays in ./quiz.
 */
import type { Campaign, CampaignStatus, QuizQuestionPublic } from './quiz'
import type { Page, PageQuery } from './paging'

export type BankQuestionType = 'single' | 'multiple'
export const BANK_QUESTION_TYPES: readonly BankQuestionType[] = ['single', 'multiple']
export const BANK_QUESTION_TYPE_LABELS: Record<BankQuestionType, string> = { single: '单选', multiple: '多选' }

/** limits the server checks and the console's form shows */
export const BANK_LIMITS = {
  name: 40,
  stem: 300,
  option: 100,
  explanation: 500,
  minOptions: 2,
  maxOptions: 6,
  questionsPerBankVersion: 2000,
  note: 100,
} as const

/** option keys in order: options are stored with these keys, answers name them */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** a question as an editor writes it: option texts in order (keyed A, B, C …), the right keys */
export interface BankQuestionInput {
  type: BankQuestionType
  stem: string
  options: string[]
  answer: string[]
  explanation: string
  /** a topic id (topics of the app: yibao, yanglao …) */
  topic: string
  /** the policy the question is about (an id of the policy library) */
  policyId?: string
}

export interface BankQuestion {
  id: string
  bankId: string
  version: number
  position: number
  type: BankQuestionType
  stem: string
  options: { key: string; text: string }[]
  answer: string[]
  explanation: string
  topic: string
  policyId?: string
  updatedAt: string
}

export interface CampaignRef {
  id: string
  title: string
  status: CampaignStatus
}

/**
 * How a version may be edited: `open` in place; `locked` — an upcoming or running campaign uses it;
 * `frozen` — only ended campaigns used it (their results keep its questions). Locked and frozen
 * versions are changed only by saving a new version.
 */
export type BankLockState = 'open' | 'locked' | 'frozen'

export interface QuestionBankVersion {
  version: number
  createdAt: string
  createdByName: string
  note: string
  questionCount: number
  /** questions per topic id: what a campaign's quota can draw */
  topicCounts: Record<string, number>
  lock: BankLockState
  campaigns: CampaignRef[]
}

export interface QuestionBankSummary {
  id: string
  name: string
  orgCode: string
  orgName: string
  topic: string
  /** the newest version: edits go there */
  version: number
  questionCount: number
  /** the newest version's state */
  lock: BankLockState
  updatedAt: string
}

export interface QuestionBank extends QuestionBankSummary {
  versions: QuestionBankVersion[]
}

export interface QuestionBankInput {
  name: string
  orgCode: string
  topic: string
}

export interface QuestionBankQuery extends PageQuery {
  q?: string
  org?: string
  topic?: string
}

export interface BankQuestionQuery extends PageQuery {
  version?: number
  q?: string
  topic?: string
  type?: BankQuestionType
}

/** a write to a question of a bank: on a locked or frozen version only with `newVersion=true` */
export interface BankWriteQuery {
  newVersion?: boolean
}

/** what a question write answers: the question and the version it is now in */
export interface BankQuestionSaved {
  question?: BankQuestion
  version: number
  /** true when the write made a new version (copy-on-write) */
  newVersion: boolean
}

// --- import -------------------------------------------------------------------------------------

/** the columns of an import file, in the template's order */
export const BANK_IMPORT_COLUMNS = {
  type: '题型',
  stem: '题干',
  optionA: '选项A',
  optionB: '选项B',
  optionC: '选项C',
  optionD: '选项D',
  optionE: '选项E',
  optionF: '选项F',
  answer: '答案',
  explanation: '解析',
  topic: '主题',
  policyId: '政策编号',
} as const

export interface BankImportError {
  /** the column's Chinese name (题干, 答案 …) */
  field: string
  message: string
}

export interface BankImportRow {
  /** the line of the file (the header is line 1) */
  row: number
  stem: string
  errors: BankImportError[]
}

/** all or nothing: one row in error and nothing is imported */
export interface BankImportResult {
  dryRun: boolean
  rows: BankImportRow[]
  valid: number
  invalid: number
  /** questions added (0 on a dry run or a refusal) */
  created: number
  /** the version they went into */
  version: number
  newVersion: boolean
}

// --- campaigns ----------------------------------------------------------------------------------

export type ScoreCounts = 'best' | 'latest'

export interface AdminCampaignInput {
  orgCode: string
  title: string
  /** the rules as residents read them (活动规则) */
  rulesText: string
  startsAt: string
  endsAt: string
  /** questions per attempt by topic id; their sum is the questions per attempt */
  topicQuota: Record<string, number>
  secondsPerQuestion: number
  attemptsPerDay: number
  scoreCounts: ScoreCounts
  /** region codes (the city, counties, townships) whose residents may take part */
  regions: string[]
  prizeNote?: string
  bankId: string
  bankVersion: number
}

/** the fields a running campaign may still change: what residents read, not how they are scored */
export const CAMPAIGN_SAFE_FIELDS = ['title', 'rulesText', 'prizeNote'] as const
export type CampaignSafeField = (typeof CAMPAIGN_SAFE_FIELDS)[number]

export const CAMPAIGN_LIMITS = {
  title: 60,
  rulesText: 2000,
  prizeNote: 500,
  questionsPerAttempt: 50,
  secondsPerQuestion: { min: 5, max: 300 },
  attemptsPerDay: { min: 1, max: 20 },
} as const

export interface AdminCampaign {
  id: string
  orgCode: string
  orgName: string
  title: string
  rulesText: string
  startsAt: string
  endsAt: string
  status: CampaignStatus
  topicQuota: Record<string, number>
  questionsPerAttempt: number
  secondsPerQuestion: number
  attemptsPerDay: number
  scoreCounts: ScoreCounts
  regions: string[]
  prizeNote?: string
  participants: number
  /** absent for campaigns that predate the console (seeded) */
  bank?: { id: string; name: string; version: number }
  /** which fields may change now: all (upcoming), the safe ones (running), none (ended or seeded) */
  editable: 'all' | 'safe' | 'none'
}

export interface AdminCampaignQuery extends PageQuery {
  q?: string
  status?: CampaignStatus
}

/** the campaign as the app shows it and one draw of questions, as an attempt would (nothing recorded) */
export interface CampaignPreview {
  campaign: Campaign
  questions: QuizQuestionPublic[]
  secondsPerQuestion: number
  totalSeconds: number
}

export type QuestionBankPage = Page<QuestionBankSummary>
export type BankQuestionPage = Page<BankQuestion>
export type AdminCampaignPage = Page<AdminCampaign>
