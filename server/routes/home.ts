import { readErrors } from '../schemas/common'
import { Home } from '../schemas/home'
import type { RoutePlugin } from '../type-provider'

const homeRoutes: RoutePlugin = async (app) => {
  app.get('/home', { schema: { response: { 200: Home, ...readErrors } }, config: { memo: true } }, async () => app.store.home())
}

export default homeRoutes
