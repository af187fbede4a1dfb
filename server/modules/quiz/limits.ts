/**
 * Who may start an attempt, as a decision the route turns into an answer: the campaign must be
 * running, the region eligible, and the day's attempts (Asia/Shanghai days) not used up. A running
 * attempt is resumed rather than refused: one active attempt per user and campaign.
 */
import type { Campaign } from '../../../common/contract'
import { regionWithin } from './regions'

export type StartRefusal = 'not-started' | 'ended' | 'no-region' | 'not-eligible' | 'daily-limit'

export type StartDecision = { ok: true } | { ok: false; reason: StartRefusal }

export const START_REFUSAL_MESSAGES: Record<StartRefusal, string> = {
  'not-started': '竞赛尚未开始',
  ended: '竞赛已结束，可以查看排行榜和练习',
  'no-region': '请先选择所在地区',
  'not-eligible': '您所在的地区不在本次竞赛范围内',
  'daily-limit': '今天的答题次数已用完，明天再来吧',
}

export function canStart(campaign: Pick<Campaign, 'status' | 'rules'>, regionCode: string | undefined, attemptsToday: number): StartDecision {
  if (campaign.status === 'upcoming') return { ok: false, reason: 'not-started' }
  if (campaign.status === 'ended') return { ok: false, reason: 'ended' }
  if (!regionCode) return { ok: false, reason: 'no-region' }
  if (!campaign.rules.eligibleRegions.some((e) => regionWithin(regionCode, e))) return { ok: false, reason: 'not-eligible' }
  if (attemptsToday >= campaign.rules.attemptsPerDay) return { ok: false, reason: 'daily-limit' }
  return { ok: true }
}

export function attemptsLeft(attemptsPerDay: number, attemptsToday: number): number {
  return Math.max(0, attemptsPerDay - attemptsToday)
}
