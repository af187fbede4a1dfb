import { api } from '@/api'

export const getHome = () => api.call('GET /home')
