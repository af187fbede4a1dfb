import { ApiClient } from './client'
import { useSessionStore } from './session-store'

export { ApiClient } from './client'
export { ApiError } from './errors'
export { useSessionStore } from './session-store'
export { useRequest, usePagedList } from './use-request'

/** The app's client; tests replace it with `setApi`. */
export let api = new ApiClient({
  baseUrl: API_BASE,
  getToken: () => useSessionStore.getState().token,
  onUnauthorized: () => useSessionStore.getState().signOut(),
})

export function setApi(client: ApiClient): void {
  api = client
}

export function mediaUrl(path: string): string {
  return api.resolveUrl(path)
}
