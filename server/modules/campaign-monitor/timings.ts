/**
 * Per-question answer times sent with a submit (`timings`: question id → ms, as the client measured
 * them): kept on the attempt, in its question order, for the suspicious checks (rules.ts). Written
 * once, after the submit committed, only for the caller's own submitted attempt; a question the
 * client did not time is 0 (not compared). Client-measured, so a signal for review, never a
 * verdict: nothing is scored or ranked by it.
 */
import type { QuestionTimings } from '../../../common/contract'
import type { Store } from '../../store/store'
import { monitorRepository } from './repository'

export async function recordQuestionTimings(store: Store, userId: string, attemptId: string, timings: QuestionTimings): Promise<void> {
  const repo = monitorRepository(store.quiz.db)
  const attempt = await repo.attemptQuestions(attemptId)
  if (!attempt || attempt.userId !== userId || attempt.status !== 'submitted') return
  await repo.saveQuestionMs(
    attemptId,
    attempt.questionIds.map((id) => timings[id] ?? 0),
  )
}
