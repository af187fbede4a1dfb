import Taro, { useRouter } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getAttempt, getCampaign } from '@/features/quiz/api/quiz'
import { QuizNotice } from '@/features/quiz/components/quiz-notice'
import { ResultLinks } from '@/features/quiz/components/result-links'
import { ResultReview } from '@/features/quiz/components/result-review'
import { ResultShare } from '@/features/quiz/components/result-share'
import { ScoreSummary } from '@/features/quiz/components/score-summary'
import { routes } from '@/utils/routes'

/** an attempt's result: the score, share images, the board, and the review of every question */
export default function AttemptResultPage() {
  const { id = '' } = useRouter().params
  const view = useRequest(() => getAttempt(id), [id])
  const campaignId = view.data?.attempt.campaignId
  const campaign = useRequest(() => (campaignId ? getCampaign(campaignId) : Promise.resolve(undefined)), [campaignId])

  if (view.loading && !view.data) return <Skeleton rows={4} />
  if (view.error && !view.data) return <ErrorState message={view.error.message} onRetry={view.reload} />
  const { attempt: a, result } = view.data!
  if (!result) {
    const active = a.status === 'active'
    return (
      <ThemePage>
        <QuizNotice
          title={active ? '本次答题还未交卷' : '本次答题已超时，不计成绩'}
          action={{
            label: active ? '继续答题' : '返回竞赛',
            onTap: () => Taro.redirectTo({ url: active ? routes.quizAttempt(a.id) : routes.quizDetail(a.campaignId) }),
          }}
        />
      </ThemePage>
    )
  }

  return (
    <ThemePage>
      <ScoreSummary result={result} campaign={campaign.data} />
      <ResultShare result={result} campaign={campaign.data} />
      <ResultLinks campaignId={result.campaignId} />
      <ResultReview result={result} />
    </ThemePage>
  )
}
