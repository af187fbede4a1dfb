import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRef } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { taroMock } from '../../../test/mocks/taro'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useThemeStore } from '@/features/elder-mode/stores/theme-store'
import { routes, tabRoutes } from '@/utils/routes'
import type { TextScale } from '@common/theme'
import CustomTabBar from '../index'
import { TABS, tabIndexOf, type TabBarHandle } from '../tabs'
import { useTabBarSelection } from '../use-tab-bar-selection'

/** the parts of the Taro mock these tests replace (WeChat-only APIs the jsdom mock lacks) */
const taro = Taro as unknown as {
  getWindowInfo?: () => unknown
  getTabBar?: (page: unknown) => unknown
  getCurrentPages: () => { route: string }[]
}
/** which build the code thinks it is in (process.env.TARO_ENV, read at run time under jest) */
const env = process.env as Record<string, string | undefined>
const originalGetCurrentPages = taro.getCurrentPages

/** the page WeChat has on top of its stack, as getCurrentPages() reports it */
function onPage(route: string) {
  taro.getCurrentPages = () => [{ route }]
}

/** an iPhone with a home indicator: 34 px under the safe area */
function withHomeIndicator() {
  taro.getWindowInfo = () => ({ screenHeight: 844, safeArea: { bottom: 810 } })
}

/** the bar keeps the last tab selected for the next page's bar: start each test without one */
function forgetLastTab() {
  const ref = createRef<TabBarHandle>()
  const { unmount } = render(<CustomTabBar forwardedRef={ref} />)
  act(() => ref.current!.setSelected(-1))
  unmount()
}

const tab = (name: string) => screen.getByRole('tab', { name })
const icon = (name: string) => tab(name).querySelector('img, taro-image-core') as HTMLElement
const label = (name: string) => tab(name).querySelector('.tab-bar__label') as HTMLElement
const setScale = (choice: TextScale) => act(() => useThemeStore.setState({ choice }))

let taroEnv: string | undefined
beforeEach(() => {
  taroEnv = env.TARO_ENV
  act(() => useThemeStore.setState({ choice: undefined, system: 'normal' }))
  delete taro.getWindowInfo
  delete taro.getTabBar
  taro.getCurrentPages = originalGetCurrentPages
  forgetLastTab()
})
afterEach(() => {
  env.TARO_ENV = taroEnv
})

