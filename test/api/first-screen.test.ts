/**
 * 首屏直出 (server/h5): 首页 and an interpretation come with their first screen and their API
 * answer in the HTML; every other page of the app a skeleton; an unknown interpretation and a
 * path that is no page get index.html as built.
 */
import { FIRST_SCREEN_DATA_GLOBAL, FIRST_SCREEN_ELEMENT_ID } from '../../common/contract'
import { embeddedData, everyPageData, fakeH5Build, INDEX_HTML, layer } from './helpers/h5-build'
import { startTestServer, type TestServer } from './helpers/test-server'

const h5 = fakeH5Build(
  'zct-h5-first-',
  { 'css/451.aaaa0000.css': '.home__brand{font-weight:700}', 'css/148.bbbb0000.css': '.interp-detail__title{font-size:1.1rem}' },
  {
    'pages/index/index': ['css/451.aaaa0000.css', 'js/451.aaaa0000.js'],
    'packages/interpretation/pages/detail/index': ['css/148.bbbb0000.css', 'js/148.bbbb0000.js'],
  },
)
afterAll(() => h5.remove())

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
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/home': home })
    // not the demo: no 演示模式 banner, and the app is told so
    expect(embeddedData(html)['/api/v1/app-config']).toEqual({ demo: false, lectureLeadDays: 3 })
    expect(screen).not.toContain('demo-banner')
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
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/interpretations/i001': item })
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
      expect(layer(html)).not.toContain('demo-banner')
      // none of the page's own data (it fetches its own): only what every page is given
      expect(embeddedData(html)).toEqual(await everyPageData(server))
      const hashes = [...(res.headers.get('content-security-policy') ?? '').matchAll(/'sha256-[^']+'/g)]
      expect(hashes.length).toBe(html.match(/<script>/g)?.length)
    }
  })
})
