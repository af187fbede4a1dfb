import type { CoverageRow, Dashboard } from '@common/contract'
import { validityLabel } from '@common/labels/policy-validity'

export const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`

const VALIDITY_COLORS = { valid: '#52c41a', revised: '#faad14', repealed: '#bfbfbf' }

export function validityPie(d: Dashboard): Record<string, unknown> {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b} {c}' },
        data: d.policiesByValidity.map((v) => ({ name: validityLabel[v.validity], value: v.count, itemStyle: { color: VALIDITY_COLORS[v.validity] } })),
      },
    ],
  }
}

const rowName = (r: CoverageRow) => r.org.department ?? r.org.name

/** 解读率 and 同步解读率 of each row, as percentages */
export function coverageBars(rows: CoverageRow[]): Record<string, unknown> {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => `${v}%`,
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map(rowName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '解读率',
        type: 'bar',
        data: rows.map((r) => Math.round(r.rate * 1000) / 10),
        label: { show: true, position: 'top', formatter: '{c}%' },
        itemStyle: { color: '#1f5fbf' },
      },
      { name: '同步解读率', type: 'bar', data: rows.map((r) => Math.round(r.syncRate * 1000) / 10), itemStyle: { color: '#13a8a8' } },
    ],
  }
}
