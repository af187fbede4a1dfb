/** only the charts and parts the dashboard draws, so the bundle carries no more of ECharts */
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as core from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

core.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export const echarts = core
