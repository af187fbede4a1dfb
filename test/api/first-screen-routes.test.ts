/**
 * Every route of the app (src/app.config.ts, as the H5 build reads it) opens with a first screen in
 * its HTML: the server-drawn one for the pages in server/modules/first-screen/pages, a skeleton for
 * the rest — so a page added to the app without either fails here. And the registry names no page
 * the app does not have.
 */
import { FIRST_SCREEN_PAGES } from '../../server/modules/first-screen/pages'
import { fakeH5Build, layer } from './helpers/h5-build'
import { startTestServer, type TestServer } from './helpers/test-server'

/** the app's routes as Taro's H5 build reads app.config.ts (TARO_ENV is not weapp here: no chart subpackage) */
function appRoutes(): string[] {
  const holder = globalThis as { defineAppConfig?: (config: unknown) => unknown }
  holder.defineAppConfig = (config) => config
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.config.ts calls the global defineAppConfig as it loads
  const config = (require('../../src/app.config') as { default: { pages: string[]; subPackages: { root: string; pages: string[] }[] } }).default
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

/** a real id for each drawn page that needs one (fixtures); a drawn page added without one fails here */
const SAMPLE_QUERY: Record<string, string> = {
  'packages/interpretation/pages/detail/index': '?id=i001',
  'packages/policy/pages/detail/index': '?id=p001',
  'packages/video/pages/play/index': '?id=v001',
  'packages/quiz/pages/detail/index': '?id=q001',
}

const h5 = fakeH5Build('zct-h5-routes-', {}, {})
afterAll(() => h5.remove())

describe('every route of the app has a first screen', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ staticDir: h5.path, devLogin: true })
  })
  afterAll(() => server.close())

  const routes = appRoutes()
  const drawn = new Set(FIRST_SCREEN_PAGES.map((p) => p.page))

  it('reads the routes of app.config.ts: the five tabs and the subpackages', () => {
    expect(routes.slice(0, 5)).toEqual(['pages/index/index', 'pages/interpretations/index', 'pages/videos/index', 'pages/quiz/index', 'pages/mine/index'])
    expect(routes.length).toBeGreaterThan(40)
    expect(new Set(routes).size).toBe(routes.length)
  })

  it('the drawn pages are pages of the app', () => {
    for (const page of drawn) expect(routes).toContain(page)
  })

  it.each(routes)('/%s: a drawn first screen or a skeleton, with the 演示模式 banner', async (route) => {
    const res = await server.get(`/${route}${SAMPLE_QUERY[route] ?? ''}`)
    expect(res.status).toBe(200)
    const screen = layer(await res.text())
    expect(screen).toContain('<div id="zct-first-screen" aria-busy="true"')
    expect(screen.includes('data-skeleton=""')).toBe(!drawn.has(route))
    expect(screen).toContain('<div class="demo-banner" role="region" aria-label="演示模式">')
  })
})
