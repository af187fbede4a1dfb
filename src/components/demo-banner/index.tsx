import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { create } from 'zustand'
import { api, useNetworkStore } from '@/api'
import './index.scss'

/** what GET /app-config said last (false until it answers: no banner rather than a wrong one) */
export const useDemoStore = create<{ demo: boolean; answered: boolean }>()(() => ({ demo: false, answered: false }))

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
    <View className='demo-banner' role='region' aria-label='演示模式'>
      <Text className='demo-banner__title'>演示模式</Text>
      <Text className='demo-banner__text'>本机演示服务，可任选身份登录，数据仅供演示，请勿填写真实个人信息</Text>
    </View>
  )
}
