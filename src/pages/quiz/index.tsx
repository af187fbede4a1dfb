import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { CampaignStatus } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getCampaigns } from '@/features/quiz/api/get-campaigns'
import { CampaignCard, campaignStatusLabel } from '@/features/quiz/components/campaign-card'
import { QuizEntries } from '@/features/quiz/components/quiz-entries'
import { useNow } from '@/features/quiz/hooks/use-now'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import { useTabBarSelection } from '@/custom-tab-bar/use-tab-bar-selection'

const statuses = (['ongoing', 'upcoming', 'ended'] as const).map((id) => ({ id, name: campaignStatusLabel[id] }))

export default function QuizPage() {
  useTabBarSelection(routes.quiz)
  const [status, setStatus] = useState<CampaignStatus | undefined>('ongoing')
  const { data, error, loading, reload } = useRequest(() => getCampaigns(status), [status])
  // the cards' countdowns (距结束 3天5小时) move on by the minute
  const now = useNow(30_000)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  // H5: the first screen the server drew goes once this page shows its campaigns or its error
  useDismissFirstScreen(Boolean(data || error))

  return (
    <ThemePage>
      <QuizEntries />
      <View className='page__filters'>
        <ChipBar options={statuses} value={status} onChange={(id) => setStatus(id as CampaignStatus | undefined)} />
      </View>
      {loading && !data ? <Skeleton rows={2} /> : null}
      {error && !data ? <ErrorState message={error.message} onRetry={reload} /> : null}
      {data && data.length === 0 ? <EmptyState title='暂无竞赛' hint='看看其他状态的竞赛吧' /> : null}
      {data?.map((c) => (
        <CampaignCard key={c.id} campaign={c} now={now} onOpen={(id) => Taro.navigateTo({ url: routes.quizDetail(id) })} />
      ))}
    </ThemePage>
  )
}
