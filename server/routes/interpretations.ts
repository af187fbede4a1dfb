import { IdParams, PageOf, readErrors } from '../schemas/common'
import { Interpretation, InterpretationQuery, InterpretationSummary } from '../schemas/interpretations'
import { notFound } from '../errors'
import type { RoutePlugin } from '../type-provider'

const interpretationRoutes: RoutePlugin = async (app) => {
  app.get(
    '/interpretations',
    {
      schema: { querystring: InterpretationQuery, response: { 200: PageOf(InterpretationSummary), ...readErrors } },
      config: { memo: true },
    },
    async (request) => app.store.listInterpretations(request.query),
  )

  app.get(
    '/interpretations/:id',
    { schema: { params: IdParams, response: { 200: Interpretation, ...readErrors } }, config: { memo: true } },
    async (request) => {
      const interpretation = app.store.getInterpretation(request.params.id)
      if (!interpretation) throw notFound('找不到该解读')
      return interpretation
    },
  )
}

export default interpretationRoutes