describe('the custom tab bar (weapp)', () => {
  it('draws the five tabs with their icons and colours, the current page’s tab selected on first show', () => {
    onPage('pages/videos/index')
    render(<CustomTabBar />)

    expect(screen.getByRole('tablist', { name: '主导航' })).toBeInTheDocument()
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['首页', '解读', '视频', '答题', '我的'])
    expect(tab('视频')).toHaveAttribute('aria-selected', 'true')
    expect(icon('视频').getAttribute('src')).toBe('/assets/tabbar/video-active.png')
    expect(tab('视频').style.color).toBe('rgb(22, 89, 199)') // #1659c7
    for (const other of ['首页', '解读', '答题', '我的']) {
      expect(tab(other)).toHaveAttribute('aria-selected', 'false')
      expect(tab(other).style.color).toBe('rgb(92, 99, 112)') // #5c6370
    }
    expect(icon('首页').getAttribute('src')).toBe('/assets/tabbar/home.png')
    expect(icon('我的').getAttribute('src')).toBe('/assets/tabbar/mine.png')
  })

  it('selects nothing rather than a wrong tab when the page on top is no tab', () => {
    onPage('packages/policy/pages/detail/index')
    render(<CustomTabBar />)
    expect(screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true')).toEqual([])
  })

  it('switches tab on a tap (Taro.switchTab), and the next page’s bar starts on the tapped tab', () => {
    onPage('pages/index/index')
    const first = render(<CustomTabBar />)
    fireEvent.click(tab('答题'))
    expect(taroMock.navigations).toEqual([{ kind: 'switchTab', url: '/pages/quiz/index' }])
    expect(tab('答题')).toHaveAttribute('aria-selected', 'true')
    expect(tab('首页')).toHaveAttribute('aria-selected', 'false')
    first.unmount()

    // 答题's own bar, created as the page first shows (getCurrentPages may still say 首页)
    render(<CustomTabBar />)
    expect(tab('答题')).toHaveAttribute('aria-selected', 'true')

    // the tab on screen: no navigation
    fireEvent.click(tab('答题'))
    expect(taroMock.navigations).toHaveLength(1)
  })

  it('is selected by its page through what Taro.getTabBar returns (setSelected)', () => {
    onPage('pages/index/index')
    const ref = createRef<TabBarHandle>()
    render(<CustomTabBar forwardedRef={ref} />)
    expect(tab('首页')).toHaveAttribute('aria-selected', 'true')
    act(() => ref.current!.setSelected(tabIndexOf(routes.mine)))
    expect(tab('我的')).toHaveAttribute('aria-selected', 'true')
    expect(icon('我的').getAttribute('src')).toBe('/assets/tabbar/mine-active.png')
    expect(tab('首页')).toHaveAttribute('aria-selected', 'false')
  })

  it.each([
    ['normal', 52, 12, 24],
    ['large', 60, 15, 27],
    ['elder', 68, 18, 30],
  ] as const)('at %s: tabs %i px tall, labels %i px, icons %i px', (scale, height, labelPx, iconPx) => {
    setScale(scale)
    onPage('pages/index/index')
    render(<CustomTabBar />)
    for (const t of TABS) {
      expect(tab(t.text).style.height).toBe(`${height}px`)
      expect(label(t.text).style.fontSize).toBe(`${labelPx}px`)
      expect(icon(t.text).style.width).toBe(`${iconPx}px`)
      expect(icon(t.text).style.height).toBe(`${iconPx}px`)
    }
  })

  it('meets 长辈模式’s rules at 特大: tap targets ≥ 60 px both ways on a 375 px screen, labels ≥ 18 px', () => {
    setScale('elder')
    render(<CustomTabBar />)
    expect(parseFloat(tab('首页').style.height)).toBeGreaterThanOrEqual(60)
    expect(375 / TABS.length).toBeGreaterThanOrEqual(60)
    expect(parseFloat(label('首页').style.fontSize)).toBeGreaterThanOrEqual(18)
  })

  it('redraws when the text size changes (我的 → 字体大小)', () => {
    render(<CustomTabBar />)
    expect(label('解读').style.fontSize).toBe('12px')
    setScale('elder')
    expect(label('解读').style.fontSize).toBe('18px')
    expect(tab('解读').style.height).toBe('68px')
    setScale('large')
    expect(label('解读').style.fontSize).toBe('15px')
  })

  it('keeps clear of the home indicator: bottom padding of the strip under the safe area', () => {
    withHomeIndicator()
    const { container, unmount } = render(<CustomTabBar />)
    expect((container.querySelector('.tab-bar') as HTMLElement).style.paddingBottom).toBe('34px')
    unmount()

    delete taro.getWindowInfo // no safe area known (older base library): no padding
    const again = render(<CustomTabBar />)
    expect((again.container.querySelector('.tab-bar') as HTMLElement).style.paddingBottom).toBe('0px')
  })
})

