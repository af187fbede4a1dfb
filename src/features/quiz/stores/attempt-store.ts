import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { newIdempotencyKey } from '@/utils/idempotency'
import { taroJSONStorage } from '@/utils/storage'

/** What the participant has done in a running attempt, kept on the device so a reload resumes it. */
export interface AttemptProgress {
  /** display keys chosen per question id */
  answers: Record<string, string[]>
  /** time spent on each question, ms */
  spentMs: Record<string, number>
  /** questions whose own time ran out: shown, no longer answerable */
  timedOut: string[]
  index: number
  /** one key per attempt, so a retried submit is the same request */
  submitKey: string
}

const KEEP = 5

interface AttemptState {
  progress: Record<string, AttemptProgress>
  order: string[]
  ensure: (attemptId: string) => AttemptProgress
  choose: (attemptId: string, questionId: string, chosen: string[]) => void
  spend: (attemptId: string, questionId: string, ms: number) => void
  timeOut: (attemptId: string, questionId: string) => void
  goTo: (attemptId: string, index: number) => void
  forget: (attemptId: string) => void
}

const empty = (): AttemptProgress => ({ answers: {}, spentMs: {}, timedOut: [], index: 0, submitKey: newIdempotencyKey() })

export const useAttemptStore = create<AttemptState>()(
  persist(
    (set, get) => {
      const update = (attemptId: string, change: (p: AttemptProgress) => AttemptProgress) =>
        set((s) => ({ progress: { ...s.progress, [attemptId]: change(s.progress[attemptId] ?? empty()) } }))
      return {
        progress: {},
        order: [],
        ensure: (attemptId) => {
          const existing = get().progress[attemptId]
          if (existing) return existing
          const fresh = empty()
          set((s) => {
            const order = [attemptId, ...s.order.filter((id) => id !== attemptId)]
            const progress = { ...s.progress, [attemptId]: fresh }
            for (const old of order.slice(KEEP)) delete progress[old]
            return { progress, order: order.slice(0, KEEP) }
          })
          return fresh
        },
        choose: (attemptId, questionId, chosen) =>
          update(attemptId, (p) => (p.timedOut.includes(questionId) ? p : { ...p, answers: { ...p.answers, [questionId]: chosen } })),
        spend: (attemptId, questionId, ms) => update(attemptId, (p) => ({ ...p, spentMs: { ...p.spentMs, [questionId]: (p.spentMs[questionId] ?? 0) + ms } })),
        timeOut: (attemptId, questionId) => update(attemptId, (p) => (p.timedOut.includes(questionId) ? p : { ...p, timedOut: [...p.timedOut, questionId] })),
        goTo: (attemptId, index) => update(attemptId, (p) => ({ ...p, index })),
        forget: (attemptId) =>
          set((s) => {
            const progress = { ...s.progress }
            delete progress[attemptId]
            return { progress, order: s.order.filter((id) => id !== attemptId) }
          }),
      }
    },
    { name: 'zct-quiz-attempts', storage: taroJSONStorage, partialize: (s) => ({ progress: s.progress, order: s.order }) },
  ),
)

/** the next question after `from` still open (not timed out), wrapping round; -1 when none */
export function nextOpen(questionIds: string[], from: number, timedOut: string[]): number {
  for (let step = 1; step <= questionIds.length; step++) {
    const i = (from + step) % questionIds.length
    if (!timedOut.includes(questionIds[i])) return i
  }
  return -1
}
