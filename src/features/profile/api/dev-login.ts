import { api } from '@/api'
import type { Role } from '@common/contract'

export const devLogin = (role: Role, name?: string) => api.call('POST /auth/dev', { body: { role, name } })
