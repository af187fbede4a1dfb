import { Type } from '@sinclair/typebox'
import type { RoutePlugin } from '../type-provider'

const healthRoutes: RoutePlugin = async (app) => {
  app.get(
    '/health',
    {
      schema: { response: { 200: Type.Object({ ok: Type.Literal(true) }) } },
      config: { faults: false, cache: 'no-store' },
      logLevel: 'warn',
    },
    async () => ({ ok: true as const }),
  )
}

export default healthRoutes
