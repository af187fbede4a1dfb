import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DemoBanner } from '@/components/demo-banner'
import { OfflineBanner } from '@/components/offline-banner'
import { TitleBar } from '@/components/title-bar'
import { useTextScale } from '../stores/theme-store'
import { useDismissSkeleton } from '@/utils/first-screen'
import { styleText, themeVars } from '@common/theme'

const unit = (px: number) => (typeof Taro.pxTransform === 'function' ? Taro.pxTransform(px) : `${px}px`)

/**
 * A page's root: the page background plus the text-size tokens on the root node. On H5 the app
 * also sets them on <html> (useDocumentTheme), which covers fixed layers and toasts; the
 * mini-program has no document, so this root is where its pages get them.
 */
export function ThemePage({ className = '', children }: PropsWithChildren<{ className?: string }>) {
  const scale = useTextScale()
  useDismissSkeleton()
  return (
    <View className={`page theme--${scale} ${className}`} style={styleText(themeVars(scale, unit))} data-text-scale={scale}>
      <TitleBar />
      <OfflineBanner />
      <DemoBanner />
      {children}
    </View>
  )
}
