import { api } from '@/api'

export const getPolicy = (id: string) => api.call('GET /policies/:id', { params: { id } })

/** 相关视频 and 常见问答 of a policy page */
export const getPolicyRelated = (id: string) => api.call('GET /policies/:id/related', { params: { id } })

/** the 解读 and 图解 of a policy, for its page's 相关解读 */
export const getPolicyInterpretations = (policyId: string) => api.call('GET /interpretations', { query: { policyId, page: 1, pageSize: 10 } })
