import { Type } from '@sinclair/typebox'
import { IdParams, readErrors } from '../../schemas/common'
import { Campaign, CampaignQuery, CampaignSummary } from './campaign-schemas'
import { notFound } from '../../errors'
import type { RoutePlugin } from '../../type-provider'

/** status is derived at read time, so it is always current (and the 60 s cache bounds staleness) */
const campaignRoutes: RoutePlugin = async (app) => {
  app.get('/campaigns', { schema: { querystring: CampaignQuery, response: { 200: Type.Array(CampaignSummary), ...readErrors } } }, async (request) =>
    app.store.quiz.listCampaigns(request.query),
  )

  app.get('/campaigns/:id', { schema: { params: IdParams, response: { 200: Campaign, ...readErrors } } }, async (request) => {
    const campaign = await app.store.quiz.getCampaign(request.params.id)
    if (!campaign) throw notFound('找不到该知识竞赛')
    return campaign
  })
}

export default campaignRoutes
