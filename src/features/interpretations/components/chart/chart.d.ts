/** Types of the platform files chart.h5.tsx and chart.weapp.tsx (Taro picks one at build time). */
export interface ChartProps {
  /** unique on the page */
  id: string
  /** an ECharts option (JSON: no functions) */
  option: Record<string, unknown>
  /** CSS px */
  height?: number
  /** what the chart shows, for screen readers */
  label: string
}

export declare function Chart(props: ChartProps): JSX.Element
