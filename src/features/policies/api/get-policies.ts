import { api } from '@/api'
import type { PolicyQuery } from '@/contract'

export const getPolicies = (query: PolicyQuery) => api.call('GET /policies', { query })
