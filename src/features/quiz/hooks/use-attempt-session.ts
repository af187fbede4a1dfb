import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { useRequest } from '@/api'
import { routes } from '@/utils/routes'
import { getAttempt } from '../api/quiz'
import { useAttemptStore } from '../stores/attempt-store'
import { useAttemptSubmit } from './use-attempt-submit'
import { useQuizClock } from './use-quiz-clock'

/**
 * A running attempt on the 答题 page: the attempt from the server (one already submitted opens its
 * result), what the resident has done on this device, its clock, and 交卷 (by hand, or by the clock
 * when time is up). Answers stay on the device until submitted, so a reload resumes.
 */
export function useAttemptSession(id: string) {
  const view = useRequest(() => getAttempt(id), [id])
  const attempt = view.data?.attempt
  const progress = useAttemptStore((s) => s.progress[id])
  // the clock's time up sends the answers: through a ref, as 交卷 needs the clock in turn
  const timeUp = useRef<() => void>(() => undefined)
  const clock = useQuizClock(attempt, { onTimeUp: () => timeUp.current() })
  const { submit, submitting, failure } = useAttemptSubmit(attempt, clock)
  timeUp.current = () => void submit(true)

  useEffect(() => {
    if (!attempt) return
    if (attempt.status === 'submitted') void Taro.redirectTo({ url: routes.quizResult(id) })
    if (attempt.status === 'active') useAttemptStore.getState().ensure(id)
  }, [attempt, id])

  const store = useAttemptStore.getState()
  return {
    view,
    attempt,
    progress,
    clock,
    submit,
    submitting,
    failure,
    /** to question `index`, its time so far booked */
    goTo: (index: number) => {
      clock.book()
      store.goTo(id, index)
    },
    choose: (questionId: string, chosen: string[]) => store.choose(id, questionId, chosen),
  }
}
