import { useMemo } from 'react'
import { Text } from '@tarojs/components'
import { Card } from '@/components/card'
import type { Leaderboard } from '@common/contract'
import { useTextScale } from '@/features/elder-mode/stores/theme-store'
import { Chart } from '@/features/interpretations/components/chart/chart'
import '../quiz.scss'

/** 参与情况 by county: participants (bars) and participants per 10,000 residents (line) */
export function participationOption(board: Leaderboard): Record<string, unknown> {
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

/** the county board's chart: 各县市区参与情况 */
export function ParticipationChart({ board }: { board: Leaderboard }) {
  const textScale = useTextScale()
  const option = useMemo(() => participationOption(board), [board])
  return (
    <Card>
      <Text className='quiz-panel__title'>各县市区参与情况</Text>
      <Chart id='participation-by-county' option={option} height={280} scale={textScale} label='各县市区参与人数和每万人参与人数（柱为人数，折线为每万人）' />
    </Card>
  )
}
