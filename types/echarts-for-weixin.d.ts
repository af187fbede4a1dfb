/** The canvas adapter shipped as source in echarts-for-weixin (no types of its own). */
declare module 'echarts-for-weixin/src/wx-canvas' {
  export default class WxCanvas {
    constructor(ctx: unknown, canvasId: string, isNew: boolean, canvasNode?: unknown)
    setChart(chart: unknown): void
  }
}
