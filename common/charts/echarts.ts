/**
 * ECharts with only what the charts of common/charts use (bar, line, pie; grid, tooltip, legend,
 * title; canvas renderer), registered once for the resident app's H5 chart and the console's live
 * preview, so both draw a chart with the same code. Only ever imported dynamically or by the
 * chart components: never by the server, never in the weapp main package.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

export { echarts }
