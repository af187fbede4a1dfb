/**
 * The quiz's storage: attempts, standings (the attempt that counts per user and campaign), region
 * totals, the 错题本 and quiz settings. Plain reads and writes only: the rules are in server/quiz/
 * and the service there runs them inside `atomically`, so both stores behave the same.
 * Implementations: memory.ts and sqlite.ts here; one suite (test/api/quiz-store.test.ts).
 */
import type { QuizProfile } from '../../../common/contract'
import type { AttemptRecord, MistakeRecord, QuestionKey, RegionTotal, Standing } from './types'
import type { IdempotencyRecord } from '../../store/store'

export interface BoardEntry extends Standing {
  nickname: string
  hideName: boolean
  regionCode?: string
}

export interface QuizStore {
  /** the store's clock */
  now(): Date
  /** runs `fn` as one unit: in SQLite one IMMEDIATE transaction, so reads and writes can't interleave */
  atomically<T>(fn: () => T): T

  /** the questions a campaign draws from, with their keys */
  campaignQuestions(campaignId: string): QuestionKey[]
  /** every question (or a topic's), with keys, ordered by id */
  bankQuestions(topic?: string): QuestionKey[]
  questionKeys(ids: readonly string[]): Map<string, QuestionKey>

  getProfile(userId: string): QuizProfile
  saveProfile(userId: string, profile: QuizProfile): QuizProfile

  insertAttempt(attempt: AttemptRecord): void
  getAttempt(id: string): AttemptRecord | undefined
  /** the attempt with status `active` (there is at most one), whatever its deadline */
  activeAttempt(userId: string, campaignId: string): AttemptRecord | undefined
  /** attempts started in [from, to) */
  countAttemptsStarted(userId: string, campaignId: string, from: Date, to: Date): number
  /** writes status, answers and result fields of an existing attempt */
  updateAttempt(attempt: AttemptRecord): void

  getStanding(campaignId: string, userId: string): Standing | undefined
  /** replaces the user's standing and moves the region totals from `previous` to `next` */
  saveStanding(next: Standing, previous: Standing | undefined): void
  /** in board order */
  topStandings(campaignId: string, limit: number): BoardEntry[]
  /** how many standings rank strictly above `s` */
  countAhead(campaignId: string, s: Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt'>): number
  countStandings(campaignId: string): number
  regionTotals(campaignId: string): RegionTotal[]

  getMistake(userId: string, questionId: string): MistakeRecord | undefined
  /** the user's mistakes among these questions, by question id (one read for a whole attempt) */
  mistakesAmong(userId: string, questionIds: readonly string[]): Map<string, MistakeRecord>
  putMistake(record: MistakeRecord): void
  /** several at once (one statement in SQLite): a submit's wrong answers */
  putMistakes(records: readonly MistakeRecord[]): void
  deleteMistake(userId: string, questionId: string): void
  /** newest mistake first */
  listMistakes(userId: string): MistakeRecord[]

  /** 常住人口 given for regions (codes without a figure are derived by the rules) */
  residentFigures(): Record<string, number>

  findIdempotencyRecord(userId: string, scope: string, key: string): IdempotencyRecord | undefined
  remember(userId: string, scope: string, key: string, record: IdempotencyRecord): void
}
