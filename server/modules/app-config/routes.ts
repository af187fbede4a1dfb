/**
 * GET /app-config: what the app needs to know about this server before anything else, the same
 * for every caller (public, cached 60 s like content): today whether it runs as the local demo
 * with dev login on, for the 演示模式 banner on every page.
 */
import { Type } from '@sinclair/typebox'
import type { RoutePlugin } from '../../type-provider'

export const AppConfig = Type.Object({ demo: Type.Boolean() })

export function appConfigRoutes(options: { devLogin: boolean }): RoutePlugin {
  return async (app) => {
    app.get('/app-config', { schema: { response: { 200: AppConfig } }, config: { memo: true, faults: false } }, async () => ({ demo: options.devLogin }))
  }
}
