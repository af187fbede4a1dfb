import { api } from '@/api'

export const getInterpretation = (id: string) => api.call('GET /interpretations/:id', { params: { id } })
