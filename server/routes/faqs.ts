import { IdParams, readErrors } from '../schemas/common'
import { Faq } from '../schemas/faqs'
import { notFound } from '../errors'
import type { RoutePlugin } from '../type-provider'

const faqRoutes: RoutePlugin = async (app) => {
  app.get('/faqs/:id', { schema: { params: IdParams, response: { 200: Faq, ...readErrors } }, config: { memo: true } }, async (request) => {
    const faq = app.store.getFaq(request.params.id)
    if (!faq) throw notFound('找不到该问答')
    return faq
  })
}

export default faqRoutes
