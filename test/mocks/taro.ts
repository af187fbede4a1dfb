/**
 * A hand-written @tarojs/taro for jsdom (the official test utils do not support Taro 4).
 * Navigation is recorded in `taroMock.navigations`, storage is a Map, page hooks register
 * callbacks that tests can fire (`taroMock.fire('pullDownRefresh')`).
 */
import { useEffect, useRef } from 'react'

type Hook = 'pullDownRefresh' | 'reachBottom' | 'didShow' | 'didHide' | 'ready' | 'launch' | 'unload'

const storage = new Map<string, unknown>()
const listeners = new Map<Hook, Set<() => void>>()

export const taroMock = {
  navigations: [] as { kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'; url?: string }[],
  toasts: [] as string[],
  routerParams: {} as Record<string, string>,
  /** the page on screen, as getCurrentInstance().router.path reports it ('' = unknown) */
  routerPath: '',
  /** how many pages getCurrentPages() reports (0 = none known) */
  pageDepth: 0,
  videoCalls: [] as { id: string; action: string; arg?: unknown }[],
  networkType: 'wifi',
  storage,
  fire(hook: Hook) {
    listeners.get(hook)?.forEach((fn) => fn())
  },
  reset() {
    this.navigations.length = 0
    this.toasts.length = 0
    this.routerParams = {}
    this.routerPath = ''
    this.pageDepth = 0
    this.videoCalls.length = 0
    this.networkType = 'wifi'
    storage.clear()
    listeners.clear()
  },
}

function usePageHook(hook: Hook, fn: () => void) {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    const call = () => ref.current()
    if (!listeners.has(hook)) listeners.set(hook, new Set())
    listeners.get(hook)!.add(call)
    if (hook === 'ready' || hook === 'launch' || hook === 'didShow') call()
    return () => {
      listeners.get(hook)?.delete(call)
    }
  }, [hook])
}

const ok = (extra: Record<string, unknown> = {}) => Promise.resolve({ errMsg: 'ok', ...extra })

const Taro = {
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  navigateTo: ({ url }: { url: string }) => (taroMock.navigations.push({ kind: 'navigateTo', url }), ok()),
  redirectTo: ({ url }: { url: string }) => (taroMock.navigations.push({ kind: 'redirectTo', url }), ok()),
  switchTab: ({ url }: { url: string }) => (taroMock.navigations.push({ kind: 'switchTab', url }), ok()),
  reLaunch: ({ url }: { url: string }) => (taroMock.navigations.push({ kind: 'reLaunch', url }), ok()),
  navigateBack: () => (taroMock.navigations.push({ kind: 'navigateBack' }), ok()),
  showToast: ({ title }: { title: string }) => (taroMock.toasts.push(title), ok()),
  showModal: () => ok({ confirm: true, cancel: false }),
  showLoading: () => ok(),
  hideLoading: () => ok(),
  stopPullDownRefresh: () => ok(),
  setNavigationBarTitle: () => ok(),
  previewImage: () => ok(),
  pageScrollTo: () => ok(),
  setClipboardData: () => ok(),
  nextTick: (fn: () => void) => void Promise.resolve().then(fn),
  createVideoContext: (id: string) => {
    const record = (action: string, arg?: unknown) => taroMock.videoCalls.push({ id, action, arg })
    return {
      play: () => record('play'),
      pause: () => record('pause'),
      seek: (t: number) => record('seek', t),
      playbackRate: (r: number) => record('playbackRate', r),
    }
  },
  request: () => Promise.reject(new Error('Taro.request is not available in tests: stub the ApiClient transport')),
  getSystemInfoSync: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667, platform: 'devtools', fontSizeSetting: 16 }),
  getEnv: () => 'WEB',
  getCurrentPages: () => Array.from({ length: taroMock.pageDepth }, (_, i) => ({ route: `page-${i}` })),
  getCurrentInstance: () => ({ router: taroMock.routerPath ? { path: taroMock.routerPath, params: taroMock.routerParams } : undefined }),
  getNetworkType: () => Promise.resolve({ networkType: taroMock.networkType }),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
}

export const useRouter = () => ({ params: taroMock.routerParams, path: '' })
export const usePullDownRefresh = (fn: () => void) => usePageHook('pullDownRefresh', fn)
export const useReachBottom = (fn: () => void) => usePageHook('reachBottom', fn)
export const useDidShow = (fn: () => void) => usePageHook('didShow', fn)
export const useDidHide = (fn: () => void) => usePageHook('didHide', fn)
export const useUnload = (fn: () => void) => usePageHook('unload', fn)
export const useReady = (fn: () => void) => usePageHook('ready', fn)
export const useLaunch = (fn: () => void) => usePageHook('launch', fn)
export const useShareAppMessage = (_fn: () => unknown) => undefined
export const useShareTimeline = (_fn: () => unknown) => undefined
export const usePageScroll = (_fn: () => unknown) => undefined

export default Taro
