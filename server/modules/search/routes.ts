/** GET /search: 一站搜索 over the published content (service.ts), micro-cached like every content read. */
import { SEARCH_TYPES } from '../../../common/contract'
import { readErrors } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { recordSearchGap } from '../qa-gaps/search-hook'
import { faqRanker } from './qa-answer'
import { loadSearchDocs } from './repository'
import { SearchIndex } from './search-index'
import { SearchQuery, SearchResult } from './schemas'
import { parseTypes, runSearch } from './service'

const messages = {
  'q.maxLength': '搜索内容太长了，请控制在100字以内',
  suggest: '参数错误：suggest 只能是 true 或 false',
  types: `参数错误：types 只能是 ${SEARCH_TYPES.join('、')}，多个用英文逗号分隔`,
}

export const searchRoutes: RoutePlugin = async (app) => {
  const rankFaqs = faqRanker(app.store)
  // the index is built on the first search and again after the console publishes or withdraws
  // anything searchable (its routes and the scheduler drop '/search', which every instance hears;
  // an instance that lost Redis for a while drops everything, '/'). Nothing else writes the
  // public tables, and rebuilding on a timer would cost seconds of CPU a minute with thousands of items.
  let building: Promise<SearchIndex> | undefined
  let generation = 0
  let builtFor = -1
  app.onMemoDropped((paths) => {
    if (paths.some((p) => p === '/' || p.startsWith('/search'))) generation += 1
  })
  const index = () => {
    if (!building || builtFor !== generation) {
      builtFor = generation
      building = loadSearchDocs(app.store.database).then((docs) => new SearchIndex(docs))
      building.catch(() => (building = undefined))
    }
    return building
  }

  app.get(
    '/search',
    {
      schema: { querystring: SearchQuery, response: { 200: SearchResult, ...readErrors } },
      config: { validationMessages: messages, memo: true },
      // 问答缺口: a submitted search with no confident answer logs the question, masked, once per resident and window
      onSend: recordSearchGap(app),
    },
    async (request) => {
      const { q, types, page, pageSize } = request.query
      return runSearch(await index(), rankFaqs, { q: (q ?? '').trim(), types: parseTypes(types), page, pageSize })
    },
  )
}