describe('a tab page (useTabBarSelection, ThemePage)', () => {
  function TabPage({ route }: { route: string }) {
    useTabBarSelection(route)
    return <ThemePage>内容</ThemePage>
  }

  it('selects its own tab through Taro.getTabBar on every show, on weapp', () => {
    env.TARO_ENV = 'weapp'
    const setSelected = jest.fn()
    taro.getTabBar = jest.fn(() => ({ setSelected }))
    render(<TabPage route={routes.videos} />)
    expect(setSelected).toHaveBeenLastCalledWith(2)
    act(() => taroMock.fire('didShow'))
    expect(setSelected).toHaveBeenCalledTimes(2)
    expect(setSelected).toHaveBeenLastCalledWith(2)
  })

  it('leaves H5’s own tab bar alone', () => {
    env.TARO_ENV = 'h5'
    taro.getTabBar = jest.fn()
    render(<TabPage route={routes.videos} />)
    expect(taro.getTabBar).not.toHaveBeenCalled()
  })

  it('on weapp, pads its bottom by the bar’s height at the text size plus the safe area, so nothing is covered', () => {
    env.TARO_ENV = 'weapp'
    withHomeIndicator()
    taro.getTabBar = () => undefined
    taroMock.routerPath = routes.quiz
    const { container } = render(<TabPage route={routes.quiz} />)
    const root = container.querySelector('.page') as HTMLElement
    // 24 px of the page's own + 52 px of bar at 标准 + 34 px of safe area (jsdom adds up the calc)
    expect(root.style.paddingBottom).toBe('calc(110px)')
    setScale('elder')
    // 24 + 68 + 34
    expect(root.style.paddingBottom).toBe('calc(126px)')
  })

  it('pads no other page, and nothing on H5', () => {
    env.TARO_ENV = 'weapp'
    taroMock.routerPath = '/packages/policy/pages/detail/index'
    const other = render(<ThemePage>详情</ThemePage>)
    expect((other.container.querySelector('.page') as HTMLElement).style.paddingBottom).toBe('')
    other.unmount()

    env.TARO_ENV = 'h5'
    taroMock.routerPath = routes.quiz
    const h5 = render(<ThemePage>答题</ThemePage>)
    expect((h5.container.querySelector('.page') as HTMLElement).style.paddingBottom).toBe('')
  })

  it('is every tab page: each calls useTabBarSelection with its own route', () => {
    expect(TABS.map((t) => `/${t.pagePath}`)).toEqual(tabRoutes)
    for (const t of TABS) {
      const source = readFileSync(path.join(__dirname, '../..', `${t.pagePath}.tsx`), 'utf8')
      const key = Object.entries(routes).find(([, r]) => r === `/${t.pagePath}`)?.[0]
      expect([t.pagePath, source.includes(`useTabBarSelection(routes.${key})`)]).toEqual([t.pagePath, true])
    }
  })
})

describe('app.config tabBar', () => {
  const declareConfig = global as unknown as { defineAppConfig?: (c: unknown) => unknown }
  const load = async (taroEnv: string) => {
    env.TARO_ENV = taroEnv
    declareConfig.defineAppConfig = (c) => c
    let tabBar: unknown
    await jest.isolateModulesAsync(async () => {
      tabBar = (await import('../../app.config')).default.tabBar
    })
    return tabBar
  }
  afterEach(() => delete declareConfig.defineAppConfig)

  it('is custom on weapp only, with the same list and colours as WeChat’s own bar had', async () => {
    const list = [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/interpretations/index', text: '解读', iconPath: 'assets/tabbar/interp.png', selectedIconPath: 'assets/tabbar/interp-active.png' },
      { pagePath: 'pages/videos/index', text: '视频', iconPath: 'assets/tabbar/video.png', selectedIconPath: 'assets/tabbar/video-active.png' },
      { pagePath: 'pages/quiz/index', text: '答题', iconPath: 'assets/tabbar/quiz.png', selectedIconPath: 'assets/tabbar/quiz-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ]
    const colours = { color: '#5c6370', selectedColor: '#1659c7', backgroundColor: '#ffffff', borderStyle: 'black' }
    expect(await load('weapp')).toEqual({ custom: true, ...colours, list })
    // Taro 4.2.1's H5 draws no tab bar at all when custom is set
    expect(await load('h5')).toEqual({ ...colours, list })
  })
})
