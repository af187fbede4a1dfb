/**
 * Weapp only: the one copy of ECharts in the mini-program. config/chart-lib.ts bundles this file
 * (ECharts as common/charts/echarts.ts registers it, and the 2d-canvas adapter of
 * echarts-for-weixin) into `packages/chart/lib.js`, a CommonJS module of the chart subpackage.
 * The interpretation and quiz subpackages load it with WeChat's 分包异步化 (`require.async`),
 * instead of each carrying its own ~700 KB copy. Never imported by other code: types only.
 */
import WxCanvas from 'echarts-for-weixin/src/wx-canvas'
import { echarts } from '@common/charts/echarts'

export { echarts, WxCanvas }
