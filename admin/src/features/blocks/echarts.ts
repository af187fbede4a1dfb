/** ECharts for the chart preview: the same registration the app's H5 chart uses (common/charts/echarts.ts). */
export { echarts } from '@common/charts/echarts'
