/**
 * GET /banners: the 首页公益广告 showing today (Asia/Shanghai), in order. The same for everyone,
 * so the micro-cache keeps it like the other content reads; publishing or withdrawing a banner
 * invalidates '/banners' and '/home' (the editorial workflow), and a day's edge is at most the
 * public max-age late.
 */
import { Type } from '@sinclair/typebox'
import { shanghaiToday } from '../../../common/shanghai-date'
import { readErrors } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { bannersShowing } from './repository'
import { Banner } from './schemas'

export const bannerRoutes: RoutePlugin = async (app) => {
  app.get('/banners', { schema: { response: { 200: Type.Array(Banner), ...readErrors } }, config: { memo: true } }, async () =>
    bannersShowing(app.store.database, shanghaiToday(app.store.now())),
  )
}
