/**
 * H5: 首页 and an interpretation opened from a link arrive with their first screen already drawn
 * by the server (server/h5/first-screen.ts), in a layer above the app. The page that layer stands
 * for removes it once its own content — or its error state — is in the DOM, before the browser
 * paints, so the visitor never sees a blank frame in between. On weapp there is no such layer.
 */
import { useLayoutEffect } from 'react'
import { FIRST_SCREEN_ELEMENT_ID, FIRST_SCREEN_GONE_MARK } from '@common/contract'

/** if the page never takes over (an error before it renders), the layer still goes after this */
export const FIRST_SCREEN_MAX_MS = 10_000

export function dismissFirstScreen(): void {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return
  const layer = document.getElementById(FIRST_SCREEN_ELEMENT_ID)
  if (!layer) return
  layer.remove()
  performance.mark?.(FIRST_SCREEN_GONE_MARK)
}

/** for a page that may have a first screen: `ready` once it shows its content or its error */
export function useDismissFirstScreen(ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) dismissFirstScreen()
  }, [ready])
}

/** for the app: the layer never outstays FIRST_SCREEN_MAX_MS */
export function useFirstScreenDeadline(): void {
  useLayoutEffect(() => {
    if (process.env.TARO_ENV === 'weapp') return
    const timer = setTimeout(dismissFirstScreen, FIRST_SCREEN_MAX_MS)
    return () => clearTimeout(timer)
  }, [])
}

/**
 * for every page (ThemePage): a skeleton layer (the server's answer to a page without a first
 * screen of its own) goes as soon as any page draws, its own loading state included
 */
export function useDismissSkeleton(): void {
  useLayoutEffect(() => {
    if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return
    if (document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.hasAttribute('data-skeleton')) dismissFirstScreen()
  }, [])
}
