import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { DataTable } from '@/components/data-table'
import type { ChartSpec } from '@common/contract'
import type { TextScale } from '@common/theme'
import { Chart } from './chart'
import './chart-block.scss'

/** A chart with its 查看数据 toggle: the same numbers as a table, for screen readers and anyone who finds charts hard. */
export function ChartBlock({ id, title, chart, scale }: { id: string; title: string; chart: ChartSpec; scale?: TextScale }) {
  const [showData, setShowData] = useState(false)
  return (
    <View className='chart-block'>
      <View className='chart-block__head'>
        <Text className='chart-block__title'>{title}</Text>
        <Button role='button' className='chart-block__toggle' aria-pressed={showData} onClick={() => setShowData((v) => !v)}>
          {showData ? '查看图表' : '查看数据'}
        </Button>
      </View>
      {showData ? (
        <DataTable caption={title} columns={chart.table.columns} rows={chart.table.rows} />
      ) : (
        <Chart id={id} option={chart.option} scale={scale} label={`${title}（图表，可点“查看数据”以表格阅读）`} />
      )}
    </View>
  )
}
