/**
 * The signed-in staff account: the token lives in the API client's sessionStorage; this store
 * holds who it is (role, organisation), whether the server is the local demo, and why the last
 * session ended (shown on the sign-in page).
 */
import { create } from 'zustand'
import type { AppConfig, Session, User } from '@common/contract'
import { api, ApiRequestError, session, setUnauthorizedHandler } from '../api/client'

export const RESIDENT_REFUSED = '居民账号不能使用政务工作台，请在政策通小程序或 H5 中使用。'
export const SESSION_EXPIRED = '登录已过期，请重新登录。'
export const SIGNED_OUT = '已退出登录。'

export type SessionStatus = 'checking' | 'signedOut' | 'signedIn'

interface SessionState {
  status: SessionStatus
  user: User | null
  /** the sign-in page's message: why the last session ended */
  notice: string | null
  /** the server runs as the local demo (演示模式): demo accounts sign in with one click */
  demo: boolean
  /** reads the app config and, with a stored token, who it belongs to */
  start: () => Promise<void>
  /** takes a new session; false (and nothing kept) for a resident */
  signIn: (s: Session) => boolean
  signOut: () => Promise<void>
  expire: () => void
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'checking',
  user: null,
  notice: null,
  demo: false,
  start: async () => {
    void api
      .get<AppConfig>('/app-config')
      .then((config) => set({ demo: config.demo }))
      .catch(() => undefined)
    if (!session.token()) return set({ status: 'signedOut' })
    try {
      const user = await api.get<User>('/auth/me')
      if (user.role === 'resident') {
        session.clear()
        return set({ status: 'signedOut', user: null, notice: RESIDENT_REFUSED })
      }
      set({ status: 'signedIn', user })
    } catch (e) {
      // a network failure keeps the token: the next request tries again
      if (e instanceof ApiRequestError && e.status === 401) session.clear()
      set({ status: 'signedOut', user: null, notice: e instanceof ApiRequestError && e.status !== 401 ? e.message : get().notice })
    }
  },
  signIn: (s) => {
    if (s.user.role === 'resident') {
      session.clear()
      set({ status: 'signedOut', user: null, notice: RESIDENT_REFUSED })
      return false
    }
    session.set(s.token)
    set({ status: 'signedIn', user: s.user, notice: null })
    return true
  },
  signOut: async () => {
    try {
      await api.post('/auth/logout')
    } catch {
      // the token is forgotten here whatever the server answered
    }
    session.clear()
    set({ status: 'signedOut', user: null, notice: SIGNED_OUT })
  },
  expire: () => {
    if (get().status !== 'signedIn') return
    session.clear()
    set({ status: 'signedOut', user: null, notice: SESSION_EXPIRED })
  },
}))

setUnauthorizedHandler(() => useSession.getState().expire())
