/**
 * Weapp only: the one copy of ECharts in the mini-program. config/chart-lib.ts bundles this file
 * (ECharts's core with the charts and components below, and the 2d-canvas adapter of
 * echarts-for-weixin) into `packages/chart/lib.js`, a CommonJS module of the chart subpackage.
 * The interpretation and quiz subpackages load it with WeChat's 分包异步化 (`require.async`),
 * instead of each carrying its own copy. Never imported by other code: types only.
 *
 * What H5 and the console register (common/charts/echarts.ts) but without the tooltip: every
 * chart already writes its values on the bars, points and slices (chartSpec's labels) and the
 * 查看数据 table beside it reads them out, so a tap-tooltip says nothing new on a phone; the
 * tooltip and its axis pointer were ~24 KB of the mini-program's 1,400 KB (issue 18). ECharts
 * ignores the option's `tooltip` when the component isn't registered.
 */
import WxCanvas from 'echarts-for-weixin/src/wx-canvas'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, CanvasRenderer])

export { echarts, WxCanvas }
