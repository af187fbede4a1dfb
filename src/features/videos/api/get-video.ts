import { api } from '@/api'
import { parseWebVtt } from '../webvtt'

export const getVideo = (id: string) => api.call('GET /videos/:id', { params: { id } })

export const getCaptions = async (path: string) => parseWebVtt(await api.getText(path))
