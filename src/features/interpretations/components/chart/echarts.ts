/**
 * ECharts as the H5 chart draws it: the registration shared with the console's live preview
 * (common/charts/echarts.ts). Imported only by the chart component, which only subpackage pages
 * use, so ECharts never lands in the weapp main package.
 */
export { echarts } from '@common/charts/echarts'
