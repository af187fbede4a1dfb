/**
 * 首屏直出 (server/h5): 首页 and an interpretation come with their first screen and their API
 * answer in the HTML; every other page of the app a skeleton; an unknown interpretation and a
 * path that is no page get index.html as built.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIRST_SCREEN_DATA_GLOBAL, FIRST_SCREEN_ELEMENT_ID } from '../../common/contract'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

// the shape of the real build's index.html (src/index.html after html-webpack-plugin)
const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策通</title>' +
  '<script>window.__zctPreload={}</script><script defer="defer" src="/js/app.1a2b3c4d.js"></script>' +
  '<link href="/css/app.1a2b3c4d.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

const h5 = makeTempDir('zct-h5-first-')
mkdirSync(join(h5.path, 'css'))
writeFileSync(join(h5.path, 'index.html'), INDEX_HTML)
writeFileSync(join(h5.path, 'css', 'app.1a2b3c4d.css'), ':root{--fs-md:.8rem}')
writeFileSync(join(h5.path, 'css', '451.aaaa0000.css'), '.home__brand{font-weight:700}')
writeFileSync(join(h5.path, 'css', '148.bbbb0000.css'), '.interp-detail__title{font-size:1.1rem}')
writeFileSync(
  join(h5.path, 'page-assets.json'),
  JSON.stringify({
    'pages/index/index': ['css/451.aaaa0000.css', 'js/451.aaaa0000.js'],
    'packages/interpretation/pages/detail/index': ['css/148.bbbb0000.css', 'js/148.bbbb0000.js'],
  }),
)
afterAll(() => h5.remove())

/** the API answers the HTML carries, as the page's preload script will read them */
function embeddedData(html: string): Record<string, unknown> {
  const m = new RegExp(`<script>window\\.${FIRST_SCREEN_DATA_GLOBAL}=(.*?)</script>`).exec(html)
  if (!m) throw new Error('no first-screen data in the HTML')
  return JSON.parse(m[1]) as Record<string, unknown>
}

/** the first-screen layer's markup */
function layer(html: string): string {
  const start = html.indexOf(`<div id="${FIRST_SCREEN_ELEMENT_ID}"`)
  return start < 0 ? '' : html.slice(start, html.indexOf('<script>', start))
}

describe('first screen in the HTML', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ staticDir: h5.path })
  })
  afterAll(() => server.close())

  it('首页: the hero, the featured interpretations and the topics, with GET /home as the API answers it', async () => {
    const res = await server.get('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const html = await res.text()
    const home = await (await server.api('/home')).json()
    const screen = layer(html)
    expect(screen).toContain('政策通')
    expect(screen).toContain('搜政策、解读、问答：社保卡、医保…')
    expect(screen).toContain(home.featured[0].title)
    expect(screen).toContain(`src="${home.featured[0].cover}"`)
    for (const topic of home.topics) expect(screen).toContain(`topic-grid__icon--${topic.id}`)
    expect(embeddedData(html)).toEqual({ '/api/v1/home': home })
    // /pages/index/index is the same page
    expect(layer(await (await server.get('/pages/index/index')).text())).toBe(screen)
  })

  it('puts the stylesheets inline, so nothing delays the first paint by a round trip', async () => {
    const html = await (await server.get('/')).text()
    expect(html).not.toContain('href="/css/app.1a2b3c4d.css"')
    expect(html).toContain(':root{--fs-md:.8rem}')
    expect(html).toContain('.home__brand{font-weight:700}')
    // the data comes before index.html's own scripts, which read it
    expect(html.indexOf(FIRST_SCREEN_DATA_GLOBAL)).toBeLessThan(html.indexOf('window.__zctPreload={}'))
    expect(html).toContain(`<div id="${FIRST_SCREEN_ELEMENT_ID}"`)
    expect(html).toContain('<div id="app"></div>')
  })

  it('an interpretation: its head and first blocks, with GET /interpretations/:id as the API answers it', async () => {
    const html = await (await server.get('/packages/interpretation/pages/detail/index?id=i001')).text()
    const item = await (await server.api('/interpretations/i001')).json()
    const screen = layer(html)
    expect(screen).toContain(item.title)
    expect(screen).toContain(item.department)
    expect(screen).toContain('2021年8月30日')
    const firstImage = item.blocks.find((b: { type: string }) => b.type === 'image')
    expect(screen).toContain(`<img class="block__image" src="${firstImage.src}"`)
    const firstParagraph = item.blocks.find((b: { type: string }) => b.type === 'paragraph')
    expect(screen).toContain(firstParagraph.text)
    expect(html).toContain('.interp-detail__title{font-size:1.1rem}')
    expect(embeddedData(html)).toEqual({ '/api/v1/interpretations/i001': item })
  })

  it('compresses the page as the browser accepts', async () => {
    const br = await server.get('/', { headers: { 'accept-encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(layer(await br.text())).toContain('政策专题')
    const gzip = await server.get('/', { headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
  })

  it('an unknown interpretation and a path that is no page get index.html as built', async () => {
    for (const path of ['/packages/interpretation/pages/detail/index?id=nope', '/packages/interpretation/pages/detail/index', '/some/where']) {
      const res = await server.get(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(INDEX_HTML)
    }
  })

  it('every other page of the app gets a skeleton layer, with text to paint, its styles and a CSP that allows its script', async () => {
    for (const path of [
      '/packages/favourites/pages/list/index',
      '/packages/qa/pages/mine/index',
      '/packages/policy/pages/list/index',
      '/packages/lecture/pages/order/index',
    ]) {
      const res = await server.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await res.text()
      expect(html).toContain(`<div id="${FIRST_SCREEN_ELEMENT_ID}" aria-busy="true" data-skeleton="">`)
      expect(layer(html)).toContain('正在加载…')
      expect(html).toContain('.zct-skeleton__card{')
      // no page data: the page fetches its own
      expect(html).not.toContain(FIRST_SCREEN_DATA_GLOBAL)
      const hashes = [...(res.headers.get('content-security-policy') ?? '').matchAll(/'sha256-[^']+'/g)]
      expect(hashes.length).toBe(html.match(/<script>/g)?.length)
    }
  })
})
