import { api } from '@/api'
import type { VideoQuery } from '@common/contract'

export const getVideos = (query: VideoQuery) => api.call('GET /videos', { query })
