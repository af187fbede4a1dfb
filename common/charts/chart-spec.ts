/**
 * Charts from a data grid: the one place that turns a category → value table into the ECharts
 * option the app draws and the table 查看数据 shows. The fixtures, the console's chart editor and
 * its live preview, and the server (which rebuilds a chart block from its source on every save,
 * so no hand-written option reaches residents) all call it.
 */
import type { ChartSpec, ChartSource } from '../contract'

export type { ChartKind, ChartSource } from '../contract'

/** the chart a source describes: option (bar, line or pie) and the same data as a table */
export function chartSpec(source: ChartSource): ChartSpec {
  const { kind, title, categoryLabel, seriesName, unit, data } = source
  const table = { columns: [categoryLabel, unit ? `${seriesName}（${unit}）` : seriesName], rows: data.map(([k, v]) => [k, v]) }
  if (kind === 'pie') {
    return {
      source,
      table,
      option: {
        title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', orient: 'horizontal', bottom: 0, data: data.map(([k]) => k) },
        series: [
          {
            name: seriesName,
            type: 'pie',
            radius: ['30%', '60%'],
            center: ['50%', '50%'],
            data: data.map(([name, value]) => ({ name, value })),
            label: { show: true, formatter: '{b}\n{c}' },
          },
        ],
      },
    }
  }
  return {
    source,
    table,
    option: {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { data: [seriesName], bottom: 0 },
      grid: { left: 48, right: 16, top: 56, bottom: 56, containLabel: true },
      xAxis: { type: 'category', name: categoryLabel, data: data.map(([k]) => k), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: unit },
      series: [
        {
          name: seriesName,
          type: kind,
          data: data.map(([, v]) => v),
          label: { show: true, position: 'top' },
          ...(kind === 'line' ? { smooth: false, symbolSize: 8 } : { barMaxWidth: 36 }),
        },
      ],
    },
  }
}

/** what is wrong with a chart's data, in Chinese, or nothing */
export function chartSourceProblems(source: ChartSource | undefined): string[] {
  if (!source) return ['图表没有数据']
  const problems: string[] = []
  if (!source.title.trim()) problems.push('请填写图表标题')
  if (!source.categoryLabel.trim()) problems.push('请填写分类名称')
  if (!source.seriesName.trim()) problems.push('请填写数据名称')
  if (source.data.length === 0) problems.push('图表没有数据')
  source.data.forEach(([k, v], i) => {
    if (!String(k).trim()) problems.push(`第${i + 1}行缺少分类`)
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`第${i + 1}行的数值不是数字`)
  })
  return problems
}
