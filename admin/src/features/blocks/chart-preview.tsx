import { useEffect, useRef, useState } from 'react'
import { Button, Space, Table, Typography } from 'antd'
import type { ChartSpec } from '@common/contract'

type EChart = ReturnType<(typeof import('./echarts'))['echarts']['init']>

/** the value, once it has stopped changing for `ms` */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/**
 * The chart as residents will see it: drawn by the app's ECharts registration with the app's
 * `setOption({animation: false, ...option})` (src/features/interpretations/components/chart/chart.h5.tsx),
 * one instance kept while the cells change, redrawn whole so a bar chart turned pie keeps no axes.
 */
export function ChartPreview({ chart, title, height = 280 }: { chart: ChartSpec; title: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const instance = useRef<EChart>()
  const [showData, setShowData] = useState(false)
  const option = useDebounced(chart.option, 200)

  useEffect(() => {
    let cancelled = false
    void import('./echarts').then(({ echarts }) => {
      const el = ref.current
      if (cancelled || !el) return
      instance.current ??= echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 })
      instance.current.setOption({ animation: false, ...option }, true)
    })
    return () => {
      cancelled = true
    }
  }, [option])

  useEffect(() => {
    const el = ref.current
    const observer = el && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => instance.current?.resize()) : undefined
    if (el) observer?.observe(el)
    return () => {
      observer?.disconnect()
      instance.current?.dispose()
      instance.current = undefined
    }
  }, [])

  const columns = chart.table.columns.map((name, i) => ({ title: name, dataIndex: String(i), key: String(i) }))
  const rows = chart.table.rows.map((row, r) => ({ key: r, ...Object.fromEntries(row.map((cell, i) => [String(i), Number.isNaN(cell) ? '' : cell])) }))
  return (
    <div className='chart-preview'>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{title || '（未填写图表标题）'}</Typography.Text>
        <Button size='small' aria-pressed={showData} onClick={() => setShowData((v) => !v)}>
          {showData ? '收起数据' : '查看数据'}
        </Button>
      </Space>
      <div ref={ref} role='img' aria-label={`${title || '图表'}（图表预览）`} style={{ height, width: '100%' }} />
      {showData ? <Table size='small' pagination={false} columns={columns} dataSource={rows} aria-label={`${title}的数据`} /> : null}
    </div>
  )
}
