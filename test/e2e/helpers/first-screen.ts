/** What the 首屏直出 specs share: the layer, a persisted store entry, and loading a page with the app's code blocked. */
import type { Page } from 'playwright-core'

/** the server-drawn layer (common/contract FIRST_SCREEN_ELEMENT_ID) */
export const LAYER = '#zct-first-screen'

/** Taro storage on H5: localStorage[key] = {"data": <zustand's JSON>} */
export function persisted(key: string, state: unknown): [string, string] {
  return [key, JSON.stringify({ data: JSON.stringify({ state, version: 0 }) })]
}

/** runs `run` with every script of the app refused: what a visitor sees before the code arrives */
export async function withoutAppCode<T>(page: Page, run: () => Promise<T>): Promise<T> {
  await page.route('**/js/**', (r) => r.abort())
  try {
    return await run()
  } finally {
    await page.unroute('**/js/**')
  }
}
