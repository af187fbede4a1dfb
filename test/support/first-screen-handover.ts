/**
 * Component tests of pages with a server-drawn first screen: the page's first screen drawn by the
 * server's own page definition (server/modules/first-screen/pages) against the fixture API, and
 * handed over the way index.html leaves it — its answers in window.__zctFirstScreen and as the
 * preload's promises, the layer in the document, the route's params set.
 */
import type { FastifyInstance } from 'fastify'
import { FIRST_SCREEN_ELEMENT_ID } from '../../common/contract'
import type { FirstScreenPage, ServerAnswers } from '../../server/modules/first-screen/page'
import { taroMock } from '../mocks/taro'
import type { FixtureApi } from './fixture-api'

/** what the server says about itself (the pages under test draw nothing of it) */
export const SERVER_ANSWERS: ServerAnswers = {
  appConfig: { demo: false, lectureLeadDays: 3 },
  authMethods: { sms: true, smsDemo: false, wechatOa: false, wechat: false },
}

/** the globals index.html leaves for the app */
export const handedOver = globalThis as { __zctPreload?: Record<string, Promise<unknown>>; __zctFirstScreen?: Record<string, unknown> }

/**
 * Draws `def`'s first screen for `params` as the server would, and hands it over as index.html
 * does; `api.requests` is emptied so that what the page asks for afterwards can be checked.
 * Undefined (nothing handed over) when the server draws nothing. Call `clearHandOver` after each test.
 */
export async function handOverFirstScreen(api: FixtureApi, def: FirstScreenPage, params: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const drawn = await def.draw({ store: api.store } as unknown as FastifyInstance, params, SERVER_ANSWERS)
  if (!drawn) return undefined
  const { data } = drawn
  handedOver.__zctFirstScreen = { ...data }
  handedOver.__zctPreload = Object.fromEntries(Object.keys(data).map((url) => [url, Promise.resolve(data[url])]))
  const layer = document.createElement('div')
  layer.id = FIRST_SCREEN_ELEMENT_ID
  document.body.appendChild(layer)
  taroMock.routerParams = params
  api.requests.length = 0
  return data
}

/** removes what handOverFirstScreen left (the globals and the layer) */
export function clearHandOver(): void {
  delete handedOver.__zctPreload
  delete handedOver.__zctFirstScreen
  document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.remove()
}
