import type { CampaignMonitor, CampaignSummary, SuspicionKind, SuspiciousPage } from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'

export const getCampaigns = (signal?: AbortSignal) => api.get<CampaignSummary[]>('/campaigns', undefined, signal)

export const getMonitor = (id: string, region: string | undefined, signal?: AbortSignal) =>
  api.get<CampaignMonitor>(`/admin/campaigns/${encodeURIComponent(id)}/monitor`, { region }, signal)

export const getSuspicious = (id: string, query: { page: number; pageSize: number; kind?: SuspicionKind; region?: string }, signal?: AbortSignal) =>
  api.get<SuspiciousPage>(`/admin/campaigns/${encodeURIComponent(id)}/suspicious`, query, signal)

export const exportResults = (id: string, title: string, options: { full: boolean; region?: string }) =>
  downloadFromApi(
    `/admin/campaigns/${encodeURIComponent(id)}/results.csv`,
    { full: options.full ? '1' : undefined, region: options.region },
    `${title}-成绩${options.full ? '（完整）' : '（脱敏）'}.csv`,
  )
