/**
 * The custom tab bar as WeChat runs it: the weapp build's own files (runtime, Taro, the app, and
 * custom-tab-bar/index.{js,json,wxml,wxss} through WeChat's wcc template compiler), rendered by
 * miniprogram-simulate (j-component). What this cannot show: WeChat placing the bar at the
 * bottom of each tab page and calling the page's onShow — that needs WeChat DevTools (README).
 *
 * Needs a weapp build (`npm run build:weapp`, or WEAPP_DIST=<dir>). Without one it is skipped
 * on a developer's machine, saying so — and fails in CI (.ci/run builds weapp before the tests).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { waitFor } from '@testing-library/react'

const dist = path.resolve(process.env.WEAPP_DIST ?? path.join(__dirname, '../../../dist/weapp'))

interface SimNode {
  dom: HTMLElement
  instance: Record<string, unknown>
  querySelectorAll(selector: string): SimNode[]
  dispatchEvent(name: string): void
  attach(parent: Element): void
}
interface Simulate {
  load(componentPath: string, tagName: string, options: { rootPath: string }): string
  render(id: string): SimNode
}

function loadSimulate(): Simulate | string {
  if (!existsSync(path.join(dist, 'custom-tab-bar', 'index.js'))) return `no weapp build with a custom tab bar in ${dist}`
  // a devDependency without type declarations: the module name in a variable keeps tsc from asking for them
  const name = 'miniprogram-simulate'
  return jest.requireActual<Simulate>(name)
}

const simulate = loadSimulate()
if (typeof simulate === 'string' && process.env.CI) throw new Error(`compiled weapp tab bar: ${simulate} (CI builds weapp first)`)
const describeCompiled = typeof simulate === 'string' ? describe.skip : describe
if (typeof simulate === 'string') console.warn(`compiled weapp tab bar: skipped (${simulate})`)

type WebpackRequire = ((id: string) => Record<string, unknown>) & { m: Record<string, unknown> }

describeCompiled('the custom tab bar, compiled for weapp (miniprogram-simulate)', () => {
  const sim = simulate as Simulate
  const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx
  let webpackRequire: WebpackRequire
  let switchTab: jest.Mock
  /** the component, registered once (its script runs once); each test renders an instance of it */
  let tabBarId: string

  /** an export of the bundle's modules that passes `test` (names are minified) */
  function findExport<T>(test: (value: unknown) => boolean): T {
    for (const id of Object.keys(webpackRequire.m)) {
      let exports: Record<string, unknown>
      try {
        exports = webpackRequire(id)
      } catch {
        continue
      }
      const found = exports && Object.values(exports).find((v) => test(v))
      if (found) return found as T
    }
    throw new Error('not in the bundle')
  }

  beforeAll(async () => {
    const g = globalThis as unknown as Record<string, unknown>
    let app: { onLaunch(this: unknown, o: unknown): void } | undefined
    g.App = (config: typeof app) => (app = config)
    g.getApp = () => app
    g.Page = () => undefined
    // the page WeChat is opening: 视频
    g.getCurrentPages = () => [{ route: 'pages/videos/index' }]
    switchTab = jest.fn((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'switchTab:ok' }))
    wx().switchTab = switchTab
    for (const file of ['runtime.js', 'taro.js', 'vendors.js', 'common.js', 'app.js']) jest.requireActual(path.join(dist, file))
    app!.onLaunch.call(app, { path: 'pages/videos/index', query: {} })
    ;(wx().webpackJsonp as unknown[]).push([['simulate'], {}, (req: WebpackRequire) => (webpackRequire = req)])

    // Taro gives components without behaviors `behaviors: {}`, which WeChat takes and j-component does not
    const simComponent = g.Component as (o: Record<string, unknown>) => void
    g.Component = (o: Record<string, unknown>) =>
      simComponent({
        ...o,
        behaviors: Array.isArray(o.behaviors) ? o.behaviors : [],
        externalClasses: Array.isArray(o.externalClasses) ? o.externalClasses : [],
      })
    tabBarId = sim.load(path.join(dist, 'custom-tab-bar/index'), 'custom-tab-bar', { rootPath: dist })
  })

  async function mountBar() {
    const bar = sim.render(tabBarId)
    bar.attach(document.createElement('parent-wrapper'))
    // Taro renders in a task of its own, then setData: wait for it, not for a time
    await waitFor(() => expect(items(bar)).toHaveLength(5))
    return bar
  }
  const items = (bar: SimNode) => bar.querySelectorAll('.tab-bar__item')
  const texts = (bar: SimNode) => items(bar).map((i) => i.dom.textContent)
  const selected = (bar: SimNode) =>
    items(bar)
      .filter((i) => i.dom.getAttribute('style')?.includes('#1659c7'))
      .map((i) => i.dom.textContent)
  /**
   * the icons' src as the bar sent them to its template (base.wxml's image: src="{{i.p4}}");
   * j-component's image keeps no src attribute to read back
   */
  function iconSources(bar: SimNode): string[] {
    type TaroNode = { cl?: string; p4?: string; cn?: TaroNode[] }
    const walk = (n: TaroNode): string[] => [...(n.cl === 'tab-bar__icon' && n.p4 ? [n.p4] : []), ...(n.cn ?? []).flatMap(walk)]
    return walk((bar.instance.data as { root: TaroNode }).root)
  }
  /** j-component turns rpx into px one for one: the build's rpx are 2 a design px (designWidth 375) */
  const designPx = (node: SimNode, property: string) => Number(new RegExp(`${property}:\\s*(\\d+)px`).exec(node.dom.getAttribute('style') ?? '')?.[1]) / 2

  it('draws the five tabs with the opening page’s tab selected, in 标准 sizes, above the home indicator', async () => {
    const bar = await mountBar()
    expect(texts(bar)).toEqual(['首页', '解读', '视频', '答题', '我的'])
    expect(selected(bar)).toEqual(['视频'])
    expect(iconSources(bar)).toEqual([
      '/assets/tabbar/home.png',
      '/assets/tabbar/interp.png',
      '/assets/tabbar/video-active.png',
      '/assets/tabbar/quiz.png',
      '/assets/tabbar/mine.png',
    ])
    expect(items(bar).map((i) => designPx(i, 'height'))).toEqual([52, 52, 52, 52, 52])
    expect(designPx(bar.querySelectorAll('.tab-bar__label')[0], 'font-size')).toBe(12)
    const info = (wx().getWindowInfo as () => { screenHeight: number; safeArea: { bottom: number } })()
    const root = bar.querySelectorAll('.tab-bar')[0]
    expect(root.dom.getAttribute('style')).toContain(`padding-bottom: ${info.screenHeight - info.safeArea.bottom}px`)
    // its stylesheet: fixed to the bottom of the screen
    expect(document.head.innerHTML).toMatch(/tab-bar\{[^}]*position:\s*fixed/)
  })

  it('switches tab on a tap, through wx.switchTab', async () => {
    const bar = await mountBar()
    items(bar)[3].dispatchEvent('tap')
    await waitFor(() => expect(selected(bar)).toEqual(['答题']))
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/quiz/index' }))
  })

  it('is selected by its page through Taro.getTabBar, as the tab pages do on show', async () => {
    const bar = await mountBar()
    const taro = findExport<{ getTabBar(page: unknown): { setSelected(i: number): void } | undefined }>(
      (v) => typeof (v as { getTabBar?: unknown })?.getTabBar === 'function' && typeof (v as { switchTab?: unknown }).switchTab === 'function',
    )
    // what a page's this.getTabBar() returns on weapp: the tab bar component's instance
    taro.getTabBar({ getTabBar: () => bar.instance })!.setSelected(4)
    await waitFor(() => expect(selected(bar)).toEqual(['我的']))
    expect(iconSources(bar)[4]).toBe('/assets/tabbar/mine-active.png')
  })

  it('grows with the text size at once: 68 px tabs and 18 px labels at 特大', async () => {
    const bar = await mountBar()
    // the text-size store (zustand): a function with getState, whose state has setChoice
    const themeStore = findExport<{ setState(s: object): void }>((v) => {
      const getState = typeof v === 'function' ? (v as unknown as { getState?: () => object }).getState : undefined
      return typeof getState === 'function' && 'setChoice' in (getState() ?? {})
    })
    expect(designPx(items(bar)[0], 'height')).toBe(52)
    themeStore.setState({ choice: 'elder' })
    await waitFor(() => expect(items(bar).map((i) => designPx(i, 'height'))).toEqual([68, 68, 68, 68, 68]))
    expect(designPx(bar.querySelectorAll('.tab-bar__label')[0], 'font-size')).toBe(18)
    expect(designPx(bar.querySelectorAll('.tab-bar__icon')[0], 'width')).toBe(30)
  })
})
