import { Type } from '@sinclair/typebox'
import { readErrors } from '../schemas/common'
import type { RoutePlugin } from '../type-provider'

/** the departments that issued policies: the values /policies?dept= accepts */
const departmentRoutes: RoutePlugin = async (app) => {
  app.get('/departments', { schema: { response: { 200: Type.Array(Type.String()), ...readErrors } }, config: { memo: true } }, async () =>
    app.store.listDepartments(),
  )
}

export default departmentRoutes
