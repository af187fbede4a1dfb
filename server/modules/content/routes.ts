/** The published content: GET /home, /topics, /departments, /regions, /policies, /interpretations, /faqs/:id. */
import { Type } from '@sinclair/typebox'
import { shanghaiToday } from '../../../common/shanghai-date'
import { notFound } from '../../errors'
import { IdParams, PageOf, readErrors } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import type { PolicySummary as PolicySummaryOf } from '../../../common/contract'
import { countRead } from '../dashboard/view-counter'
import { markClosed } from './closing'
import { composeHome } from './home'
import { policyRelated } from './policy-related'
import { regionIndexOf } from './region-index'
import {
  Faq,
  Home,
  Interpretation,
  InterpretationQuery,
  InterpretationSummary,
  Policy,
  PolicyQuery,
  PolicyRelated,
  PolicySummary,
  Region,
  RegionChildrenQuery,
  RegionEntry,
  RegionParams,
  RegionSearchQuery,
  Topic,
} from './schemas'

export const contentRoutes: RoutePlugin = async (app) => {
  const memo = { memo: true }
  const today = () => shanghaiToday(app.store.now())
  const closedMarked = <T extends { items: PolicySummaryOf[] }>(page: T, day: string): T => ({ ...page, items: page.items.map((p) => markClosed(p, day)) })

  app.get('/home', { schema: { response: { 200: Home, ...readErrors } }, config: memo }, async () => composeHome(app.store))

  app.get('/topics', { schema: { response: { 200: Type.Array(Topic), ...readErrors } }, config: memo }, async () => app.store.content.listTopics())

  /** the departments that issued policies: the values /policies?dept= accepts */
  app.get('/departments', { schema: { response: { 200: Type.Array(Type.String()), ...readErrors } }, config: memo }, async () =>
    app.store.content.listDepartments(),
  )

  app.get('/regions', { schema: { response: { 200: Type.Array(Region), ...readErrors } }, config: memo }, async () => app.store.content.regionTree())

  // the RegionPicker's reads: one level at a time and a search, never the 3,429 villages at once
  const regionIndex = () => regionIndexOf(app.store.regionTree())
  app.get(
    '/regions/children',
    { schema: { querystring: RegionChildrenQuery, response: { 200: Type.Array(RegionEntry), ...readErrors } }, config: memo },
    async (request) => {
      const children = regionIndex().children(request.query.parent)
      if (!children) throw notFound('找不到该地区')
      return children
    },
  )
  app.get(
    '/regions/search',
    { schema: { querystring: RegionSearchQuery, response: { 200: Type.Array(RegionEntry), ...readErrors } }, config: memo },
    async (request) => regionIndex().search(request.query.q, { level: request.query.level, limit: request.query.limit }),
  )
  app.get('/regions/:code', { schema: { params: RegionParams, response: { 200: RegionEntry, ...readErrors } }, config: memo }, async (request) => {
    const region = regionIndex().get(request.params.code)
    if (!region) throw notFound('找不到该地区')
    return region
  })

  app.get('/policies', { schema: { querystring: PolicyQuery, response: { 200: PageOf(PolicySummary), ...readErrors } }, config: memo }, async (request) =>
    closedMarked(await app.store.content.searchPolicies(request.query), today()),
  )

  // reads of one item are counted for the dashboard (also when the micro-cache answers them)
  app.get(
    '/policies/:id',
    { schema: { params: IdParams, response: { 200: Policy, ...readErrors } }, config: memo, onResponse: countRead(app, 'policy') },
    async (request) => {
      const policy = await app.store.content.getPolicy(request.params.id)
      if (!policy) throw notFound('找不到该政策')
      return markClosed(policy, today())
    },
  )

  // 相关视频 and 常见问答 of a policy page: no dead end (each links back to the policy)
  app.get('/policies/:id/related', { schema: { params: IdParams, response: { 200: PolicyRelated, ...readErrors } }, config: memo }, async (request) => {
    const related = await policyRelated(app.store, request.params.id)
    if (!related) throw notFound('找不到该政策')
    return related
  })

  app.get(
    '/interpretations',
    { schema: { querystring: InterpretationQuery, response: { 200: PageOf(InterpretationSummary), ...readErrors } }, config: memo },
    async (request) => app.store.content.listInterpretations(request.query),
  )

  app.get(
    '/interpretations/:id',
    { schema: { params: IdParams, response: { 200: Interpretation, ...readErrors } }, config: memo, onResponse: countRead(app, 'interpretation') },
    async (request) => {
      const interpretation = await app.store.content.getInterpretation(request.params.id)
      if (!interpretation) throw notFound('找不到该解读')
      return interpretation
    },
  )

  app.get(
    '/faqs/:id',
    { schema: { params: IdParams, response: { 200: Faq, ...readErrors } }, config: memo, onResponse: countRead(app, 'faq') },
    async (request) => {
      const faq = await app.store.content.getFaq(request.params.id)
      if (!faq) throw notFound('找不到该问答')
      return faq
    },
  )
}
