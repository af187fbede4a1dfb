import { api } from '@/api'

/** `suggest`: type-ahead while the resident types; only asked questions count as 问答缺口 */
export const searchQa = (q: string, limit = 5, suggest = false) => api.call('GET /qa/search', { query: suggest ? { q, limit, suggest } : { q, limit } })
