import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import type { ChartProps } from './chart'
import { echarts } from './echarts'

/** H5: ECharts on a DOM node, at the screen's pixel ratio, resized with its container. */
export function Chart({ id, option, height = 260, label }: ChartProps) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return undefined
    const chart = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 })
    chart.setOption({ animation: false, ...option })
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => chart.resize())
    observer?.observe(el)
    return () => {
      observer?.disconnect()
      chart.dispose()
    }
  }, [option])
  return <View ref={ref} id={id} className='chart' style={{ height: `${height}px`, width: '100%' }} role='img' aria-label={label} />
}
