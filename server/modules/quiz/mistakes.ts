/**
 * The 错题本: a wrong (or unanswered) question goes in and its streak restarts; a correct answer to
 * a question in the book adds to its streak, and the second correct answer in a row takes it out.
 * A correct answer to a question not in the book changes nothing.
 */
import type { MistakeRecord } from './types'

export const STREAK_TO_REMOVE = 2

export type MistakeChange = { kind: 'none' } | { kind: 'put'; record: MistakeRecord } | { kind: 'remove' }

export function nextMistake(previous: MistakeRecord | undefined, userId: string, questionId: string, correct: boolean, now: Date): MistakeChange {
  if (!correct) {
    return {
      kind: 'put',
      record: { userId, questionId, wrongCount: (previous?.wrongCount ?? 0) + 1, streak: 0, lastWrongAt: now.toISOString() },
    }
  }
  if (!previous) return { kind: 'none' }
  const streak = previous.streak + 1
  if (streak >= STREAK_TO_REMOVE) return { kind: 'remove' }
  return { kind: 'put', record: { ...previous, streak } }
}
