import Taro from '@tarojs/taro'
import { create } from 'zustand'

interface NetworkState {
  /** the device has a network (Taro.onNetworkStatusChange / navigator.onLine) */
  online: boolean
  /** the last request reached the server (false after a network failure or a timeout) */
  reachable: boolean
  setOnline: (online: boolean) => void
  setReachable: (reachable: boolean) => void
}

export const useNetworkStore = create<NetworkState>()((set) => ({
  online: true,
  reachable: true,
  setOnline: (online) => set(online ? { online, reachable: true } : { online }),
  setReachable: (reachable) => set({ reachable }),
}))

export const isOffline = (s: Pick<NetworkState, 'online' | 'reachable'>) => !s.online || !s.reachable

/**
 * Watches the platform's network status, once for the app. `onOnline` runs when the network
 * comes back (the outbox replays then). Returns a stop function.
 */
export function watchNetwork(onOnline: () => void): () => void {
  const { setOnline } = useNetworkStore.getState()
  const apply = (online: boolean) => {
    const was = useNetworkStore.getState().online
    setOnline(online)
    if (online && !was) onOnline()
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    apply(navigator.onLine !== false)
    const up = () => apply(true)
    const down = () => apply(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }
  Taro.getNetworkType()
    .then((r) => apply(r.networkType !== 'none'))
    .catch(() => undefined)
  const listener = (r: { isConnected: boolean }) => apply(r.isConnected)
  Taro.onNetworkStatusChange?.(listener)
  return () => Taro.offNetworkStatusChange?.(listener)
}
