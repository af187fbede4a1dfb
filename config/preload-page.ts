/**
 * H5 only: Taro loads each page's code as an async chunk once the app bundle has run, so the
 * page a visitor lands on waited for app.js before its own chunks even started downloading — a
 * whole extra round trip on a slow phone network. This webpack plugin writes a small inline
 * script into index.html with the chunk files of every page; it adds <link rel="preload"> for the
 * page in the address bar, so its code downloads alongside app.js.
 * It also writes the same map as `page-assets.json`, from which the server takes a page's CSS to
 * draw that page's first screen into the HTML (server/h5/first-screen.ts).
 */
import HtmlWebpackPlugin from 'html-webpack-plugin'
import { type Compiler, sources } from 'webpack'

export const PAGE_ASSETS_FILE = 'page-assets.json'

/** `pages/index/index` or `packages/<sub>/pages/<name>/index`, as in app.config.ts */
const PAGE = /((?:packages\/[\w-]+\/)?pages\/[\w-]+\/index)/

export class PreloadPagePlugin {
  constructor(private readonly homePage = 'pages/index/index') {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadPagePlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadPagePlugin', (data) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/').replace(/auto$/, '/')
        const pages: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          const page = group.origins.map((o) => (typeof o.request === 'string' ? PAGE.exec(o.request)?.[1] : undefined)).find(Boolean)
          if (!page) continue
          const files = group.chunks.flatMap((c) => [...c.files]).filter((f) => /\.(js|css)$/.test(f))
          pages[page] = [...new Set([...(pages[page] ?? []), ...files])].sort()
        }
        const script =
          `(function(m,p,h){var f=m[location.pathname.replace(/^\\/+|\\/+$/g,'')||h]||[];` +
          `f.forEach(function(x){var l=document.createElement('link');l.rel='preload';l.as=/\\.css$/.test(x)?'style':'script';l.href=p+x;document.head.appendChild(l)})})` +
          `(${JSON.stringify(pages)},${JSON.stringify(publicPath)},${JSON.stringify(this.homePage)})`
        compilation.emitAsset(PAGE_ASSETS_FILE, new sources.RawSource(JSON.stringify(pages)))
        data.headTags.push({ tagName: 'script', voidTag: false, meta: { plugin: 'PreloadPagePlugin' }, attributes: {}, innerHTML: script })
        return data
      })
    })
  }
}
