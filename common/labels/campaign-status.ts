/** A quiz campaign's status as the app and the server's first screens say it: label, tag colour, time left. */
import type { CampaignStatus } from '../contract'
import { countdown } from '../durations'
import type { TagTone } from './tag-tone'

export const campaignStatusLabel: Record<CampaignStatus, string> = { ongoing: '进行中', upcoming: '即将开始', ended: '已结束' }
export const campaignStatusTone: Record<CampaignStatus, TagTone> = { ongoing: 'success', upcoming: 'warning', ended: 'neutral' }

/** 距结束 3天5小时 / 距开始 12小时30分 while it runs or before it starts; undefined once it has ended (each place says that its own way) */
export function campaignTimeLeft(c: { status: CampaignStatus; startsAt: string; endsAt: string }, now: Date): string | undefined {
  if (c.status === 'ongoing') return `距结束 ${countdown(c.endsAt, now) || '不足1分钟'}`
  if (c.status === 'upcoming') return `距开始 ${countdown(c.startsAt, now) || '不足1分钟'}`
  return undefined
}

/** what a campaign's own page says once it has ended */
export const campaignEndedHero = '已结束，可查看排行榜'
