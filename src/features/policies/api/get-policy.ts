import { api } from '@/api'

export const getPolicy = (id: string) => api.call('GET /policies/:id', { params: { id } })
