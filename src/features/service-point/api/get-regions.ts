import { api } from '@/api'

export const getRegions = () => api.call('GET /regions')
