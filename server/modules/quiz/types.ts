/** What the quiz rules and the quiz store work on: the answer key and attempts as stored. */
import type { AttemptStatus, QuizQuestionPublic } from '../../../common/contract'

/** a question with its key: only the server's scoring and review code reads answer and explanation */
export interface QuestionKey extends QuizQuestionPublic {
  /** original option keys of the correct options */
  answer: string[]
  explanation: string
  interpretationId?: string
  /** the policy the interpretation explains, for grouping the 错题本 */
  policyId?: string
}

/**
 * A question of one attempt: `order[i]` is the original key of the option shown at place i, which
 * the participant sees labelled with the i-th display key (A, B, C … or T/F for judge questions).
 */
export interface AttemptQuestion {
  id: string
  order: string[]
}

export interface AttemptRecord {
  id: string
  userId: string
  campaignId: string
  startedAt: string
  deadline: string
  status: AttemptStatus
  questions: AttemptQuestion[]
  /** the village or township the participant answered for; its county and township for the boards */
  regionCode?: string
  countyCode?: string
  townshipCode?: string
  /** once submitted: display keys chosen per question id */
  answers?: Record<string, string[]>
  score?: number
  correctCount?: number
  timeUsedMs?: number
  submittedAt?: string
}

/** the attempt that counts for a user on a campaign's board (best or latest, by the rules) */
export interface Standing {
  campaignId: string
  userId: string
  attemptId: string
  score: number
  timeUsedMs: number
  finishedAt: string
  countyCode?: string
  townshipCode?: string
}

/** running totals of a region on a campaign: participants counted and the sum of their counted scores */
export interface RegionTotal {
  regionCode: string
  participants: number
  scoreSum: number
}

export interface MistakeRecord {
  userId: string
  questionId: string
  wrongCount: number
  streak: number
  lastWrongAt: string
}

/** a random number in [0, 1): Math.random by default, seeded in tests */
export type Random = () => number

/**
 * What the contest-integrity locks are computed from (contest-integrity/repository.ts): every
 * campaign's window and rules, and the user's attempts still `active`. A submit on PostgreSQL reads
 * them in its one read, so the result's key verdicts cost no statement of their own.
 */
export interface LockRows {
  campaigns: readonly { id: string; starts_at: string; ends_at: string; rules: string }[]
  running: readonly { id: string; questions: string; deadline: string }[]
}
