import type { CampaignStatus } from '@common/contract'

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, { text: string; color: string }> = {
  upcoming: { text: '未开始', color: 'blue' },
  ongoing: { text: '进行中', color: 'green' },
  ended: { text: '已结束', color: 'default' },
}

export const SCORE_COUNTS_LABELS = { best: '取最高分', latest: '取最近一次' } as const

/** the monitor page another feature serves (admin/src/features/campaign-monitor) */
export const monitorPath = (id: string) => `/campaigns/${encodeURIComponent(id)}/monitor`
