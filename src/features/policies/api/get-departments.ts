import { api } from '@/api'

export const getDepartments = () => api.call('GET /departments')
