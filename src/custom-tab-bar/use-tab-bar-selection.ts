import Taro, { useDidShow } from '@tarojs/taro'
import { tabIndexOf, type TabBarHandle } from './tabs'

/**
 * A tab page's line that keeps the custom tab bar right (weapp): each tab page has a tab bar of
 * its own, and WeChat leaves selecting its tab to the page, on every show (after switchTab,
 * navigateBack, relaunch). On H5 Taro's own bar follows the route.
 */
export function useTabBarSelection(route: string): void {
  useDidShow(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    // in a page's didShow the current instance is that page
    Taro.getTabBar<TabBarHandle>(Taro.getCurrentInstance().page)?.setSelected(tabIndexOf(route))
  })
}
