import type * as Lib from '@/packages/chart/lib'

export type ChartLib = typeof Lib

/** WeChat's own `require` of the file the code runs in (webpack leaves `__non_webpack_require__` as `require`). */
declare const __non_webpack_require__: { async: (path: string) => Promise<ChartLib> }

let pending: Promise<ChartLib> | undefined

/**
 * ECharts from the chart subpackage, through WeChat's 分包异步化: `require.async` downloads the
 * subpackage the first time and resolves with its module. `@chart/` is a `resolveAlias` of
 * app.json (app.config.ts), so the path holds wherever the bundler puts this code. A failed
 * download (offline) is forgotten, so the next chart tries again.
 */
export function loadChartLib(): Promise<ChartLib> {
  pending ??= __non_webpack_require__.async('@chart/lib.js').catch((e: unknown) => {
    pending = undefined
    throw e
  })
  return pending
}
