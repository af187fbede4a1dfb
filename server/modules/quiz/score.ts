/**
 * Scoring, on the server only. A question scores when the chosen options are exactly the correct
 * ones (multiple choice: all of them and nothing else; no partial credit). Unanswered questions
 * score zero; an attempt submitted after its deadline plus the grace is refused, and its answers
 * score nothing. The score is out of 100, shared equally by the questions.
 */
import type { QuizQuestionReview } from '../../../common/contract'
import { presentQuestion, toDisplayKeys, toOriginalKeys } from './select'
import type { AttemptQuestion, QuestionKey } from './types'

export const MAX_SCORE = 100

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  // one key each (single choice and judge questions, most of them): no sets to make
  if (a.length === 1 && b.length === 1) return a[0] === b[0]
  const x = [...new Set(a)].sort()
  const y = [...new Set(b)].sort()
  return x.length === y.length && x.every((k, i) => k === y[i])
}

/** a single or judge question takes one key; anything else is a wrong answer, not an error */
export function isCorrect(q: QuestionKey, chosenOriginal: readonly string[]): boolean {
  if (chosenOriginal.length === 0) return false
  if (q.type !== 'multiple' && chosenOriginal.length !== 1) return false
  return sameKeys(q.answer, chosenOriginal)
}

export interface Scored {
  score: number
  correctCount: number
  total: number
  review: QuizQuestionReview[]
}

/**
 * Scores answers given in the attempt's display keys. `keys` holds every question of the attempt
 * (by id); answers to questions not in the attempt are ignored.
 */
export function scoreAttempt(
  questions: readonly AttemptQuestion[],
  keys: ReadonlyMap<string, QuestionKey>,
  answers: Readonly<Record<string, readonly string[]>>,
): Scored {
  let correctCount = 0
  const review = questions.map((aq) => {
    const q = keys.get(aq.id)
    if (!q) throw new Error(`scoreAttempt: no key for ${aq.id}`)
    const given = answers[aq.id] ?? []
    const chosen = given.length <= 1 ? [...given] : [...new Set(given)].sort()
    const ok = isCorrect(q, toOriginalKeys(q, aq, chosen))
    if (ok) correctCount++
    return {
      ...presentQuestion(q, aq),
      correct: toDisplayKeys(q, aq, q.answer),
      chosen,
      isCorrect: ok,
      explanation: q.explanation,
      ...(q.interpretationId ? { interpretationId: q.interpretationId } : {}),
    }
  })
  const total = questions.length
  return { score: total === 0 ? 0 : Math.round((correctCount * MAX_SCORE) / total), correctCount, total, review }
}
