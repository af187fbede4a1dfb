import { api } from '@/api'
import type { InterpretationQuery } from '@/contract'

export const getInterpretations = (query: InterpretationQuery) => api.call('GET /interpretations', { query })
