import { api } from '@/api'

export const searchQa = (q: string, limit = 5) => api.call('GET /qa/search', { query: { q, limit } })
