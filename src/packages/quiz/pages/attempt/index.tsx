import Taro, { useRouter } from '@tarojs/taro'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { AnswerCard } from '@/features/quiz/components/answer-card'
import { AttemptBar } from '@/features/quiz/components/attempt-bar'
import { AttemptNav, SubmitFailureNote, SubmitRow } from '@/features/quiz/components/attempt-actions'
import { QuestionView } from '@/features/quiz/components/question-view'
import { QuizNotice } from '@/features/quiz/components/quiz-notice'
import { useAttemptSession } from '@/features/quiz/hooks/use-attempt-session'
import { routes } from '@/utils/routes'

/**
 * 答题: one question at a time with its own countdown (when it runs out the question closes and
 * the next open one shows), the whole attempt's countdown from the server's deadline, an answer
 * card to jump, and a submit that happens by itself when time is up (useQuizClock). Answers stay
 * on the device until submitted, so a reload resumes.
 */
export default function AttemptPage() {
  const { id = '' } = useRouter().params
  const { view, attempt, progress, clock, submit, submitting, failure, goTo, choose } = useAttemptSession(id)

  if (view.loading && !view.data) return <Skeleton rows={4} />
  if (view.error && !view.data) return <ErrorState message={view.error.message} onRetry={view.reload} />
  if (!attempt) return <Skeleton rows={4} />
  if (attempt.status === 'expired' || failure?.final) {
    return (
      <ThemePage>
        <QuizNotice
          title={failure?.message ?? '本次答题已超时'}
          line='答题时间结束后未能交卷，本次不计成绩。'
          action={{ label: '返回竞赛', onTap: () => Taro.redirectTo({ url: routes.quizDetail(attempt.campaignId) }) }}
        />
      </ThemePage>
    )
  }
  if (!progress) return <Skeleton rows={4} />

  const ids = attempt.questions.map((q) => q.id)
  const index = Math.min(progress.index, ids.length - 1)
  const q = attempt.questions[index]
  const closed = progress.timedOut.includes(q.id)
  const answered = ids.filter((x) => (progress.answers[x] ?? []).length > 0).length
  const sending = { submitting, failed: !!failure, onSubmit: () => void submit(false) }

  return (
    <ThemePage>
      <AttemptBar answered={answered} total={ids.length} leftQuestionSec={clock.leftQuestionSec} closed={closed} leftTotalSec={clock.leftTotalSec} />
      <QuestionView
        question={q}
        index={index}
        total={ids.length}
        chosen={progress.answers[q.id] ?? []}
        locked={closed || submitting}
        onChange={(chosen) => choose(q.id, chosen)}
      />
      {failure ? <SubmitFailureNote message={failure.message} /> : null}
      <AttemptNav index={index} total={ids.length} onGo={goTo} {...sending} />
      <AnswerCard questionIds={ids} answers={progress.answers} timedOut={progress.timedOut} current={index} onJump={goTo} />
      {index < ids.length - 1 ? <SubmitRow {...sending} /> : null}
    </ThemePage>
  )
}
