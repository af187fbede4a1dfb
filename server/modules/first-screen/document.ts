/**
 * The H5 app's index.html with a page's first screen written in (see first-screen.ts): the
 * page's stylesheet inline, the screen itself in a layer above the app, the API answers the page
 * will ask for (read by index.html's preload script instead of fetching), and a few lines that
 * give the layer the visitor's saved text size before it paints — or drop it on a device that
 * is a village service point, whose 首页 is a different page.
 *
 * The build's index.html and page-assets.json (config/preload-page.ts) are read once and again
 * whenever the build changes.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { TEXT_SCALES, themeVars } from '../../../common/theme'
import { FIRST_SCREEN_DATA_GLOBAL, FIRST_SCREEN_ELEMENT_ID as FIRST_SCREEN_ID } from '../../../common/contract'
import { scriptJson } from './markup'
import { SKELETON_CSS } from './skeleton'

/** Taro's H5 build sets the root font size to 20 px on a 375-wide screen: design px / 20 = rem */
const rem = (px: number) => `${px / 20}rem`
const SCALE_VARS = Object.fromEntries(TEXT_SCALES.map((s) => [s, themeVars(s, rem)]))

/**
 * stacked above the app until the page takes over; it does not scroll (it is one screen). The
 * html min-height: Taro's root font size script takes the smaller of the page's width and height,
 * and a page holding only a fixed layer would be 8 px high (so 20 px instead of 20.8 on a 390-wide phone).
 */
const LAYER_CSS =
  `html{min-height:100%}#${FIRST_SCREEN_ID}{position:fixed;top:0;left:0;right:0;bottom:0;z-index:10000;overflow:hidden;background:#f4f6fa}` +
  // the body's type as Taro's H5 runtime sets it once its code runs (its base stylesheet, injected by
  // script: body{font-family:…;line-height:1.6}), which the page's text inherits at every text size:
  // without it the layer's lines are of another font and height than the page that replaces them
  `#${FIRST_SCREEN_ID}{font-family:-apple-system-font,Helvetica Neue,sans-serif;line-height:1.6}` +
  // the layer's links (real <a href>s where the page has a tappable view) look like the views they
  // stand for: the class's own display wins over this (:where has no specificity)
  `:where(#${FIRST_SCREEN_ID}) a{display:block;color:inherit;text-decoration:none}`

function layerScript(isHome: boolean, pageScript = ''): string {
  return (
    `(function(){try{var el=document.getElementById(${scriptJson(FIRST_SCREEN_ID)}),root=document.documentElement;` +
    `function read(k){var v=localStorage.getItem(k);if(!v)return null;var o=JSON.parse(v);if(o&&typeof o.data==='string')o=JSON.parse(o.data);return o&&o.state||null}` +
    (isHome ? `var sp=read('zct-service-point');if(sp&&sp.point){el.parentNode.removeChild(el);return}` : '') +
    `var t=read('zct-theme'),c=t&&t.choice,v=${scriptJson(SCALE_VARS)}[c];` +
    `if(v){for(var k in v)root.style.setProperty(k,v[k]);root.classList.add('theme--'+c);el.firstChild.className+=' theme--'+c}` +
    // the 长辈模式 switch on 首页 says it is on, as the page will
    `var tg=c==='elder'&&el.querySelector('.elder-toggle');if(tg){tg.className+=' elder-toggle--on';tg.lastChild.textContent='长辈模式：已开启'}` +
    pageScript +
    `}catch(e){}` +
    // Taro's root font size script (head) measured the page before it had a body; measure again
    `window.dispatchEvent(new Event('resize'))})()`
  )
}

interface Build {
  mtimeMs: number
  template: string
  assets: Record<string, string[]>
  css: Map<string, string>
}

export class H5Document {
  private build?: Build

  constructor(private readonly staticDir: string) {}

  private load(): Build {
    const indexPath = join(this.staticDir, 'index.html')
    const mtimeMs = statSync(indexPath).mtimeMs
    if (this.build && this.build.mtimeMs === mtimeMs) return this.build
    let assets: Record<string, string[]> = {}
    try {
      assets = JSON.parse(readFileSync(join(this.staticDir, 'page-assets.json'), 'utf8')) as Record<string, string[]>
    } catch {
      // an older build without the map: the first screen goes without the page's stylesheet
    }
    this.build = { mtimeMs, template: readFileSync(indexPath, 'utf8'), assets, css: new Map() }
    return this.build
  }

  private pageCss(build: Build, page: string): string {
    const cached = build.css.get(page)
    if (cached !== undefined) return cached
    const files = (build.assets[page] ?? []).filter((f) => f.endsWith('.css') && !f.includes('..'))
    const css = files.map((f) => this.file(build, f) ?? '').join('\n')
    build.css.set(page, css)
    return css
  }

  /** index.html as it is */
  plain(): string {
    return this.load().template
  }

  /**
   * index.html with `screen` (HTML built by first-screen.ts) for `page` (`pages/index/index`)
   * and `data`, API answers keyed by their URL (`/api/v1/home`)
   */
  withFirstScreen(page: string, screen: string, data: Record<string, unknown>, script?: string): string {
    return this.layered(page, screen, data, false, script)
  }

  /**
   * index.html with skeletonFirstScreen() in the layer, for `page` (`packages/lecture/pages/menu/index`),
   * and `data`: the answers every page is given (GET /app-config), none of the page's own
   */
  withSkeleton(page: string, screen: string, data: Record<string, unknown> = {}): string {
    return this.layered(page, screen, data, true)
  }

  private layered(page: string, screen: string, data: Record<string, unknown>, skeleton: boolean, pageScript?: string): string {
    const build = this.load()
    const style = (css: string) => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`
    const dataScript = `<script>window.${FIRST_SCREEN_DATA_GLOBAL}=${scriptJson(data)}</script>`
    // a skeleton stands for no page in particular: whichever page draws first removes it
    const body =
      `<div id="${FIRST_SCREEN_ID}" aria-busy="true"${skeleton ? ' data-skeleton=""' : ''}>${screen}</div>` +
      `<script>${layerScript(page === 'pages/index/index', pageScript)}</script><div id="app"></div>`
    let html = build.template
    // the data goes before index.html's own scripts, which read it
    const firstScript = html.indexOf('<script')
    if (Object.keys(data).length) {
      html = firstScript < 0 ? html.replace('</head>', () => `${dataScript}</head>`) : html.slice(0, firstScript) + dataScript + html.slice(firstScript)
    }
    // the app's stylesheet inline (it is small), so nothing holds up the first paint by a round trip
    html = html.replace(/<link href="\/?(css\/app\.[\w.]+\.css)" rel="stylesheet">/, (tag, file: string) => {
      const css = this.file(build, file)
      return css === undefined ? tag : style(css)
    })
    // (function replacers: content may hold `$&` and the like)
    const css = skeleton ? `${LAYER_CSS}${SKELETON_CSS}` : `${this.pageCss(build, page)}\n${LAYER_CSS}`
    html = html.replace('</head>', () => `${style(css)}</head>`)
    return html.replace('<div id="app"></div>', () => body)
  }

  private file(build: Build, file: string): string | undefined {
    if (!build.css.has(file)) {
      try {
        build.css.set(file, readFileSync(join(this.staticDir, file), 'utf8'))
      } catch {
        return undefined
      }
    }
    return build.css.get(file)
  }
}
