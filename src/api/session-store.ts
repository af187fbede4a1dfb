import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Session, User } from '@common/contract'
import { taroJSONStorage } from '@/utils/storage'

interface SessionState {
  token?: string
  user?: User
  expiresAt?: string
  signIn: (session: Session) => void
  signOut: () => void
}

/** The signed-in user and their token, persisted in Taro storage. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      signIn: (s) => set({ token: s.token, user: s.user, expiresAt: s.expiresAt }),
      signOut: () => set({ token: undefined, user: undefined, expiresAt: undefined }),
    }),
    { name: 'zct-session', storage: taroJSONStorage },
  ),
)
