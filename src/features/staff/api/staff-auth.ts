import { api, useSessionStore } from '@/api'

export const passwordLogin = (username: string, password: string) => api.call('POST /auth/password', { body: { username, password } })

export const listSessions = () => api.call('GET /auth/sessions', { cache: 'network' })

export const revokeSession = (id: string) => api.call('DELETE /auth/sessions/:id', { params: { id } })

export const changePassword = (current: string, next: string) => api.call('POST /auth/password/change', { body: { current, next } })

/**
 * 退出登录: the server ends this session (so a copied token stops working too), then the device
 * forgets it. Offline or already expired, the device forgets it anyway.
 */
export async function logout(): Promise<void> {
  try {
    if (useSessionStore.getState().token) await api.call('POST /auth/logout')
  } catch {
    // nothing to undo: the local sign-out below is what the user asked for
  } finally {
    useSessionStore.getState().signOut()
  }
}
