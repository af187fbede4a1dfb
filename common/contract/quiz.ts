/** 知识竞赛: campaigns, attempts, scoring results, leaderboards, practice and 错题本 (issue 6). */
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
  /** questions per attempt by topic id (campaigns made in the console); their sum is questionsPerAttempt */
  perTopic?: Record<string, number>
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

/**
 * A question of a submitted attempt while its key is withheld (a campaign using it is upcoming or
 * running): what the contestant chose and whether it was right — no right options, no explanation.
 */
export interface QuizQuestionOutcome extends QuizQuestionPublic {
  chosen: string[]
  isCorrect: boolean
}

/** A question of a submitted attempt once its key is shown: with the right options and the explanation. */
export interface QuizQuestionReview extends QuizQuestionOutcome {
  correct: string[]
  explanation: string
  interpretationId?: Id
}

/** one question of a result's review: the key is there only once no running or upcoming campaign uses the question */
export type QuizReviewItem = QuizQuestionOutcome | QuizQuestionReview

export const hasKey = (q: QuizReviewItem): q is QuizQuestionReview => 'correct' in q

export type AttemptStatus = 'active' | 'submitted' | 'expired'

export interface Attempt {
  id: Id
  campaignId: Id
  startedAt: string
  /** the server's deadline: questions × seconds per question after the start */
  deadline: string
  questions: QuizQuestionPublic[]
  /** options are shuffled and relabelled A, B, C … per attempt; judge questions keep 正确/错误 */
  secondsPerQuestion: number
  /** a submit this long after the deadline is still taken (network transit of an auto-submit) */
  graceSec: number
  status: AttemptStatus
  /** the server's clock when it answered, so the client's countdown ignores a wrong phone clock */
  serverNow: string
}

export interface AttemptResult {
  attemptId: Id
  campaignId: Id
  score: number
  maxScore: number
  correctCount: number
  total: number
  timeUsedSec: number
  submittedAt: string
  /** the caller's place on the person board now (after this attempt counted or not) */
  rank?: number
  /** the score that counts on the board (best or latest attempt, by the campaign's rule) */
  countedScore?: number
  review: QuizReviewItem[]
  /**
   * the review's keys and explanations are withheld while a campaign using its questions is upcoming
   * or running (review of issue 12, H1): how many questions, and when they are shown (the end of the
   * last such campaign; absent when only the caller's own running attempt holds them)
   */
  keyWithheld?: { questions: number; until?: string }
}

/** GET /attempts/:id: the attempt (to resume it) and, once submitted, its result */
export interface AttemptView {
  attempt: Attempt
  result?: AttemptResult
}

/** GET /campaigns/:id/me: where the caller stands in a campaign */
export interface CampaignMe {
  attemptsToday: number
  attemptsLeftToday: number
  activeAttemptId?: Id
  counted?: { score: number; timeUsedSec: number; attemptId: Id }
  rank?: number
  regionCode?: string
}

export type LeaderboardScope = 'person' | 'county' | 'township'
export interface LeaderboardRow {
  rank: number
  name: string
  regionCode?: string
  /** person: the counted score; county/township: total score per 10,000 residents */
  score: number
  timeUsedSec?: number
  participants?: number
  /** county/township: 常住人口 used for the per-capita figures */
  residents?: number
  /** county/township: participants per 10,000 residents */
  participationPer10k?: number
  /** county/township: average counted score of its participants */
  averageScore?: number
  /** person: the county · township the participant answered for */
  regionName?: string
  /** the caller's own row */
  isMe?: boolean
  /** another row has the same rank: shown as 并列 */
  tied?: boolean
}
export interface Leaderboard {
  scope: LeaderboardScope
  rows: LeaderboardRow[]
  mine?: LeaderboardRow
  /** person scope: everyone on the board; county/township: the regions ranked (those with participants) */
  total: number
  /** county/township: the regions of that level the campaign is open to, ranked or not yet */
  regions?: number
}

/** the caller's quiz settings: the region they answer for and whether their name shows */
export interface QuizProfile {
  regionCode?: string
  hideName: boolean
}

/** practice: a question without its answer, until it is answered */
export type PracticeQuestion = QuizQuestionPublic

export interface PracticeFeedback {
  questionId: Id
  isCorrect: boolean
  correct: string[]
  explanation: string
  interpretationId?: Id
  /** the question's place in the 错题本 after this answer */
  mistake: { inBook: boolean; streak: number; removed: boolean }
}

export interface MistakeItem {
  question: QuizQuestionPublic
  wrongCount: number
  /** correct answers in a row since the last mistake; two take it out of the book */
  streak: number
  lastWrongAt: string
  /** practice will not take it yet: a campaign using it is upcoming or running (until its end), or the caller's running attempt has it */
  locked?: { until?: string }
}

/** 错题本 grouped by the policy each question comes from */
export interface MistakeGroup {
  policyId?: Id
  policyTitle: string
  items: MistakeItem[]
}

/** method + path → request and response types (merged into Endpoints) */
export interface QuizEndpoints {
  'GET /campaigns': { query: { status?: string }; res: CampaignSummary[] }
  'GET /campaigns/:id': { res: Campaign }
  'GET /campaigns/:id/me': { res: CampaignMe }
  /** starts an attempt, or returns the one still running (one active attempt per user and campaign) */
  'POST /campaigns/:id/attempts': { body: { regionCode?: string }; res: Attempt }
  'GET /attempts/:id': { res: AttemptView }
  /** `timings`: ms each question was on screen (the console's 可疑答题 checks read them; never scored) */
  'POST /attempts/:id/submit': { body: { answers: Record<Id, string[]>; timings?: Record<Id, number> }; res: AttemptResult }
  'GET /campaigns/:id/leaderboard': { query: { scope?: LeaderboardScope }; res: Leaderboard }
  'GET /quiz/profile': { res: QuizProfile }
  'PUT /quiz/profile': { body: Partial<QuizProfile>; res: QuizProfile }
  'GET /practice/questions': {
    query: { topic?: string; source?: 'mistakes'; policyId?: string; count?: number }
    res: PracticeQuestion[]
  }
  'POST /practice/answers': { body: { questionId: Id; chosen: string[] }; res: PracticeFeedback }
  'GET /mistakes': { res: MistakeGroup[] }
}
