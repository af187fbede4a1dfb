import { TAB_BAR_COLOURS, TABS, tabIconPath } from './custom-tab-bar/tabs'

const weapp = process.env.TARO_ENV === 'weapp'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/interpretations/index', 'pages/videos/index', 'pages/quiz/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/policy', pages: ['pages/list/index', 'pages/detail/index', 'pages/match/index', 'pages/situation/index'] },
    { root: 'packages/interpretation', pages: ['pages/detail/index', 'pages/reading/index', 'pages/poster/index'] },
    { root: 'packages/video', pages: ['pages/feed/index', 'pages/play/index'] },
    { root: 'packages/course', pages: ['pages/list/index', 'pages/detail/index', 'pages/lesson/index'] },
    { root: 'packages/qa', pages: ['pages/ask/index', 'pages/consult/index', 'pages/mine/index'] },
    { root: 'packages/search', pages: ['pages/results/index'] },
    {
      root: 'packages/lecture',
      pages: [
        'pages/menu/index',
        'pages/order/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/dispatch/index',
        'pages/lecturer/index',
        'pages/sign-in/index',
        'pages/calendar/index',
        'pages/messages/index',
        'pages/privacy/index',
      ],
    },
    { root: 'packages/foia', pages: ['pages/apply/index', 'pages/mine/index', 'pages/detail/index'] },
    { root: 'packages/service-point', pages: ['pages/bind/index'] },
    { root: 'packages/messages', pages: ['pages/inbox/index'] },
    { root: 'packages/favourites', pages: ['pages/list/index'] },
    { root: 'packages/sign-in', pages: ['pages/resident/index'] },
    {
      root: 'packages/quiz',
      pages: ['pages/detail/index', 'pages/attempt/index', 'pages/result/index', 'pages/leaderboard/index', 'pages/practice/index', 'pages/mistakes/index'],
    },
    { root: 'packages/staff', pages: ['pages/login/index', 'pages/sessions/index', 'pages/password/index'] },
    // weapp: the one ECharts (packages/chart/lib.js, config/chart-lib.ts), loaded by both chart-drawing
    // subpackages through 分包异步化; H5 has its own ECharts chunk and no need of it
    ...(weapp ? [{ root: 'packages/chart', pages: ['pages/index/index'] }] : []),
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/policy', 'packages/interpretation'] },
    ...(weapp
      ? {
          'packages/interpretation/pages/detail/index': { network: 'all' as const, packages: ['packages/chart'] },
          'packages/quiz/pages/leaderboard/index': { network: 'all' as const, packages: ['packages/chart'] },
        }
      : {}),
  },
  // `require.async('@chart/lib.js')` from wherever the bundler puts the chart component
  ...(weapp ? { resolveAlias: { '@chart/*': 'packages/chart/*' } } : {}),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1659c7',
    navigationBarTitleText: '政策通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
  },
  // weapp draws its own tab bar (src/custom-tab-bar) so that it grows with the text size; WeChat still
  // needs the whole list (which pages are tabs; the icons it copies). H5 keeps Taro's bar, which
  // follows the text size in app.scss: Taro 4.2.1's H5 draws no bar at all with custom: true.
  tabBar: {
    ...(weapp ? { custom: true } : {}),
    ...TAB_BAR_COLOURS,
    list: TABS.map((tab) => ({ pagePath: tab.pagePath, text: tab.text, iconPath: tabIconPath(tab, false), selectedIconPath: tabIconPath(tab, true) })),
  },
  lazyCodeLoading: 'requiredComponents',
})
