import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api'
import type { Attempt } from '@common/contract'
import { routes } from '@/utils/routes'
import { submitAttempt } from '../api/quiz'
import { useAttemptStore } from '../stores/attempt-store'
import type { QuizClock } from './use-quiz-clock'

export interface SubmitFailure {
  message: string
  /** the server will take no answers any more (409: past the deadline and its grace) */
  final: boolean
}

/**
 * 交卷: asks first when questions are unanswered (not when the clock submits), stops the clock,
 * sends the answers with the time each question was on screen under the attempt's one
 * Idempotency-Key (a retry is the same request), then opens the result. A failure is shown; a
 * final one (409) ends the attempt on this device, any other lets the clock run on.
 */
export function useAttemptSubmit(attempt: Attempt | undefined, clock: Pick<QuizClock, 'stop' | 'resume' | 'isStopped'>) {
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<SubmitFailure>()
  const { stop, resume, isStopped } = clock

  const submit = useCallback(
    async (auto: boolean) => {
      if (!attempt || isStopped()) return
      const id = attempt.id
      const p = useAttemptStore.getState().ensure(id)
      const unanswered = attempt.questions.filter((q) => !(p.answers[q.id] ?? []).length).length
      if (!auto && unanswered > 0) {
        const { confirm } = await Taro.showModal({
          title: '确认交卷',
          content: `还有 ${unanswered} 题未作答，未答的题不得分。确定交卷吗？`,
          confirmText: '交卷',
          cancelText: '继续答题',
        })
        // the clock may have sent them while the question was open
        if (!confirm || isStopped()) return
      }
      stop()
      setSubmitting(true)
      setFailure(undefined)
      try {
        const { answers, spentMs, submitKey } = useAttemptStore.getState().ensure(id)
        const timings = Object.fromEntries(Object.entries(spentMs).map(([qid, ms]) => [qid, Math.round(ms)]))
        await submitAttempt(id, answers, submitKey, timings)
        useAttemptStore.getState().forget(id)
        void Taro.redirectTo({ url: routes.quizResult(id) })
      } catch (e) {
        const final = e instanceof ApiError && e.status === 409
        setFailure({ message: e instanceof Error ? e.message : '提交失败，请重试', final })
        if (final) useAttemptStore.getState().forget(id)
        else resume()
      } finally {
        setSubmitting(false)
      }
    },
    [attempt, stop, resume, isStopped],
  )

  return { submit, submitting, failure }
}
