/** 竞赛防作弊 for the console: the prize list of a campaign (GET /admin/campaigns/:id/prize-eligible). */
import { Type } from '@sinclair/typebox'
import { PAGE_SIZE_MAX } from '../../../common/contract'
import { PageQuery, StringEnum } from '../../schemas/common'
import { PRIZE_LIST_PAGE_SIZE } from './rules'

/** the common page query (page ≤ 10,000, pageSize ≤ 50, with its Chinese messages), 50 a page by default */
export const PrizeListQuery = Type.Object({
  page: PageQuery.properties.page,
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PRIZE_LIST_PAGE_SIZE }),
})

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
