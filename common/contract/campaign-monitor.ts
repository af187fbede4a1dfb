/**
 * 知识竞赛 live monitor and 常住人口 for the console (issue 15):
 * GET /admin/campaigns/:id/monitor · GET /admin/campaigns/:id/suspicious · GET /admin/campaigns/:id/results.csv ·
 * GET/PUT /admin/population · GET /admin/population/history
 */
import type { CampaignStatus, LeaderboardRow } from './quiz'

export interface ScoreBucket {
  /** 0–9, 10–19 … 90–99, 100 */
  label: string
  from: number
  to: number
  participants: number
}

export interface AttemptsInHour {
  /** the Beijing hour the attempts were submitted in: 2026-12-04 16:00 */
  hour: string
  attempts: number
}

export interface CampaignMonitor {
  campaign: { id: string; title: string; status: CampaignStatus; startsAt: string; endsAt: string }
  /** the organisation whose regions the figures cover (the caller's) */
  scope: { code: string; name: string }
  kpis: {
    participants: number
    submittedAttempts: number
    activeAttempts: number
    averageScore: number
    /** attempts flagged by WeChat's risk check (suspicious lists the other reasons) */
    riskFlagged: number
  }
  /** the resident boards' rows (the same code), limited to the caller's regions */
  counties: LeaderboardRow[]
  townships: LeaderboardRow[]
  scoreBuckets: ScoreBucket[]
  attemptsOverTime: AttemptsInHour[]
  /** ISO time of this reading */
  readAt: string
}

export type SuspicionKind = 'too-fast' | 'same-timing' | 'risk-rank'

export interface SuspicionReason {
  kind: SuspicionKind
  /** in Chinese, with the figures that triggered it */
  text: string
  /** same-timing: the group's id (attempts sharing it answered with the same time pattern) */
  group?: string
}

export interface SuspiciousAttempt {
  attemptId: string
  /** masked: 张* / 居****4 */
  name: string
  /** masked: 138****5678, absent when the account has none */
  mobile?: string
  regionName?: string
  score: number
  timeUsedSec: number
  submittedAt: string
  riskRank?: number
  reasons: SuspicionReason[]
}

export interface SuspiciousPage {
  items: SuspiciousAttempt[]
  total: number
  page: number
  pageSize: number
  counts: Record<SuspicionKind, number>
  /** submitted attempts checked (the caller's regions) */
  checked: number
}

export interface PopulationRow {
  code: string
  name: string
  level: 'county' | 'township'
  parentCode?: string
  /** the figure the per-capita boards use (given, or derived: see server/modules/quiz/regions.ts) */
  residents: number
  /** true when no figure is given and the boards derive one */
  derived: boolean
  year?: number
  source?: string
  updatedAt?: string
  updatedBy?: string
  /** whether the caller may change it */
  editable: boolean
}

export interface PopulationTable {
  items: PopulationRow[]
}

export interface PopulationChange {
  regionCode: string
  residents: number
}

export interface PopulationUpdate {
  /** the year the figures are of (统计年度) */
  year: number
  /** where they come from: 第七次全国人口普查 / 2025 年统计年鉴 … */
  source: string
  items: PopulationChange[]
}

export interface PopulationHistoryEntry {
  id: number
  regionCode: string
  regionName: string
  before?: number
  after: number
  year: number
  source: string
  actorName: string
  changedAt: string
}

export interface PopulationHistoryPage {
  items: PopulationHistoryEntry[]
  total: number
  page: number
  pageSize: number
}

/** per-question answer times a client may send with a submit (ms, by question id) */
export type QuestionTimings = Record<string, number>
