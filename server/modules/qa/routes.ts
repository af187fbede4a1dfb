import { QA_QUERY_MAX } from '../../../common/contract'
import { badRequest } from '../../errors'
import { QA_MIN_SCORE, QaIndex } from './'
import { readErrors } from '../../schemas/common'
import { QaSearchQuery, QaSearchResult } from './schemas'
import type { RoutePlugin } from '../../type-provider'

const messages = {
  q: '请输入要咨询的问题',
  'q.maxLength': `问题太长了，请控制在${QA_QUERY_MAX}字以内`,
  limit: '参数错误：limit 必须是 1 到 10 之间的整数',
}

/** 智能问答. FAQs are seeded content, so the index is built once, on the first question. */
const qaRoutes: RoutePlugin = async (app) => {
  let index: QaIndex | undefined
  app.get(
    '/qa/search',
    { schema: { querystring: QaSearchQuery, response: { 200: QaSearchResult, ...readErrors } }, config: { validationMessages: messages, memo: true } },
    async (request) => {
      const q = request.query.q.trim()
      if (!q) throw badRequest(messages.q)
      index ??= new QaIndex(app.store.listFaqs())
      const items = index.search(q, request.query.limit ?? 5)
      // below the threshold the best hit is a guess: the client says 可能相关 (server/qa QA_MIN_SCORE)
      return { items, confident: items.length > 0 && items[0].score >= QA_MIN_SCORE }
    },
  )
}

export default qaRoutes
