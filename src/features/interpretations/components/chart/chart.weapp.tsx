import { useEffect, useRef } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { chartHeight, chartTextOption } from '@common/charts/chart-text'
import type { ChartProps } from './chart'
import { loadChartLib, type ChartLib } from './chart-lib.weapp'

type EChart = ReturnType<ChartLib['echarts']['init']>
/** the part of zrender's event handler that ec-canvas drives from touch events */
interface ZrHandler {
  dispatch: (type: string, e: object) => void
  processGesture: (e: object, stage: 'start' | 'change' | 'end') => void
}
interface Touch {
  x: number
  y: number
  offsetX?: number
  offsetY?: number
}
interface TouchEvent {
  touches: Touch[]
  changedTouches?: Touch[]
}

function withOffsets(e: TouchEvent): TouchEvent {
  e.touches.forEach((t) => {
    t.offsetX = t.x
    t.offsetY = t.y
  })
  return e
}

/**
 * Weapp: ECharts on a 2d canvas (base library ≥ 2.9.0), at the device pixel ratio. We drive a
 * `canvas type="2d"` with echarts-for-weixin's adapter instead of its ec-canvas component (which
 * must be copied into a subpackage by hand and handed the echarts instance by mutating its data,
 * since functions can't pass through setData). ECharts itself lives once, in the chart subpackage,
 * fetched when the first chart mounts; the canvas keeps its height meanwhile.
 */
export function Chart({ id, option, height = 260, scale = 'normal', label }: ChartProps) {
  const chartRef = useRef<EChart>()
  useEffect(() => {
    let disposed = false
    const draw = ({ echarts, WxCanvas }: ChartLib) =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => {
          const hit = res?.[0] as { node?: { getContext: (t: '2d') => unknown }; width: number; height: number } | undefined
          if (disposed || !hit?.node) return
          const dpr = Taro.getSystemInfoSync().pixelRatio
          const canvas = new WxCanvas(hit.node.getContext('2d'), id, true, hit.node)
          echarts.setCanvasCreator(() => canvas as unknown as HTMLCanvasElement)
          const chart = echarts.init(canvas as unknown as HTMLCanvasElement, undefined, { width: hit.width, height: hit.height, devicePixelRatio: dpr })
          canvas.setChart(chart)
          chart.setOption({ animation: false, ...chartTextOption(option, scale, hit.width) })
          chartRef.current = chart
        })
    // after the canvas is in the page; if the chart subpackage can't be fetched (offline), the
    // 查看数据 table beside the chart still reads the same numbers
    loadChartLib()
      .then((lib) => Taro.nextTick(() => !disposed && draw(lib)))
      .catch(() => undefined)
    return () => {
      disposed = true
      chartRef.current?.dispose()
      chartRef.current = undefined
    }
  }, [id, option, scale])

  const handler = () => chartRef.current?.getZr().handler as unknown as ZrHandler | undefined
  const dispatch = (type: string, t?: Touch) => handler()?.dispatch(type, { zrX: t?.x, zrY: t?.y })
  return (
    <Canvas
      type='2d'
      id={id}
      canvasId={id}
      className='chart'
      style={{ width: '100%', height: `${chartHeight(height, scale)}px` }}
      aria-label={label}
      onTouchStart={(e) => {
        const t = (e as unknown as TouchEvent).touches[0]
        dispatch('mousedown', t)
        dispatch('mousemove', t)
        handler()?.processGesture(withOffsets(e as unknown as TouchEvent), 'start')
      }}
      onTouchMove={(e) => {
        dispatch('mousemove', (e as unknown as TouchEvent).touches[0])
        handler()?.processGesture(withOffsets(e as unknown as TouchEvent), 'change')
      }}
      onTouchEnd={(e) => {
        const t = (e as unknown as TouchEvent).changedTouches?.[0]
        dispatch('mouseup', t)
        dispatch('click', t)
        handler()?.processGesture(withOffsets(e as unknown as TouchEvent), 'end')
      }}
    />
  )
}
