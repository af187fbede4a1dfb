import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ToggleSwitch } from '@/components/toggle-switch'
import type { Leaderboard, LeaderboardScope } from '@common/contract'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTextScale } from '@/features/elder-mode/stores/theme-store'
import { Chart } from '@/features/interpretations/components/chart/chart'
import { getCampaign, getLeaderboard, getQuizProfile, saveQuizProfile } from '@/features/quiz/api/quiz'
import { LeaderboardList } from '@/features/quiz/components/leaderboard-list'
import '../quiz.scss'

const scopes: { id: LeaderboardScope; name: string }[] = [
  { id: 'person', name: '个人' },
  { id: 'county', name: '县市区' },
  { id: 'township', name: '乡镇街道' },
]

/** 参与情况 by county: participants (bars) and participants per 10,000 residents (line) */
function participationOption(board: Leaderboard): Record<string, unknown> {
  const rows = [...board.rows].sort((a, b) => (a.regionCode ?? '').localeCompare(b.regionCode ?? ''))
  return {
    grid: { left: 44, right: 44, top: 36, bottom: 56 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 40 } },
    yAxis: [
      { type: 'value', name: '人' },
      { type: 'value', name: '每万人' },
    ],
    series: [
      { name: '参与人数', type: 'bar', data: rows.map((r) => r.participants ?? 0), itemStyle: { color: '#1659c7' } },
      { name: '每万人参与', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.participationPer10k ?? 0), itemStyle: { color: '#c2410c' } },
    ],
  }
}

export default function LeaderboardPage() {
  const textScale = useTextScale()
  const params = useRouter().params
  const id = params.id ?? ''
  const [scope, setScope] = useState<LeaderboardScope>((scopes.find((s) => s.id === params.scope)?.id ?? 'person') as LeaderboardScope)
  const token = useSessionStore((s) => s.token)
  const campaign = useRequest(() => getCampaign(id), [id])
  const board = useRequest(() => getLeaderboard(id, scope), [id, scope, token])
  const profile = useRequest(() => (token ? getQuizProfile() : Promise.resolve(undefined)), [token])
  const [hideName, setHideName] = useState<boolean>()
  const hidden = hideName ?? profile.data?.hideName ?? false
  const option = useMemo(() => (board.data?.scope === 'county' ? participationOption(board.data) : undefined), [board.data])

  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const toggleHide = async (on: boolean) => {
    setHideName(on)
    try {
      await saveQuizProfile({ hideName: on })
      void Taro.showToast({ title: on ? '已在排行榜隐藏姓名' : '已在排行榜显示姓名', icon: 'none' })
      void board.reload()
    } catch (e) {
      setHideName(!on)
      void Taro.showToast({ title: e instanceof Error ? e.message : '设置失败', icon: 'none' })
    }
  }

  return (
    <ThemePage>
      {campaign.data ? <View className='section__title'>{campaign.data.title}</View> : null}
      <View className='page__filters'>
        <ChipBar options={scopes} value={scope} allLabel={null} onChange={(s) => s && setScope(s as LeaderboardScope)} />
      </View>
      {token ? (
        <View className='quiz-panel'>
          <ToggleSwitch label='在个人排行榜隐藏我的姓名' checked={hidden} onChange={toggleHide} />
        </View>
      ) : null}
      {board.loading && !board.data ? <Skeleton rows={5} /> : null}
      {board.error && !board.data ? <ErrorState message={board.error.message} onRetry={board.reload} /> : null}
      {board.data && board.data.scope === scope ? (
        <>
          {scope === 'person' && board.data.rows.length === 0 ? <EmptyState title='还没有人交卷' hint='快来成为第一名吧' /> : null}
          {scope === 'person' && board.data.total > 0 ? (
            <Text className='board__note'>
              共 {board.data.total} 人上榜，显示前 {board.data.rows.length} 名
            </Text>
          ) : null}
          {option ? (
            <View className='quiz-panel'>
              <Text className='quiz-panel__title'>各县市区参与情况</Text>
              <Chart
                id='participation-by-county'
                option={option}
                height={280}
                scale={textScale}
                label='各县市区参与人数和每万人参与人数（柱为人数，折线为每万人）'
              />
            </View>
          ) : null}
          <LeaderboardList board={board.data} />
        </>
      ) : null}
    </ThemePage>
  )
}
