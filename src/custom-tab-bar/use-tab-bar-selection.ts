import Taro, { useDidShow } from '@tarojs/taro'
import { tabIndexOf, type TabBarHandle } from './tabs'

/**
 * A tab page's line that keeps the custom tab bar right (weapp): each tab page has a tab bar of
 * its own, and WeChat leaves selecting its tab to the page, on every show (after switchTab,
 * navigateBack, relaunch). On H5 Taro's own bar follows the route.
 */
export function useTabBarSelection(route: string): void {
  // TARO_ENV is fixed at build time, so a build calls the hook on every render or on none
  // eslint-disable-next-line react-hooks/rules-of-hooks
  if (process.env.TARO_ENV === 'weapp') useWeappTabBarSelection(route)
}

function useWeappTabBarSelection(route: string): void {
  useDidShow(() => {
    // in a page's didShow the current instance is that page
    Taro.getTabBar<TabBarHandle>(Taro.getCurrentInstance().page)?.setSelected(tabIndexOf(route))
  })
}
