import { api } from '@/api'
import { parseWebVtt } from '../webvtt'

export const getVideo = (id: string) => api.call('GET /videos/:id', { params: { id } })

export const getCaptions = async (path: string) => parseWebVtt(await api.getText(path))

export const recordView = (id: string) => api.call('POST /videos/:id/views', { params: { id } })

export const getLike = (id: string) => api.call('GET /videos/:id/like', { params: { id } })

export const setLike = (id: string, liked: boolean) => api.call('PUT /videos/:id/like', { params: { id }, body: { liked } })
