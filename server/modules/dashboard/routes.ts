/**
 * The console's dashboard, for editors, reviewers and admins:
 *
 *   GET /admin/dashboard?org=&from=&to=       figures for an organisation and below (default: the caller's)
 *   GET /admin/dashboard.csv?org=&from=&to=   the same as CSV for Excel (audited as dashboard.export)
 *
 * An organisation the caller does not cover is a 403 (a 仙居县 reviewer asking for 椒江区); from/to
 * (YYYY-MM-DD) filter policies by their 发布日期. Read counts gathered in memory are written first,
 * so 最常阅读 includes the reads up to now.
 */
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { DASHBOARD_ROLES } from '../../../common/contract'
import { isCalendarDate, shanghaiToday } from '../../../common/shanghai-date'
import { badRequest, forbidden, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { isOrgCode, orgCovers } from '../auth/org-scope'
import { composeDashboard, type DashboardInput } from './compose'
import { dashboardCsv } from './csv'
import { DashboardRepository } from './repository'
import { Dashboard, DashboardQuery, dashboardMessages } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export function dashboardRoutes(): RoutePlugin {
  return async (app) => {
    const repo = new DashboardRepository(app.store.database, () => app.store.orgNames())

    const inputOf = (request: FastifyRequest, query: { org?: string; from?: string; to?: string }): DashboardInput => {
      const own = request.user?.org?.code
      if (!own || !isOrgCode(own)) throw forbidden('该账号未设置所属单位')
      const org = query.org || own
      if (!isOrgCode(org) || !app.store.orgNames().has(org)) throw notFound('找不到该单位')
      if (!orgCovers(own, org)) throw forbidden('只能查看本单位及下级单位的统计')
      const from = query.from || undefined
      const to = query.to || undefined
      if (from && !isCalendarDate(from)) throw badRequest('开始日期不是有效日期')
      if (to && !isCalendarDate(to)) throw badRequest('结束日期不是有效日期')
      if (from && to && from > to) throw badRequest('开始日期不能晚于结束日期')
      return { org, from, to, today: shanghaiToday(app.store.now()) }
    }

    const compose = async (input: DashboardInput) => {
      await app.viewCounter.flush()
      return composeDashboard(repo, app.store.regionTree(), app.store.orgNames(), input)
    }

    app.get(
      '/admin/dashboard',
      {
        schema: { querystring: DashboardQuery, response: { 200: Dashboard, ...errors } },
        config: { cache: 'no-store', validationMessages: dashboardMessages },
        onRequest: requireRole(...DASHBOARD_ROLES),
        preHandler: app.limit({ name: 'dashboard', max: 120, windowMs: 60_000, per: 'user', message: '统计查询过于频繁，请稍后再试' }),
      },
      async (request) => compose(inputOf(request, request.query)),
    )

    app.get(
      '/admin/dashboard.csv',
      {
        schema: { querystring: DashboardQuery, response: { 200: Type.String(), ...errors } },
        config: { cache: 'no-store', validationMessages: dashboardMessages, audit: { action: 'dashboard.export', target: 'org' } },
        onRequest: requireRole(...DASHBOARD_ROLES),
        preHandler: app.limit({ name: 'dashboard-export', max: 30, windowMs: 60_000, per: 'user', message: '导出过于频繁，请稍后再试' }),
      },
      async (request, reply) => {
        const input = inputOf(request, request.query)
        const csv = dashboardCsv(await compose(input))
        request.auditTargetId = input.org
        const filename = `政务工作台统计-${input.org}-${input.today}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="dashboard-${input.org}-${input.today}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(csv)
      },
    )
  }
}
