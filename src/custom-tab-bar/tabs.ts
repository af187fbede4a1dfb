/**
 * The five tabs and the bar's colours, once: app.config.ts builds WeChat's tabBar list from them
 * (which also tells WeChat which pages are tabs, and copies the icons into the build), and the
 * custom tab bar (index.tsx) draws them. Imports nothing, so the config reader can load it.
 */
export interface Tab {
  /** the page, as app.config lists it (no leading slash) */
  pagePath: string
  text: string
  /** src/assets/tabbar/<icon>.png and <icon>-active.png */
  icon: string
}

export const TABS: readonly Tab[] = [
  { pagePath: 'pages/index/index', text: '首页', icon: 'home' },
  { pagePath: 'pages/interpretations/index', text: '解读', icon: 'interp' },
  { pagePath: 'pages/videos/index', text: '视频', icon: 'video' },
  { pagePath: 'pages/quiz/index', text: '答题', icon: 'quiz' },
  { pagePath: 'pages/mine/index', text: '我的', icon: 'mine' },
]

export const TAB_BAR_COLOURS = { color: '#5c6370', selectedColor: '#1659c7', backgroundColor: '#ffffff', borderStyle: 'black' } as const

/** the icon's path from the package root, as app.config's iconPath / selectedIconPath take it */
export function tabIconPath(tab: Tab, selected: boolean): string {
  return `assets/tabbar/${tab.icon}${selected ? '-active' : ''}.png`
}

/** the tab of a page path or route ('/pages/videos/index?topic=x' → 2), -1 when it is no tab */
export function tabIndexOf(path: string | undefined): number {
  const page = (path ?? '').split('?')[0].replace(/^\//, '')
  return TABS.findIndex((t) => t.pagePath === page)
}

/** what Taro.getTabBar(page) returns on weapp: the custom tab bar of that page */
export interface TabBarHandle {
  setSelected(index: number): void
}
