/**
 * 常住人口 per county and township for the per-capita boards (issue 15), admins only:
 *
 *   GET /admin/population           the figures of the caller's organisation's regions, each with
 *                                   the figure the boards use (given, or derived by quiz/regions.ts)
 *   PUT /admin/population           {year, source, items:[{regionCode, residents}]}: the city's admins
 *                                   change any county or township, a county's admins only their
 *                                   county's townships (the county's own figure is the city's to set)
 *   GET /admin/population/history   who changed which figure when, newest first, paged
 *
 * A PUT is validated whole before anything is written (a bad row refuses all, in Chinese), written
 * in one transaction with its history rows and audit entry, and only changed figures are written:
 * sent again (a retry), it changes nothing and adds no history. The boards read the figures on
 * every request, so the next board already uses them; the micro-cache of /campaigns is dropped too.
 */
import { Type } from '@sinclair/typebox'
import type { PopulationRow, Region, User } from '../../../common/contract'
import { badRequest, forbidden } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, PageQuery } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { CITY_ORG_CODE, orgCovers, orgLevel, orgPrefixPattern } from '../auth/org-scope'
import { residentsByRegion } from '../quiz/regions'
import { requireOrg } from '../staff-scope/scope'
import { PopulationRepository } from './repository'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const MAX_RESIDENTS = 20_000_000

const PopulationRowSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('county'), Type.Literal('township')]),
  parentCode: Type.Optional(Type.String()),
  residents: Type.Integer(),
  derived: Type.Boolean(),
  year: Type.Optional(Type.Integer()),
  source: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Type.String()),
  updatedBy: Type.Optional(Type.String()),
  editable: Type.Boolean(),
})
const PopulationTable = Type.Object({ items: Type.Array(PopulationRowSchema) })

const PopulationUpdate = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    source: Type.String({ minLength: 1, maxLength: 100 }),
    items: Type.Array(
      Type.Object(
        { regionCode: Type.String({ maxLength: 12 }), residents: Type.Number({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }) },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 200,
      },
    ),
  },
  { additionalProperties: false },
)

const HistoryQuery = Type.Object({
  page: PageQuery.properties.page,
  pageSize: PageQuery.properties.pageSize,
  regionCode: Type.Optional(Type.String({ maxLength: 12 })),
})
const HistoryPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      regionCode: Type.String(),
      regionName: Type.String(),
      before: Type.Optional(Type.Integer()),
      after: Type.Integer(),
      year: Type.Integer(),
      source: Type.String(),
      actorName: Type.String(),
      changedAt: Type.String(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})

const messages = {
  year: '统计年度须为 2000–2100 之间的整数',
  source: '请填写数据来源（1–100 字）',
  items: '请提交 1–200 个地区的人口',
  'items.minItems': '请至少修改一个地区的人口',
}

/** may this caller change this region's figure: the city any; a county its townships (not itself) */
export function mayEdit(org: string, region: { code: string; level: 'county' | 'township' }): boolean {
  if (org === CITY_ORG_CODE) return true
  return orgLevel(org) === 'county' && region.level === 'township' && orgCovers(org, region.code)
}

