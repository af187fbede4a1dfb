import { api } from '@/api'

export const getInterpretation = (id: string) => api.call('GET /interpretations/:id', { params: { id } })
/** H5: the interpretation as its server-drawn first screen gave it, for the first render (api.embedded) */
export const embeddedInterpretation = (id: string) => api.embedded('GET /interpretations/:id', { params: { id } })
