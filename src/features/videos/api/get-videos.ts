import { api } from '@/api'
import type { VideoQuery } from '@common/contract'

export const getVideos = (query: VideoQuery) => api.call('GET /videos', { query })
/** H5: the same page as the server-drawn first screen of 视频 gave it, for the first render (api.embedded) */
export const embeddedVideos = (query: VideoQuery) => api.embedded('GET /videos', { query })