export function populationRoutes(): RoutePlugin {
  return async (app) => {
    const repo = (db = app.store.database.kysely) => new PopulationRepository(db)
    const writeLimit = app.limit({ name: 'population-write', max: 60, windowMs: 60 * 60_000, per: 'user', message: '修改过于频繁' })

    function regionsOf(): { code: string; name: string; level: 'county' | 'township'; parentCode?: string }[] {
      const tree: Region[] = app.store.regionTree()
      return tree.flatMap((c) => [
        { code: c.code, name: c.name, level: 'county' as const },
        ...(c.children ?? []).map((t) => ({ code: t.code, name: t.name, level: 'township' as const, parentCode: c.code })),
      ])
    }

    async function table(user: User): Promise<PopulationRow[]> {
      const org = requireOrg(user)
      const figures = await repo().figures()
      const residents = residentsByRegion(app.store.regionTree(), Object.fromEntries([...figures].map(([code, f]) => [code, f.residents])))
      return regionsOf()
        .filter((r) => orgCovers(org, r.code))
        .map((r) => {
          const f = figures.get(r.code)
          return {
            ...r,
            residents: residents.get(r.code) ?? 1,
            derived: !f,
            ...(f?.year !== undefined ? { year: f.year } : {}),
            ...(f?.source ? { source: f.source } : {}),
            ...(f?.updatedAt ? { updatedAt: f.updatedAt } : {}),
            ...(f?.updatedBy ? { updatedBy: f.updatedBy } : {}),
            editable: mayEdit(org, r),
          }
        })
    }

    app.get(
      '/admin/population',
      { schema: { response: { 200: PopulationTable, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole('admin') },
      async (request) => ({ items: await table(request.user!) }),
    )

    app.put(
      '/admin/population',
      {
        schema: { body: PopulationUpdate, response: { 200: PopulationTable, ...errors } },
        config: {
          cache: 'no-store',
          validationMessages: messages,
          audit: { action: 'population.update', target: 'population' },
          invalidates: ['/campaigns'],
        },
        onRequest: requireRole('admin'),
        preHandler: [writeLimit],
      },
      async (request) => {
        const user = request.user!
        const org = requireOrg(user)
        const { year, source, items } = request.body
        const text = source.trim()
        if (!text) throw badRequest(messages.source)
        const regions = new Map(regionsOf().map((r) => [r.code, r]))
        const seen = new Set<string>()
        for (const [i, item] of items.entries()) {
          const region = regions.get(item.regionCode)
          const where = `第 ${i + 1} 行`
          if (!region) throw badRequest(`${where}：地区代码 ${item.regionCode} 不是台州市的县（市、区）或乡镇（街道）`)
          if (seen.has(item.regionCode)) throw badRequest(`${where}：${region.name}重复提交`)
          seen.add(item.regionCode)
          if (!Number.isInteger(item.residents) || item.residents < 1 || item.residents > MAX_RESIDENTS) {
            throw badRequest(`${where}：${region.name}的常住人口须为 1–${MAX_RESIDENTS} 之间的整数`)
          }
          if (!mayEdit(org, region)) {
            throw forbidden(
              orgLevel(org) === 'county' ? `只能修改本县（市、区）所辖乡镇（街道）的人口，不能修改${region.name}` : `没有权限修改${region.name}的人口`,
            )
          }
        }
        const at = app.store.now().toISOString()
        await app.store.database.kysely.transaction().execute(async (trx) => {
          const current = await repo(trx).figures()
          const changes = items
            .map((item) => ({ regionCode: item.regionCode, before: current.get(item.regionCode)?.residents, after: item.residents }))
            .filter((c) => c.before !== c.after || current.get(c.regionCode)?.year !== year || current.get(c.regionCode)?.source !== text)
          await repo(trx).apply(changes, { year, source: text, actorId: user.id, actorName: user.nickname, at })
          request.auditTargetId = org
          await auditInTransaction(
            app,
            request,
            {
              targetId: org,
              // the audit keeps short scalars: the count and the changes as text (the history keeps each row)
              detail: {
                year,
                source: text,
                changed: changes.length,
                changes: changes.map((c) => `${c.regionCode}: ${c.before ?? '推算'}→${c.after}`).join('；'),
              },
            },
            trx,
          )
        })
        return { items: await table(user) }
      },
    )

    app.get(
      '/admin/population/history',
      { schema: { querystring: HistoryQuery, response: { 200: HistoryPage, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole('admin') },
      async (request) => {
        const org = requireOrg(request.user!)
        const { page, pageSize, regionCode } = request.query
        const { rows, total } = await repo().history(orgPrefixPattern(org), regionCode || undefined, page, pageSize)
        const names = new Map(regionsOf().map((r) => [r.code, r.parentCode ? `${app.store.orgNames().get(r.parentCode) ?? ''} ${r.name}`.trim() : r.name]))
        return { items: rows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode })), total, page, pageSize }
      },
    )
  }
}
