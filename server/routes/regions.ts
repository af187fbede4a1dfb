import { Type } from '@sinclair/typebox'
import { readErrors } from '../schemas/common'
import { Region } from '../schemas/regions'
import type { RoutePlugin } from '../type-provider'

const regionRoutes: RoutePlugin = async (app) => {
  app.get('/regions', { schema: { response: { 200: Type.Array(Region), ...readErrors } }, config: { memo: true } }, async () => app.store.regionTree())
}

export default regionRoutes
