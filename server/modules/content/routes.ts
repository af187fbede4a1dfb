import { IdParams, PageOf, readErrors } from '../../schemas/common'
import { Policy, PolicyQuery, PolicySummary } from './schemas'
import { notFound } from '../../errors'
import type { RoutePlugin } from '../../type-provider'

const policyRoutes: RoutePlugin = async (app) => {
  app.get(
    '/policies',
    { schema: { querystring: PolicyQuery, response: { 200: PageOf(PolicySummary), ...readErrors } }, config: { memo: true } },
    async (request) => app.store.searchPolicies(request.query),
  )

  app.get('/policies/:id', { schema: { params: IdParams, response: { 200: Policy, ...readErrors } }, config: { memo: true } }, async (request) => {
    const policy = app.store.getPolicy(request.params.id)
    if (!policy) throw notFound('找不到该政策')
    return policy
  })
}

export default policyRoutes
