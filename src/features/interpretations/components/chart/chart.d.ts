/** Types of the platform files chart.h5.tsx and chart.weapp.tsx (Taro picks one at build time). */
import type { TextScale } from '@common/theme'

export interface ChartProps {
  /** unique on the page */
  id: string
  /** an ECharts option (JSON: no functions) */
  option: Record<string, unknown>
  /** CSS px at 标准; taller at larger text sizes */
  height?: number
  /** the reader's text size: the chart's text takes its sizes (default 标准) */
  scale?: TextScale
  /** what the chart shows, for screen readers */
  label: string
}

export declare function Chart(props: ChartProps): JSX.Element
