import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { create } from 'zustand'
import { api, useNetworkStore } from '@/api'
import { API_PREFIX, FIRST_SCREEN_DATA_GLOBAL } from '@common/contract'
import { demoBannerText, demoBannerTitle } from '@common/labels/demo-mode'
import './index.scss'

/**
 * H5: the answer of GET /app-config the server gave with the page's HTML (its first screen, above
 * the app, already shows the banner when it says demo), so the page draws the banner from its
 * first frame and nothing below it moves when the layer goes. Elsewhere: false.
 */
function demoGivenWithPage(): boolean {
  const given = (globalThis as Record<string, unknown>)[FIRST_SCREEN_DATA_GLOBAL] as Record<string, { demo?: unknown } | undefined> | undefined
  return given?.[`${API_PREFIX}/app-config`]?.demo === true
}

/**
 * what GET /app-config said last (until it answers: what came with the page, else false — no
 * banner rather than a wrong one); `answered` stays false until the app has asked, which takes
 * the answer that came with the page (index.html's preload) rather than asking the network again
 */
export const useDemoStore = create<{ demo: boolean; answered: boolean }>()(() => ({ demo: demoGivenWithPage(), answered: false }))

/** asks the server whether it runs as the demo, unless it has answered already */
export function askDemoMode(): Promise<void> {
  if (useDemoStore.getState().answered) return Promise.resolve()
  return api
    .call('GET /app-config')
    .then((config) => useDemoStore.setState({ demo: config.demo, answered: true }))
    .catch(() => undefined)
}

/** once for the app (app.ts): asks at launch, and again when the server comes back if it could not answer */
export function useDemoModeCheck(): void {
  const reachable = useNetworkStore((s) => s.reachable && s.online)
  useEffect(() => {
    if (reachable) void askDemoMode()
  }, [reachable])
}

/**
 * Shown on every page (ThemePage) while the server runs as the local demo with dev login on:
 * anyone can sign in as anyone there, so nobody should mistake it for the real service.
 */
export function DemoBanner() {
  const demo = useDemoStore((s) => s.demo)
  if (!demo) return null
  return (
    <View className='demo-banner' role='region' aria-label={demoBannerTitle}>
      <Text className='demo-banner__title'>{demoBannerTitle}</Text>
      <Text className='demo-banner__text'>{demoBannerText}</Text>
    </View>
  )
}
