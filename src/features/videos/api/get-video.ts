import { api, outbox } from '@/api'
import { parseWebVtt } from '../webvtt'

export const getVideo = (id: string) => api.call('GET /videos/:id', { params: { id } })
/** H5: the video as its server-drawn first screen gave it, for the first render (api.embedded) */
export const embeddedVideo = (id: string) => api.embedded('GET /videos/:id', { params: { id } })

export const getCaptions = async (path: string) => parseWebVtt(await api.getText(path))

export const recordView = (id: string) => api.call('POST /videos/:id/views', { params: { id } })

export const getLike = (id: string) => api.call('GET /videos/:id/like', { params: { id } })

/** a PUT of the state through the outbox: offline, the newest state per video waits and goes out later */
export const setLike = (id: string, liked: boolean, title?: string) =>
  outbox.submit('PUT /videos/:id/like', {
    params: { id },
    body: { liked },
    coalesce: `like:${id}`,
    label: `${liked ? '点赞' : '取消点赞'}：${title ?? '短视频'}`,
  })
