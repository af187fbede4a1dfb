import { api } from '@/api'
import type { SearchQuery, SearchType } from '@common/contract'

/** 一站搜索: every type grouped (the 全部 overview), or one type paged (`types: 'faq'`) */
export const searchAll = (query: Omit<SearchQuery, 'types'> & { types?: SearchType }) => api.call('GET /search', { query })
