import { api } from '@/api'
import type { InterpretationQuery } from '@common/contract'

export const getInterpretations = (query: InterpretationQuery) => api.call('GET /interpretations', { query })
