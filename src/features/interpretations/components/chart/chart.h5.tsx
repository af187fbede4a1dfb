import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { chartHeight, chartTextOption } from '@common/charts/chart-text'
import type { ChartProps } from './chart'

/**
 * H5: ECharts on a DOM node, at the screen's pixel ratio, resized with its container. ECharts
 * (~300 KB gzipped) is its own chunk, fetched when a chart mounts, so an interpretation's text
 * shows first; the box keeps its height meanwhile, so nothing jumps when the chart appears.
 */
export function Chart({ id, option, height = 260, scale = 'normal', label }: ChartProps) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    let dispose: (() => void) | undefined
    let cancelled = false
    import(/* webpackChunkName: "echarts" */ './echarts').then(({ echarts }) => {
      const el = ref.current
      if (cancelled || !el) return
      const chart = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 })
      chart.setOption({ animation: false, ...chartTextOption(option, scale, el.clientWidth || 343) })
      const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => chart.resize())
      observer?.observe(el)
      dispose = () => {
        observer?.disconnect()
        chart.dispose()
      }
    })
    return () => {
      cancelled = true
      dispose?.()
    }
  }, [option, scale])
  return <View ref={ref} id={id} className='chart' style={{ height: `${chartHeight(height, scale)}px`, width: '100%' }} role='img' aria-label={label} />
}
