import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { NormalModuleReplacementPlugin } from 'webpack'
import devConfig from './dev'
import prodConfig from './prod'
import { PreloadPagePlugin } from './preload-page'
import { ChartLibPlugin } from './chart-lib'
import { StatsFilePlugin } from './stats-file'

/** Taro H5's previewImage, and the module that loads it on first use */
const PREVIEW_IMAGE = /[\\/]@tarojs[\\/]taro-h5[\\/]dist[\\/]api[\\/]media[\\/]image[\\/]previewImage\.js$/
const LAZY_PREVIEW_IMAGE = path.resolve(__dirname, 'h5-components', 'preview-image.mjs')
/** Taro H5's toast, loading, modal and action sheet, and the module that loads them in idle time (h5-runtime/interaction.mjs) */
const INTERACTION = /[\\/]@tarojs[\\/]taro-h5[\\/]dist[\\/]api[\\/]ui[\\/]interaction[\\/]index\.js$/
const LAZY_INTERACTION = path.resolve(__dirname, 'h5-runtime', 'interaction.mjs')

/** what NormalModuleReplacementPlugin is given for a module of Taro's loaded later */
interface Resolving {
  contextInfo?: { issuer?: string }
  createData?: { resource?: string; request?: string; userRequest?: string; context?: string }
}

/**
 * Arguments for NormalModuleReplacementPlugin: every import of Taro's module `original` gets
 * `lazy` (the same exports, loading `original` with import() when first needed) — except lazy's
 * own import of it. The replacement takes lazy's path in its request too: webpack knows a module by
 * its request, and a replacement still known by the original's made lazy's import() of the
 * original resolve to lazy itself (previewImage called itself without end).
 */
function loadedLater(original: RegExp, lazy: string): [RegExp, (resolving: Resolving) => void] {
  return [
    original,
    ({ contextInfo, createData }) => {
      if (contextInfo?.issuer === lazy || !createData?.resource) return
      const from = createData.resource
      createData.resource = lazy
      if (createData.request) createData.request = createData.request.replace(from, lazy)
      if (createData.userRequest) createData.userRequest = createData.userRequest.replace(from, lazy)
      // (lazy's own imports resolve from its folder)
      createData.context = path.dirname(lazy)
    },
  ]
}

/**
 * API base URL baked into the client. H5 is served by the API server itself, so it calls the
 * same origin (`''`); the mini-program needs an absolute URL (DevTools: 不校验合法域名).
 */
function apiBase(): string {
  if (process.env.TARO_APP_API_BASE !== undefined) return process.env.TARO_APP_API_BASE
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:8080'
}

/**
 * H5 runs on Preact (preact/compat in place of React DOM: 首页's first-load JS 167 → 135 KB gzipped;
 * interactive 165–330 ms sooner on 首页, 解读, 政策, 竞赛 and 问答, README "Performance"); the
 * mini-program and the jest tests stay on React. `H5_FRAMEWORK=react` builds H5 on React DOM, to
 * compare or to fall back.
 */
const H5_ON_PREACT = process.env.TARO_ENV === 'h5' && process.env.H5_FRAMEWORK !== 'react'

