/** 竞赛防作弊 for the console: the prize list of a campaign (GET /admin/campaigns/:id/prize-eligible). */
import { Type } from '@sinclair/typebox'
import { PAGE_MAX, StringEnum } from '../../schemas/common'
import { PRIZE_LIST_PAGE_SIZE } from './rules'

export const PrizeListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: PRIZE_LIST_PAGE_SIZE }),
})

export const prizeListMessages = {
  pageSize: '每页条数应为 1 到 100',
}

/** one person on the prize list: a masked name, never a phone number or the full name */
export const PrizeEligibleItem = Type.Object({
  rank: Type.Integer(),
  name: Type.String(),
  score: Type.Integer(),
  timeUsedSec: Type.Number(),
  finishedAt: Type.String(),
  regionName: Type.Optional(Type.String()),
  attemptId: Type.String(),
  userId: Type.String(),
  /** passed / unavailable (WeChat did not answer) / unchecked (not a WeChat user, or WeChat not configured) */
  riskCheck: StringEnum(['passed', 'unavailable', 'unchecked'] as const),
})

export const PrizeEligiblePage = Type.Object({
  campaignId: Type.String(),
  scoreCounts: StringEnum(['best', 'latest'] as const),
  items: Type.Array(PrizeEligibleItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** people with submitted attempts left off: every attempt of theirs is flagged */
  excludedPeople: Type.Integer(),
  flaggedAttempts: Type.Integer(),
})
