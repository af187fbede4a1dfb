import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError, useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getAttempt, submitAttempt } from '@/features/quiz/api/quiz'
import { AnswerCard } from '@/features/quiz/components/answer-card'
import { QuestionView } from '@/features/quiz/components/question-view'
import { clock } from '@/features/quiz/format'
import { nextOpen, useAttemptStore } from '@/features/quiz/stores/attempt-store'
import { routes } from '@/utils/routes'
import '../quiz.scss'

const TICK_MS = 1000

/**
 * 答题: one question at a time with its own countdown (when it runs out the question closes and
 * the next open one shows), the whole attempt's countdown from the server's deadline (the phone's
 * clock is corrected by the server's), an answer card to jump, and a submit that happens by
 * itself at the deadline. Answers stay on the device until submitted, so a reload resumes.
 */
export default function AttemptPage() {
  const { id = '' } = useRouter().params
  const view = useRequest(() => getAttempt(id), [id])
  const attempt = view.data?.attempt
  const progress = useAttemptStore((s) => s.progress[id])
  const [offset, setOffset] = useState(0)
  const [, setTick] = useState(0)
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<{ message: string; final: boolean }>()
  const sent = useRef(false)
  /** when the time on screen was last booked to the question showing */
  const booked = useRef(Date.now())

  /** books the time since the last booking to the question on screen (on every tick, before leaving it and before 交卷) */
  const book = useCallback(
    (questionId: string | undefined) => {
      const nowMs = Date.now()
      const elapsed = nowMs - booked.current
      booked.current = nowMs
      const p = useAttemptStore.getState().progress[id]
      if (!questionId || !p || p.timedOut.includes(questionId) || sent.current) return 0
      useAttemptStore.getState().spend(id, questionId, elapsed)
      return elapsed
    },
    [id],
  )

  useEffect(() => {
    if (!attempt) return
    setOffset(Date.parse(attempt.serverNow) - Date.now())
    if (attempt.status === 'submitted') void Taro.redirectTo({ url: routes.quizResult(id) })
    if (attempt.status === 'active') useAttemptStore.getState().ensure(id)
  }, [attempt, id])

  const submit = useCallback(
    async (auto: boolean) => {
      if (!attempt || sent.current) return
      const p = useAttemptStore.getState().ensure(id)
      const unanswered = attempt.questions.filter((q) => !(p.answers[q.id] ?? []).length).length
      if (!auto && unanswered > 0) {
        const { confirm } = await Taro.showModal({
          title: '确认交卷',
          content: `还有 ${unanswered} 题未作答，未答的题不得分。确定交卷吗？`,
          confirmText: '交卷',
          cancelText: '继续答题',
        })
        if (!confirm) return
      }
      book(attempt.questions[p.index]?.id)
      sent.current = true
      setSubmitting(true)
      setFailure(undefined)
      try {
        const { spentMs } = useAttemptStore.getState().ensure(id)
        const timings = Object.fromEntries(Object.entries(spentMs).map(([qid, ms]) => [qid, Math.round(ms)]))
        await submitAttempt(id, p.answers, p.submitKey, timings)
        useAttemptStore.getState().forget(id)
        void Taro.redirectTo({ url: routes.quizResult(id) })
      } catch (e) {
        const final = e instanceof ApiError && e.status === 409
        setFailure({ message: e instanceof Error ? e.message : '提交失败，请重试', final })
        if (final) useAttemptStore.getState().forget(id)
        else sent.current = false
      } finally {
        setSubmitting(false)
      }
    },
    [attempt, id, book],
  )

  useEffect(() => {
    if (!attempt || attempt.status !== 'active') return undefined
    const ids = attempt.questions.map((q) => q.id)
    const limitMs = attempt.secondsPerQuestion * 1000
    booked.current = Date.now()
    const timer = setInterval(() => {
      const nowMs = Date.now()
      if (sent.current) return
      const store = useAttemptStore.getState()
      const p = store.ensure(id)
      const qid = ids[p.index]
      const elapsed = book(qid)
      if (qid && !p.timedOut.includes(qid)) {
        if ((p.spentMs[qid] ?? 0) + elapsed >= limitMs) {
          store.timeOut(id, qid)
          const next = nextOpen(ids, p.index, [...p.timedOut, qid])
          if (next < 0) void submit(true)
          else store.goTo(id, next)
        }
      }
      if (Date.parse(attempt.deadline) - (nowMs + offset) <= 0) void submit(true)
      setTick((t) => t + 1)
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [attempt, id, offset, submit, book])

  if (view.loading && !view.data) return <Skeleton rows={4} />
  if (view.error && !view.data) return <ErrorState message={view.error.message} onRetry={view.reload} />
  if (!attempt) return <Skeleton rows={4} />
  if (attempt.status === 'expired' || failure?.final) {
    return (
      <ThemePage>
        <View className='quiz-panel'>
          <Text className='quiz-panel__title'>{failure?.message ?? '本次答题已超时'}</Text>
          <Text className='quiz-panel__line'>答题时间结束后未能交卷，本次不计成绩。</Text>
          <Button role='button' className='quiz-btn' onClick={() => Taro.redirectTo({ url: routes.quizDetail(attempt.campaignId) })}>
            返回竞赛
          </Button>
        </View>
      </ThemePage>
    )
  }
  if (!progress) return <Skeleton rows={4} />

  const ids = attempt.questions.map((q) => q.id)
  const index = Math.min(progress.index, ids.length - 1)
  const q = attempt.questions[index]
  const leftTotal = (Date.parse(attempt.deadline) - (Date.now() + offset)) / 1000
  const leftQuestion = attempt.secondsPerQuestion - (progress.spentMs[q.id] ?? 0) / 1000
  const closed = progress.timedOut.includes(q.id)
  const answered = ids.filter((x) => (progress.answers[x] ?? []).length > 0).length
  const go = (i: number) => {
    book(q.id)
    useAttemptStore.getState().goTo(id, i)
  }

  return (
    <ThemePage>
      <View className='quiz-bar'>
        <View className='quiz-bar__row'>
          <Text>
            进度 {answered}/{ids.length}
          </Text>
          <Text
            className={`quiz-bar__time ${leftQuestion <= 5 && !closed ? 'quiz-bar__time--low' : ''}`}
            aria-label={`本题剩余${Math.max(0, Math.ceil(leftQuestion))}秒`}
          >
            {closed ? '本题时间已到' : `本题 ${Math.max(0, Math.ceil(leftQuestion))} 秒`}
          </Text>
          <Text className='quiz-bar__time' aria-label={`总剩余${clock(leftTotal)}`}>
            总剩余 {clock(leftTotal)}
          </Text>
        </View>
        <View className='quiz-progress' aria-hidden>
          <View className='quiz-progress__fill' style={{ width: `${(answered / ids.length) * 100}%` }} />
        </View>
      </View>

      <QuestionView
        question={q}
        index={index}
        total={ids.length}
        chosen={progress.answers[q.id] ?? []}
        locked={closed || submitting}
        onChange={(chosen) => useAttemptStore.getState().choose(id, q.id, chosen)}
      />

      {failure ? (
        <View className='quiz-panel'>
          <Text className='quiz-panel__line'>{failure.message}</Text>
        </View>
      ) : null}

      <View className='quiz-actions'>
        {index > 0 ? (
          <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => go(index - 1)}>
            上一题
          </Button>
        ) : (
          <View className='quiz-actions__spacer' />
        )}
        {index < ids.length - 1 ? (
          <Button role='button' className='quiz-btn' onClick={() => go(index + 1)}>
            下一题
          </Button>
        ) : (
          <Button role='button' className='quiz-btn quiz-btn--warn' loading={submitting} disabled={submitting || undefined} onClick={() => submit(false)}>
            {failure ? '重新提交' : '交卷'}
          </Button>
        )}
      </View>

      <AnswerCard questionIds={ids} answers={progress.answers} timedOut={progress.timedOut} current={index} onJump={go} />
      {index < ids.length - 1 ? (
        <View className='quiz-actions'>
          <Button role='button' className='quiz-btn quiz-btn--warn' loading={submitting} disabled={submitting || undefined} onClick={() => submit(false)}>
            {failure ? '重新提交' : '交卷'}
          </Button>
        </View>
      ) : null}
    </ThemePage>
  )
}
