import { ApiClient } from './client'
import { taroStorage } from './kv-storage'
import { useNetworkStore } from './network'
import { Outbox } from './outbox'
import { ReadCache } from './read-cache'
import { useSessionStore } from './session-store'

export { ApiClient } from './client'
export { ApiError } from './errors'
export { useSessionStore } from './session-store'
export { useRequest, usePagedList } from './use-request'
export { useNetworkStore, isOffline } from './network'
export type { OutboxEntry, SubmitOutcome, WriteKey } from './outbox'

/** GET answers for stale-while-revalidate, per user, at most 2 MB of Taro storage */
export const readCache = new ReadCache({ storage: taroStorage })

const cacheScope = () => useSessionStore.getState().user?.id ?? 'anon'

/** The app's client; tests replace it with `setApi`. */
export let api = new ApiClient({
  baseUrl: API_BASE,
  getToken: () => useSessionStore.getState().token,
  onUnauthorized: () => useSessionStore.getState().signOut(),
  cache: readCache,
  cacheScope,
  onReachable: (ok) => {
    if (useNetworkStore.getState().reachable !== ok) useNetworkStore.getState().setReachable(ok)
  },
})

export function setApi(client: ApiClient): void {
  api = client
}

/**
 * Writes that must arrive exactly once (consultations, likes, lesson positions, lecture orders,
 * quiz submits): `outbox.submit(key, {body, label, …})`. See README「弱网与离线」.
 */
export const outbox = new Outbox({
  storage: taroStorage,
  client: () => api,
  author: () => {
    const s = useSessionStore.getState()
    return { userId: s.user?.id, token: s.token }
  },
})

export function mediaUrl(path: string): string {
  return api.resolveUrl(path)
}
