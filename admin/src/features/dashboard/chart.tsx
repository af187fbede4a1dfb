import { useEffect, useRef } from 'react'
import { echarts } from './echarts'

type Instance = ReturnType<typeof echarts.init>

/** an ECharts canvas of `option`, resized with the window; `label` names it for screen readers */
export function Chart({ option, label, height = 280 }: { option: Record<string, unknown>; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<Instance | null>(null)
  useEffect(() => {
    chart.current = echarts.init(el.current!, undefined, { renderer: 'canvas' } as never)
    const resize = () => chart.current?.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.current?.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(option as never, true)
  }, [option])
  return <div ref={el} role='img' aria-label={label} style={{ width: '100%', height }} />
}
