import { api } from '@/api'

export const getHome = () => api.call('GET /home')
/** H5: 首页's answer as the server-drawn first screen gave it, for the first render (api.embedded) */
export const embeddedHome = () => api.embedded('GET /home')
