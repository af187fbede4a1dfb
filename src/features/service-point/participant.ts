/**
 * 换人 on a shared device: everything of the person who used it goes — from the screen, from
 * memory and from storage — while the device's own settings (service point, text size, 省流量)
 * stay. Writes that person made offline stay in the outbox and still go out as them; the next
 * person only sees how many there are.
 */
import Taro from '@tarojs/taro'
import type { StoreApi } from 'zustand'
import { readCache, useSessionStore } from '@/api'

/** storage that belongs to the person, not the device */
export const PARTICIPANT_KEYS = ['zct-session', 'zct-reading', 'zct-quiz-attempts', 'zct-privacy-agreed']
/** prefixes of per-person keys: form drafts, lesson positions of an older version */
export const PARTICIPANT_PREFIXES = ['zct-draft:', 'zct-progress:']

type PersistedStore = Pick<StoreApi<object>, 'setState' | 'getInitialState'> & { persist?: { clearStorage: () => void } }

/** a zustand store back to its first state, and its storage key removed */
export function resetStore(store: PersistedStore): void {
  store.setState(store.getInitialState(), true)
  store.persist?.clearStorage()
}

export function clearParticipant(stores: PersistedStore[]): void {
  const userId = useSessionStore.getState().user?.id
  useSessionStore.getState().signOut()
  resetStore(useSessionStore as unknown as PersistedStore)
  stores.forEach(resetStore)
  // personal answers kept for offline reading (我的咨询, progress …)
  if (userId) readCache.clear(userId)
  let keys: string[]
  try {
    keys = Taro.getStorageInfoSync().keys
  } catch {
    keys = []
  }
  for (const key of keys) if (PARTICIPANT_PREFIXES.some((p) => key.startsWith(p))) Taro.removeStorageSync(key)
  PARTICIPANT_KEYS.forEach((k) => Taro.removeStorageSync(k))
}
