import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { useTextScale, useThemeStore } from './stores/theme-store'
import { scaleForSystemFont, TEXT_SCALES, themeVars } from '@common/theme'

const unit = (px: number) => (typeof Taro.pxTransform === 'function' ? Taro.pxTransform(px) : `${px}px`)

/** the system font setting: WeChat's 字体大小 on weapp, the browser's default size on H5 */
function systemFontSize(): number | undefined {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined' || !document.body) return undefined
    const probe = document.createElement('div')
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
    document.body.appendChild(probe)
    const px = parseFloat(getComputedStyle(probe).fontSize)
    probe.remove()
    return Number.isFinite(px) ? px : undefined
  }
  try {
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    return info.fontSizeSetting
  } catch {
    return undefined
  }
}

/**
 * Called once by the app: reads the system font setting, and on H5 keeps the tokens of the
 * scale in force on <html>, so every page — including ones that do not use ThemePage — and
 * every fixed layer follows them.
 */
export function useDocumentTheme(): void {
  const scale = useTextScale()
  const setSystem = useThemeStore((s) => s.setSystem)

  useEffect(() => {
    setSystem(scaleForSystemFont(systemFontSize()))
  }, [setSystem])

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    const root = document.documentElement
    for (const [k, v] of Object.entries(themeVars(scale, unit))) root.style.setProperty(k, v)
    TEXT_SCALES.forEach((s) => root.classList.toggle(`theme--${s}`, s === scale))
    root.dataset.textScale = scale
  }, [scale])
}
