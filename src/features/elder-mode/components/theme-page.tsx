import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DemoBanner } from '@/components/demo-banner'
import { OfflineBanner } from '@/components/offline-banner'
import { TitleBar } from '@/components/title-bar'
import { useTabBarRoom } from '@/custom-tab-bar/metrics'
import { useTextScale } from '../stores/theme-store'
import { useDismissSkeleton } from '@/utils/first-screen'
import { styleText, themeVars } from '@common/theme'

const unit = (px: number) => (typeof Taro.pxTransform === 'function' ? Taro.pxTransform(px) : `${px}px`)

/**
 * A page's root: the page background plus the text-size tokens on the root node. On H5 the app
 * also sets them on <html> (useDocumentTheme), which covers fixed layers and toasts; the
 * mini-program has no document, so this root is where its pages get them. On weapp a tab page's
 * root also leaves room at the bottom for the custom tab bar, which grows with the text size.
 */
export function ThemePage({ className = '', children }: PropsWithChildren<{ className?: string }>) {
  const scale = useTextScale()
  const tabBarRoom = useTabBarRoom(scale)
  useDismissSkeleton()
  const style = tabBarRoom ? { ...themeVars(scale, unit), 'padding-bottom': tabBarRoom } : themeVars(scale, unit)
  return (
    <View className={`page theme--${scale} ${className}`} style={styleText(style)} data-text-scale={scale}>
      <TitleBar />
      <OfflineBanner />
      <DemoBanner />
      {children}
    </View>
  )
}
