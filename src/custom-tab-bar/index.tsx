import { useImperativeHandle, useState, type Ref } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useTextScale } from '@/features/elder-mode/stores/theme-store'
import { styleText } from '@common/theme'
import { designPx, safeAreaBottom, tabBarMetrics } from './metrics'
import { TAB_BAR_COLOURS, TABS, tabIconPath, tabIndexOf, type TabBarHandle } from './tabs'
import './index.scss'

/**
 * The tab last selected, for the next page's bar: a tab page's bar is created when the page first
 * shows, so after a tap it starts on the tapped tab instead of waiting for the page's didShow.
 */
let lastSelected = -1

function initialTab(): number {
  if (lastSelected >= 0) return lastSelected
  const pages = Taro.getCurrentPages()
  return tabIndexOf(pages.length ? pages[pages.length - 1].route : undefined)
}

/**
 * weapp's tab bar (tabBar.custom in app.config.ts): WeChat's own draws 10 px labels whatever the
 * text size (setTabBarStyle sets colours only), so this one takes its sizes from the text-size
 * store and redraws when 我的 → 字体大小 changes it: 52 px with 12 px labels at 标准, 68 px with
 * 18 px labels at 特大. Each tab page has an instance of its own; the page selects its tab on every
 * show (useTabBarSelection), through what Taro.getTabBar returns: what this component puts in
 * the `forwardedRef` Taro gives it.
 */
export default function CustomTabBar({ forwardedRef }: { forwardedRef?: Ref<TabBarHandle> }) {
  const scale = useTextScale()
  const [selected, setSelected] = useState(initialTab)
  const [safeBottom] = useState(safeAreaBottom)
  const select = (index: number) => {
    lastSelected = index
    setSelected(index)
  }
  useImperativeHandle(forwardedRef, () => ({ setSelected: select }), [])

  const size = tabBarMetrics(scale)
  const open = (index: number) => {
    if (index === selected) return
    select(index)
    void Taro.switchTab({ url: `/${TABS[index].pagePath}` })
  }
  return (
    <View
      className='tab-bar'
      role='tablist'
      aria-label='主导航'
      style={styleText({ background: TAB_BAR_COLOURS.backgroundColor, 'padding-bottom': `${safeBottom}px` })}
    >
      {TABS.map((tab, index) => {
        const on = index === selected
        return (
          <View
            key={tab.pagePath}
            className='tab-bar__item'
            role='tab'
            aria-selected={on}
            aria-label={tab.text}
            style={styleText({ height: designPx(size.height), color: on ? TAB_BAR_COLOURS.selectedColor : TAB_BAR_COLOURS.color })}
            onClick={() => open(index)}
          >
            <Image
              className='tab-bar__icon'
              src={`/${tabIconPath(tab, on)}`}
              style={styleText({ width: designPx(size.icon), height: designPx(size.icon) })}
              aria-hidden
            />
            <Text className='tab-bar__label' style={styleText({ 'font-size': designPx(size.label) })}>
              {tab.text}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
