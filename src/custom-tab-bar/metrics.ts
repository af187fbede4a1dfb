import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { scaleTokens, type TextScale } from '@common/theme'
import { tabIndexOf } from './tabs'

export interface TabBarMetrics {
  /** the bar above the safe area, and so each tab's tap height */
  height: number
  label: number
  icon: number
}

/**
 * The custom tab bar's sizes at a text size, in design px: labels are the scale's smallest text
 * (12 / 15 / 18, as H5's bar in app.scss), icons 12 more, and the bar the scale's tap target plus 8
 * (52 / 60 / 68, H5's --taro-tabbar-height), so a tab is a full tap target at every size.
 */
export function tabBarMetrics(scale: TextScale): TabBarMetrics {
  const t = scaleTokens[scale]
  return { height: t.tap + 8, label: t.xs, icon: t.xs + 12 }
}

/** design px in the platform's unit (rpx on weapp), as the stylesheets' px become */
export const designPx = (px: number) => (typeof Taro.pxTransform === 'function' ? Taro.pxTransform(px) : `${px}px`)

/**
 * The strip under the safe area (the iPhone home indicator), in CSS px; 0 without one. Clamped:
 * some Android builds report a safe area that ends well above the screen's bottom.
 */
export function safeAreaBottom(): number {
  try {
    const info = (typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()) as {
      screenHeight?: number
      safeArea?: { bottom: number }
    }
    if (!info.screenHeight || !info.safeArea) return 0
    return Math.min(Math.max(Math.round(info.screenHeight - info.safeArea.bottom), 0), 48)
  } catch {
    return 0
  }
}

/** the page's own 24 px bottom padding (app.scss .page), kept below its last item */
const PAGE_BOTTOM = 24

const shownPageIsTab = () => tabIndexOf(Taro.getCurrentInstance().router?.path) >= 0

/**
 * weapp: the bottom padding a tab page needs so that the custom tab bar, fixed over the page and
 * taller at 大字 and 特大, covers none of it; undefined on other pages and on H5 (Taro's H5 bar
 * takes its own room).
 */
export function useTabBarRoom(scale: TextScale): string | undefined {
  // TARO_ENV is fixed at build time, so a build calls the hook on every render or on none; H5's
  // page chunks (each with its own copy of ThemePage) carry none of it
  // eslint-disable-next-line react-hooks/rules-of-hooks
  return process.env.TARO_ENV === 'weapp' ? useWeappTabBarRoom(scale) : undefined
}

function useWeappTabBarRoom(scale: TextScale): string | undefined {
  // asked again on every show: 首页 at a 便民服务点 draws a new page root when the point is bound
  // from another page, while that page is the current one
  const [onTab, setOnTab] = useState(shownPageIsTab)
  useDidShow(() => setOnTab(shownPageIsTab()))
  if (!onTab) return undefined
  return `calc(${designPx(PAGE_BOTTOM + tabBarMetrics(scale).height)} + ${safeAreaBottom()}px)`
}
