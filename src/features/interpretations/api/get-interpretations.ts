import { api } from '@/api'
import type { InterpretationQuery } from '@common/contract'

export const getInterpretations = (query: InterpretationQuery) => api.call('GET /interpretations', { query })
/** H5: the same page as the server-drawn first screen of 解读 gave it, for the first render (api.embedded) */
export const embeddedInterpretations = (query: InterpretationQuery) => api.embedded('GET /interpretations', { query })
