/**
 * ECharts with only what the fixtures' charts use (bar, line, pie; grid, tooltip, legend, title;
 * canvas renderer). Imported only by the chart component, which only subpackage pages use, so
 * ECharts never lands in the weapp main package.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

export { echarts }
