import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { LeaderboardScope } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getCampaign, getLeaderboard } from '@/features/quiz/api/quiz'
import { BoardView } from '@/features/quiz/components/board-view'
import { HideNameCard } from '@/features/quiz/components/hide-name-card'

const scopes: { id: LeaderboardScope; name: string }[] = [
  { id: 'person', name: '个人' },
  { id: 'county', name: '县市区' },
  { id: 'township', name: '乡镇街道' },
]

/** 排行榜: people, counties or townships (per 10,000 residents), the caller found on each */
export default function LeaderboardPage() {
  const params = useRouter().params
  const id = params.id ?? ''
  const [scope, setScope] = useState<LeaderboardScope>(scopes.find((s) => s.id === params.scope)?.id ?? 'person')
  const token = useSessionStore((s) => s.token)
  const campaign = useRequest(() => getCampaign(id), [id])
  const board = useRequest(() => getLeaderboard(id, scope), [id, scope, token])

  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <ThemePage>
      {campaign.data ? <View className='section__title'>{campaign.data.title}</View> : null}
      <View className='page__filters'>
        <ChipBar options={scopes} value={scope} allLabel={null} onChange={(s) => s && setScope(s as LeaderboardScope)} />
      </View>
      {token ? <HideNameCard token={token} onSaved={() => void board.reload()} /> : null}
      {board.loading && !board.data ? <Skeleton rows={5} /> : null}
      {board.error && !board.data ? <ErrorState message={board.error.message} onRetry={board.reload} /> : null}
      {board.data && board.data.scope === scope ? <BoardView board={board.data} /> : null}
    </ThemePage>
  )
}
