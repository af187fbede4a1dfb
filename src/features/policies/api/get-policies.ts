import { api } from '@/api'
import type { PolicyQuery } from '@common/contract'

export const getPolicies = (query: PolicyQuery) => api.call('GET /policies', { query })
