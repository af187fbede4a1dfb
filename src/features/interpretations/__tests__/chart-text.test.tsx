import { render, waitFor } from '@testing-library/react'
import { chartSpec } from '@common/charts/chart-spec'
import { chartHeight, chartTextOption } from '@common/charts/chart-text'
import type { Block } from '@common/contract'
import { scaleTokens } from '@common/theme'
import { drawn } from '../../../../test/mocks/echarts'
import { InterpretationBlocks } from '../components/blocks/interpretation-blocks'

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const years = chartSpec({
  kind: 'bar',
  title: '市区城乡居民基础养老金标准变化（2019—2025年）',
  categoryLabel: '年份',
  seriesName: '基础养老金',
  unit: '元/月',
  data: [
    ['2019', 200],
    ['2020', 215],
    ['2021', 235],
    ['2022', 255],
    ['2023', 275],
    ['2024', 300],
    ['2025', 320],
  ],
})

describe('chart text at the reader’s text size', () => {
  it('takes every font size from the text-size tokens', () => {
    for (const scale of ['normal', 'large', 'elder'] as const) {
      const t = scaleTokens[scale]
      const o = chartTextOption(years.option, scale, 343) as Obj
      expect(o.xAxis.axisLabel.fontSize).toBe(t.xs)
      expect(o.yAxis.axisLabel.fontSize).toBe(t.xs)
      expect(o.yAxis.nameTextStyle.fontSize).toBe(t.xs)
      expect(o.legend.textStyle.fontSize).toBe(t.sm)
      expect(o.tooltip.textStyle.fontSize).toBe(t.sm)
      expect(o.tooltip.confine).toBe(true)
      expect(o.title.textStyle.fontSize).toBe(t.md)
      expect(o.series[0].label.fontSize).toBe(t.xs)
    }
    // the source option is left as it was (the server's, cached)
    expect((years.option as Obj).xAxis.axisLabel.fontSize).toBeUndefined()
  })

  it('keeps years apart: flat where they fit, turned where they would run together', () => {
    const flat = chartTextOption(years.option, 'normal', 343) as Obj
    expect(flat.xAxis.axisLabel).toMatchObject({ rotate: 0, interval: 0 })
    const elder = chartTextOption(years.option, 'elder', 343) as Obj
    expect(elder.xAxis.axisLabel).toMatchObject({ rotate: 45, hideOverlap: true })
    // the axis name goes under the turned labels, and the grid leaves it room
    expect(elder.xAxis.nameLocation).toBe('middle')
    expect(elder.xAxis.nameGap).toBeGreaterThan(flat.xAxis.nameGap)
    expect(elder.grid.bottom).toBeGreaterThan(flat.grid.bottom)
    // a wide screen lays even the big labels flat
    expect((chartTextOption(years.option, 'elder', 800) as Obj).xAxis.axisLabel.rotate).toBe(0)
  })

  it('pie charts (legend, labels) and options with several axes', () => {
    const pie = chartSpec({
      kind: 'pie',
      title: '构成',
      categoryLabel: '项目',
      seriesName: '金额',
      unit: '元',
      data: [
        ['甲', 1],
        ['乙', 2],
      ],
    })
    const o = chartTextOption(pie.option, 'elder', 343) as Obj
    expect(o.legend.textStyle.fontSize).toBe(18)
    expect(o.series[0].label.fontSize).toBe(18)
    const two = chartTextOption({ yAxis: [{ type: 'value' }, { type: 'value' }], series: [] }, 'elder', 343) as Obj
    expect(two.yAxis.map((y: Obj) => y.axisLabel.fontSize)).toEqual([18, 18])
  })

  it('the chart grows with the text', () => {
    expect(chartHeight(260, 'normal')).toBe(260)
    expect(chartHeight(260, 'elder')).toBe(325)
  })

  it('an interpretation at 特大 draws its chart with the elder sizes, taller', async () => {
    const block: Block = { type: 'chart', title: years.source!.title, chart: years }
    render(<InterpretationBlocks blocks={[block]} scale='elder' />)
    await waitFor(() => expect(drawn.length).toBeGreaterThan(0))
    const option = drawn[drawn.length - 1].option as Obj
    expect(option.xAxis.axisLabel.fontSize).toBe(18)
    expect(option.legend.textStyle.fontSize).toBe(18)
    expect((document.querySelector('.chart') as HTMLElement).style.height).toBe('325px')
  })
})
