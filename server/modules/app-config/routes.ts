/**
 * GET /app-config: what the app needs to know about this server before anything else, the same
 * for every caller (public, cached 60 s like content): today whether it runs as the local demo
 * with dev login on, for the 演示模式 banner on every page, and the lecture orders' 提前预约 days.
 */
import { Type } from '@sinclair/typebox'
import { LECTURE_LEAD_DAYS_DEFAULT, type AppConfig as AppConfigAnswer } from '../../../common/contract'
import type { RoutePlugin } from '../../type-provider'

export const AppConfig = Type.Object({ demo: Type.Boolean(), lectureLeadDays: Type.Integer({ minimum: 0 }) })

/** what GET /app-config says for these options (for the route and for every first screen's 演示模式 banner) */
export function appConfigOf(options: { devLogin: boolean; lectureLeadDays?: number }): AppConfigAnswer {
  return { demo: options.devLogin, lectureLeadDays: options.lectureLeadDays ?? LECTURE_LEAD_DAYS_DEFAULT }
}

export function appConfigRoutes(options: { devLogin: boolean; lectureLeadDays?: number }): RoutePlugin {
  return async (app) => {
    const body = appConfigOf(options)
    app.get('/app-config', { schema: { response: { 200: AppConfig } }, config: { memo: true, faults: false } }, async () => body)
  }
}
