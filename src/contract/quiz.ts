/** 知识竞赛: campaigns, attempts, scoring results and leaderboards (issue 6). */
import type { Id } from './entities'

export type CampaignStatus = 'upcoming' | 'ongoing' | 'ended'
export type QuestionType = 'single' | 'multiple' | 'judge'

export interface CampaignRules {
  questionsPerAttempt: number
  secondsPerQuestion: number
  attemptsPerDay: number
  scoreCounts: 'best' | 'latest'
  eligibleRegions: string[]
  prizes?: string
  certificate?: string
}

export interface CampaignSummary {
  id: Id
  title: string
  department: string
  cover: string
  startsAt: string
  endsAt: string
  status: CampaignStatus
  participants: number
}

export interface Campaign extends CampaignSummary {
  description: string
  rules: CampaignRules
  topics: string[]
}

/** A question as a participant sees it before submitting: never the answer or explanation. */
export interface QuizQuestionPublic {
  id: Id
  type: QuestionType
  stem: string
  options: { key: string; text: string }[]
  topic: string
}

export interface QuizQuestionReview extends QuizQuestionPublic {
  correct: string[]
  chosen: string[]
  isCorrect: boolean
  explanation: string
  interpretationId?: Id
}

export interface Attempt {
  id: Id
  campaignId: Id
  startedAt: string
  deadline: string
  questions: QuizQuestionPublic[]
}

export interface AttemptResult {
  attemptId: Id
  score: number
  maxScore: number
  correctCount: number
  total: number
  timeUsedSec: number
  rank?: number
  review: QuizQuestionReview[]
}

export type LeaderboardScope = 'person' | 'county' | 'township'
export interface LeaderboardRow {
  rank: number
  name: string
  regionCode?: string
  score: number
  timeUsedSec?: number
  participants?: number
}
export interface Leaderboard {
  scope: LeaderboardScope
  rows: LeaderboardRow[]
  mine?: LeaderboardRow
}


/** method + path → request and response types (merged into Endpoints) */
export interface QuizEndpoints {
  'GET /campaigns': { query: { status?: string }; res: CampaignSummary[] }
  'GET /campaigns/:id': { res: Campaign }
  'POST /campaigns/:id/attempts': { res: Attempt }
  'POST /attempts/:id/submit': { body: { answers: Record<Id, string[]> }; res: AttemptResult }
  'GET /campaigns/:id/leaderboard': { query: { scope?: LeaderboardScope }; res: Leaderboard }
}
