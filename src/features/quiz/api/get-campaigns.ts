import { api } from '@/api'
import type { CampaignStatus } from '@common/contract'

export const getCampaigns = (status?: CampaignStatus) => api.call('GET /campaigns', { query: { status } })