/** modules kept in the weapp main package rather than copied into each subpackage that uses them */
const SHARED_IN_MAIN = /[\\/]src[\\/](components[\\/]login-needed[\\/]|utils[\\/]current-page\.ts)/

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengcetong',
    date: '2026-11-28',
    // px in styles are CSS px of a 375-wide phone (16px body text, 44px tap targets), as the
    // tokens in app.scss and features/elder-mode/theme.ts intend
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_DIR lets parallel work build into its own folder (the e2e runner reads it too)
    outputRoot: process.env.TARO_OUTPUT_DIR || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // what client and server share (contract, Beijing dates, labels, theme tokens)
      '@common': path.resolve(__dirname, '..', 'common'),
    },
    // H5: the web app manifest, its icons and the service worker's offline page (scripts/build-sw.mjs)
    copy: {
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/pwa/', to: `${process.env.TARO_OUTPUT_DIR || 'dist/h5'}/` }] : [],
      options: {},
    },
    // weapp: WeChat's templates can't recurse, so Taro's base.wxml repeats every component's template
    // once per level of nesting (16 by default, ~4 KB a level, all in the main package). Deeper
    // nodes still render, through Taro's `comp` custom component; 10 levels cover our pages and
    // keep the main package under its 450 KB budget (scripts/size.mjs).
    baseLevel: 10,
    framework: H5_ON_PREACT ? 'preact' : 'react',
    compiler: 'webpack5',
    // H5_NO_MINIFY=1: readable chunks, for a CPU profile that names functions (scripts/bench/h5-timeline.ts)
    ...(process.env.H5_NO_MINIFY ? { terser: { enable: false } } : {}),
    cache: { enable: false },
    mini: {
      // common/ lives beside src/: Taro compiles only src/ unless told
      compile: { include: [path.resolve(__dirname, '..', 'common')] },
      postcss: {
        // WeChat's own engines (iOS ≥ 10, Android XWeb, Chromium ≥ 53) need no -ms-/-webkit- flexbox
        // and the like: the package.json browserslist (H5's old phones) added ~17 KB of prefixes
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 10', 'Chrome >= 53'] } },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // What most subpackages share stays in the main package once instead of a copy in each: the
      // sign-in prompt (LoginNeeded, askToSignIn) with its current-page helper and what they import,
      // used by 8 subpackages — main +9 KB, total −27 KB (the RegionPicker too: total −46 KB but
      // main 449.4 of 450, no room left for the main package's own growth)
      optimizeMainPackage: { enable: true, exclude: [(module: { resource?: string }) => SHARED_IN_MAIN.test(module.resource ?? '')] },
      // Taro writes every non-ASCII character of the mini-program's JavaScript as a \uXXXX escape
      // (6 bytes for a Chinese character that UTF-8 stores in 3); WeChat reads its packages as
      // UTF-8, as the chart subpackage's ECharts already is (config/chart-lib.ts)
      webpackChain(chain) {
        chain.plugin('chart-lib').use(ChartLibPlugin)
        // (the minimizer exists in production builds only)
        const minimizers = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers
        if (minimizers.has('terserPlugin'))
          chain.optimization.minimizer('terserPlugin').tap((args: { terserOptions?: { output?: object } }[]) => {
            const terserOptions = args[0].terserOptions ?? {}
            return [{ ...args[0], terserOptions: { ...terserOptions, output: { ...terserOptions.output, ascii_only: false } } }]
          })
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: [path.resolve(__dirname, '..', 'common')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      webpackChain(chain) {
        chain.plugin('preload-page').use(PreloadPagePlugin)
        // H5_STATS=<file>: webpack's stats (chunks and their modules) written there, to see what each chunk carries
        if (process.env.H5_STATS) chain.plugin('stats-file').use(StatsFilePlugin, [process.env.H5_STATS])
        // H5_SOURCE_MAP=1: a .map beside each minified chunk (not linked from it), for scripts/bench/h5-bytes.ts
        if (process.env.H5_SOURCE_MAP) chain.devtool('hidden-source-map')
        if (H5_ON_PREACT)
          // before the app's code: Taro's components need boolean aria-* as strings on Preact (preact/aria-attributes.mjs)
          chain.plugin('mainPlugin').tap((args: { loaderMeta?: { extraImportForWeb?: string } }[]) => {
            const meta = (args[0].loaderMeta ??= {})
            meta.extraImportForWeb = `${meta.extraImportForWeb ?? ''}import ${JSON.stringify(path.resolve(__dirname, 'preact', 'aria-attributes.mjs'))}\n`
            return args
          })
        // The heavy components (Swiper, Video, Picker, Textarea) each in a module of its own, so
        // they go with the pages that use them instead of into the first chunk (h5-components/)
        chain.resolve.alias.set('@tarojs/components$', path.resolve(__dirname, 'h5-components', 'index.mjs'))
        chain.module
          .rule('h5-components')
          .test(/[\\/]config[\\/]h5-components[\\/]/)
          .set('sideEffects', false)
        // Taro.previewImage draws with the Swiper too: loaded on the first picture tapped (h5-components/preview-image.mjs)
        chain.plugin('lazy-preview-image').use(NormalModuleReplacementPlugin, loadedLater(PREVIEW_IMAGE, LAZY_PREVIEW_IMAGE))
        // Taro's toast, loading, modal and action sheet (with their icon font and styles) in a chunk
        // downloaded when the page has loaded and the browser is idle, or on the first call (h5-runtime/interaction.mjs)
        chain.plugin('lazy-interaction').use(NormalModuleReplacementPlugin, loadedLater(INTERACTION, LAZY_INTERACTION))
        // Taro's system API parses the user agent (the `platform` package) when the app starts;
        // only getDeviceInfo and getSystemInfo read it, which no H5 page calls: in a chunk loaded in idle time (h5-components/platform.cjs)
        chain.resolve.alias.set('platform$', path.resolve(__dirname, 'h5-components', 'platform.cjs'))
        // Taro's request API imports a fetch polyfill (~32 KB minified) into the first chunk; every
        // browser that can run the app (Custom Elements v1, which Taro's components need) has fetch
        chain.resolve.alias.set('whatwg-fetch', false as unknown as string)
        // … and a JSONP helper (jsonp-retry, ~6 KB minified) for Taro.request({ jsonp }), which the app never asks for
        chain.resolve.alias.set('jsonp-retry$', path.resolve(__dirname, 'h5-runtime', 'no-jsonp.mjs'))
        // … and an AbortController polyfill (~9 KB minified) for browsers before Chrome 66 / Safari 12.1:
        // a few lines do what Taro.request needs of it there (h5-runtime/abort-controller.mjs)
        chain.resolve.alias.set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', path.resolve(__dirname, 'h5-runtime', 'abort-controller.mjs'))
        // Taro's H5 runtime adds taro-components.css to every app: the weui icon font (6 KB, as base64
        // in the first chunk) and the icon, checkbox and radio classes of Taro's Icon, Checkbox and
        // Radio, which no page uses, and rules for a .taro-app-wrap class nothing renders
        chain.resolve.alias.set('@tarojs/components/dist/taro-components/taro-components.css$', false as unknown as string)
        // What Taro's components share between pages (Stencil's runtime, a component used by
        // several pages) in chunks by the pages that use them, downloaded once: Taro splits only
        // the initial chunks, so each page chunk carried its own copy. No fixed name: one chunk
        // for all would make the video page download the Picker and a form page the Swiper.
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              // Taro's runtime (@tarojs/*) stays in app.js instead of a second initial chunk: on
              // HTTP/1.1 a browser opens 6 connections to a host, and 首页's first wave (the two
              // initial scripts, the page's CSS, its two chunks and the first screen's two covers)
              // was 7 requests, so the page's own chunk waited for a free connection and a round
              // trip more, arriving last (~2.2 s on slow 4G) however small
              taro: false,
              taroComponents: {
                chunks: 'async',
                test: /[\\/]node_modules[\\/](@tarojs[\\/]components|swiper|ssr-window|dom7|tslib)[\\/]/,
                priority: 200,
                enforce: true,
                reuseExistingChunk: true,
              },
            },
          })
        }
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        port: 10086,
        proxy: [{ context: ['/api', '/media'], target: `http://127.0.0.1:${process.env.API_PORT ?? 8080}` }],
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
