/**
 * What a page drawn by the server (首屏直出) is: the app page it stands for, and how to draw its
 * first screen with the API answers the page is about to ask for. Each such page is a module in
 * pages/ and one line in pages/index.ts; routes.ts serves them all.
 */
import type { FastifyInstance } from 'fastify'
import fastJson from 'fast-json-stringify'
import type { AppConfig, AuthMethods } from '../../../common/contract'
import { API_PREFIX } from '../../../common/contract'
import { AppConfig as AppConfigSchema } from '../app-config/routes'
import { AuthMethods as AuthMethodsSchema } from '../identity/schemas'

/**
 * What this server says about itself, the same for every caller for as long as it runs (server/app.ts
 * works them out with the routes' own functions): GET /app-config (演示模式 or not) and GET
 * /auth/methods (how 我的 offers to sign in). A first screen draws what they say and hands them to
 * the app with the HTML, so the app draws the same from its first frame.
 */
export interface ServerAnswers {
  appConfig: AppConfig
  authMethods: AuthMethods
}

const serialiseAppConfig = fastJson(AppConfigSchema)
const serialiseAuthMethods = fastJson(AuthMethodsSchema)

/** GET /app-config's answer keyed by its URL, as the route serialises it (every layer carries it) */
export const appConfigData = (server: ServerAnswers) => ({ [`${API_PREFIX}/app-config`]: asServed<AppConfig>(serialiseAppConfig, server.appConfig) })

/** GET /auth/methods' answer keyed by its URL, as the route serialises it */
export const authMethodsData = (server: ServerAnswers) => ({ [`${API_PREFIX}/auth/methods`]: asServed<AuthMethods>(serialiseAuthMethods, server.authMethods) })

export interface DrawnScreen {
  /** the first screen's markup, with the page's own class names (markup.ts escapes every text) */
  html: string
  /**
   * the API answers the page will ask for, keyed by URL (`/api/v1/policies/p001`), exactly as
   * the route serialises them (asServed); index.html's preload script hands them to the page
   */
  data: Record<string, unknown>
  /**
   * a few lines of script for what differs by visitor and the server cannot know (我的: signed in
   * or not, from the app's storage), run in the layer script before the layer paints, with `el`
   * the layer and `read(key)` a persisted store's state; never personal data into the HTML
   */
  script?: string
}

export interface FirstScreenPage {
  /** the app page: `pages/<name>/index` or `packages/<sub>/pages/<name>/index` */
  page: string
  /** more paths that open the same page ('/' for 首页) */
  alsoAt?: string[]
  /**
   * the screen, or undefined when there is nothing to draw (an unknown id: the plain index.html,
   * and the page shows its own 内容不存在 state). Public content only: the server does not know
   * who is asking (the app's session is in the client's storage). `server`: what the server says
   * about itself (我的 draws the sign-in form it offers).
   */
  draw(app: FastifyInstance, query: Record<string, unknown>, server: ServerAnswers): Promise<DrawnScreen | undefined>
}

/** `value` as its API route would answer it: only what the response schema names */
export function asServed<T>(serialise: (value: unknown) => string, value: unknown): T {
  return JSON.parse(serialise(value)) as T
}

/** the `id` of a page's query string, or '' */
export function queryId(query: Record<string, unknown>): string {
  return typeof query.id === 'string' ? query.id : ''
}
