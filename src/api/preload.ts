/**
 * H5: index.html starts fetching the landing page's data (首页's `/api/v1/home`, an
 * interpretation's `/api/v1/interpretations/:id`) while the app code is still downloading, and
 * leaves the promises in `window.__zctPreload`; the first GET of such a URL takes it instead of
 * asking again. A failed preload resolves to null and the client asks normally.
 * On weapp there is no such global and nothing changes.
 */
type PreloadMap = Record<string, Promise<unknown> | undefined>

export function takePreloaded(url: string): Promise<unknown> | undefined {
  const holder = globalThis as { __zctPreload?: PreloadMap }
  const pending = holder.__zctPreload?.[url]
  if (pending) delete holder.__zctPreload![url]
  return pending
}
