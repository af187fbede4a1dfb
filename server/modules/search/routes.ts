/** GET /search: 一站搜索 over the published content (service.ts), micro-cached like every content read. */
import { SEARCH_TYPES } from '../../../common/contract'
import { PUBLIC_MAX_AGE_SEC } from '../../plugins/http-cache'
import { readErrors } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { faqRanker } from './qa-answer'
import { loadSearchDocs } from './repository'
import { SearchIndex } from './search-index'
import { SearchQuery, SearchResult } from './schemas'
import { parseTypes, runSearch } from './service'

const messages = {
  'q.maxLength': '搜索内容太长了，请控制在100字以内',
  types: `参数错误：types 只能是 ${SEARCH_TYPES.join('、')}，多个用英文逗号分隔`,
}

export const searchRoutes: RoutePlugin = async (app) => {
  const rankFaqs = faqRanker(app.store)
  // the index is built on the first search, again after the console publishes or withdraws
  // anything (every instance hears '/search' dropped), and at the latest after the public max-age
  let building: Promise<SearchIndex> | undefined
  let generation = 0
  let builtFor = -1
  let builtAt = 0
  app.onMemoDropped((paths) => {
    if (paths.some((p) => p === '/' || p.startsWith('/search'))) generation += 1
  })
  const index = () => {
    const now = Date.now()
    if (!building || builtFor !== generation || now - builtAt > PUBLIC_MAX_AGE_SEC * 1000) {
      builtFor = generation
      builtAt = now
      building = loadSearchDocs(app.store.database).then((docs) => new SearchIndex(docs))
      building.catch(() => (building = undefined))
    }
    return building
  }

  app.get(
    '/search',
    { schema: { querystring: SearchQuery, response: { 200: SearchResult, ...readErrors } }, config: { validationMessages: messages, memo: true } },
    async (request) => {
      const { q, types, page, pageSize } = request.query
      return runSearch(await index(), rankFaqs, { q: (q ?? '').trim(), types: parseTypes(types), page, pageSize })
    },
  )
}
