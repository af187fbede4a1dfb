/**
 * H5: index.html starts fetching the landing page's data (首页's `/api/v1/home`, an
 * interpretation's `/api/v1/interpretations/:id`) while the app code is still downloading, and
 * leaves the promises in `window.__zctPreload`; the first GET of such a URL takes it instead of
 * asking again. A failed preload resolves to null and the client asks normally.
 * On weapp there is no such global and nothing changes.
 */
import { FIRST_SCREEN_DATA_GLOBAL } from '@common/contract'

type PreloadMap = Record<string, Promise<unknown> | undefined>

export function takePreloaded(url: string): Promise<unknown> | undefined {
  const holder = globalThis as { __zctPreload?: PreloadMap }
  const pending = holder.__zctPreload?.[url]
  if (pending) delete holder.__zctPreload![url]
  return pending
}

/**
 * H5: the answer for `url` that came with the HTML of a server-drawn first screen
 * (`window.__zctFirstScreen`), at once rather than as a promise, so the page can draw it in its
 * first render (useRequest's `initial`) instead of a loading state and a second render. Taken
 * once, as the preload is: a later GET of the same URL (pull-to-refresh) asks the server.
 * Undefined when the HTML brought no such answer (weapp, another page, a second time).
 */
export function takeEmbedded(url: string): unknown {
  const holder = globalThis as unknown as Record<string, Record<string, unknown> | undefined>
  const given = holder[FIRST_SCREEN_DATA_GLOBAL]
  const value = given?.[url]
  if (value === undefined || value === null) return undefined
  delete given![url]
  delete (holder.__zctPreload as PreloadMap | undefined)?.[url]
  return value
}
