import type { CampaignStatus, SuspicionKind } from '@common/contract'

export const STATUS_LABELS: Record<CampaignStatus, { text: string; color: string }> = {
  ongoing: { text: '进行中', color: 'green' },
  upcoming: { text: '未开始', color: 'blue' },
  ended: { text: '已结束', color: 'default' },
}

export const KIND_LABELS: Record<SuspicionKind, { text: string; color: string }> = {
  'too-fast': { text: '答题过快', color: 'orange' },
  'same-timing': { text: '用时雷同', color: 'purple' },
  'risk-rank': { text: '微信风控', color: 'red' },
}

/** 2026-12-04T08:00:00Z → 2026-12-04 16:00 (北京时间) */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
