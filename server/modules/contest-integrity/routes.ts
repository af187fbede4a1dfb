/**
 * GET /admin/campaigns/:id/prize-eligible?page=&pageSize= — the prize list of a campaign for the
 * console (review of issue 12, L6): per person the attempt that counts among their prize-eligible
 * ones (flagged attempts left out: rules.ts), in board order with ranks, names masked. Campaigns are
 * the city's, so admins and editors of any organisation may read it; each read is audited.
 */
import { notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { regionLabel } from '../quiz/service'
import { secondsOf } from '../quiz/time'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { integrityOf } from './repository'
import { maskName } from './rules'
import { PrizeEligiblePage, PrizeListQuery } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export function contestIntegrityRoutes(): RoutePlugin {
  return async (app) => {
    app.get(
      '/admin/campaigns/:id/prize-eligible',
      {
        schema: { params: IdParams, querystring: PrizeListQuery, response: { 200: PrizeEligiblePage, ...errors } },
        config: { cache: 'no-store', audit: { action: 'campaign.prize-eligible.view', target: 'campaign' } },
        onRequest: requireRole('admin', 'editor'),
      },
      async (request) => {
        const campaign = await app.store.quiz.getCampaign(request.params.id)
        if (!campaign) throw notFound('找不到该知识竞赛')
        const { page, pageSize } = request.query
        const list = await integrityOf(app.store).prizeEligible(campaign.id, campaign.rules.scoreCounts, page, pageSize)
        return {
          campaignId: campaign.id,
          scoreCounts: campaign.rules.scoreCounts,
          items: list.rows.map((r) => {
            const region = regionLabel(app.store, r.townshipCode ?? r.countyCode)
            return {
              rank: r.rank,
              name: maskName(r.nickname),
              score: r.score,
              timeUsedSec: secondsOf(r.timeUsedMs),
              finishedAt: r.finishedAt,
              ...(region ? { regionName: region } : {}),
              attemptId: r.attemptId,
              userId: r.userId,
              riskCheck: r.riskCheck ?? ('unchecked' as const),
            }
          }),
          total: list.total,
          page,
          pageSize,
          excludedPeople: list.excludedPeople,
          flaggedAttempts: list.flaggedAttempts,
        }
      },
    )
  }
}
