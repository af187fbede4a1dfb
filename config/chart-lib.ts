/**
 * Weapp only: one ECharts for the whole mini-program. Both the interpretation and the quiz
 * subpackages draw charts; bundled by Taro, each got its own copy of ECharts (~700 KB each).
 * This webpack plugin bundles src/packages/chart/lib.ts with esbuild into one CommonJS module,
 * `packages/chart/lib.js`, in the chart subpackage; the pages load it with WeChat's 分包异步化
 * (`require.async('@chart/lib.js')`, see chart-lib.weapp.ts). Taro itself can't emit a
 * module another subpackage may require, hence the separate bundle (esbuild comes with Taro and
 * Vite; the H5 build doesn't use this: there ECharts is an ordinary async chunk).
 */
import path from 'node:path'
import { build } from 'esbuild'
import { type Compiler, sources } from 'webpack'

export const CHART_LIB_ASSET = 'packages/chart/lib.js'
const ENTRY = path.resolve(__dirname, '..', 'src', 'packages', 'chart', 'lib.ts')

export class ChartLibPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('ChartLibPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'ChartLibPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const result = await build({
          entryPoints: [ENTRY],
          bundle: true,
          format: 'cjs',
          platform: 'browser',
          target: 'es2015',
          minify: compiler.options.mode === 'production',
          legalComments: 'none',
          // the Chinese of ECharts' locale as UTF-8, not \uXXXX escapes (half the bytes)
          charset: 'utf8',
          write: false,
          alias: { '@common': path.resolve(__dirname, '..', 'common') },
          define: { 'process.env.NODE_ENV': JSON.stringify(compiler.options.mode === 'production' ? 'production' : 'development') },
        })
        compilation.emitAsset(CHART_LIB_ASSET, new sources.RawSource(Buffer.from(result.outputFiles[0].contents)))
        compilation.fileDependencies.add(ENTRY)
      })
    })
  }
}
