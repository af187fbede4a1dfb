/**
 * The console's organisation data (分级维护):
 *
 *   GET    /admin/orgs                            the tree from the caller's organisation down, with departments
 *   POST   /admin/orgs/:code/departments {name}   admins of that organisation or above (Idempotency-Key)
 *   DELETE /admin/orgs/:code/departments/:name
 *
 * 台州市 → 县（市、区） → 乡镇（街道） come from the region tree (villages are not organisations);
 * a 仙居县 account gets 仙居县 as the root, a city account the whole tree. Another county's
 * organisation is a 403, an unknown code a 404. Department changes are audited in their transaction.
 */
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { OrgNode as OrgNodeEntity, Region, Role } from '../../../common/contract'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { StoreConflict } from '../../db/conflict'
import { auditInTransaction } from '../audit/plugin'
import { CITY_ORG_CODE, CITY_ORG_NAME, isOrgCode, orgCovers } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash, withIdempotency } from '../idempotency'
import { OrgsRepository } from './repository'
import { DEPARTMENT_NAME_MAX, DepartmentInput, DepartmentParams, departmentMessages, IdempotencyHeaders, OrgCodeParams, OrgNode } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }

/** every staff role: all of them pick organisations and departments in the console */
export const ORG_READERS: readonly Role[] = ['editor', 'reviewer', 'admin', 'responder', 'dispatcher', 'lecturer', 'staff', 'foia_officer', 'legal_reviewer']

const ADD_SCOPE = 'POST /admin/orgs/:code/departments'

/** the caller's organisation; an account without one has none to show */
function ownOrg(request: FastifyRequest): string {
  const code = request.user?.org?.code
  if (!code || !isOrgCode(code)) throw forbidden('该账号未设置所属单位')
  return code
}

/** the organisation tree: 台州市 with its counties and their townships, villages left out */
export function orgTree(regions: readonly Region[], departments: ReadonlyMap<string, string[]>): OrgNodeEntity {
  const node = (code: string, name: string, level: OrgNodeEntity['level'], children?: OrgNodeEntity[]): OrgNodeEntity => ({
    code,
    name,
    level,
    departments: departments.get(code) ?? [],
    ...(children ? { children } : {}),
  })
  const counties = regions
    .filter((r) => r.level === 'county')
    .map((county) =>
      node(
        county.code,
        county.name,
        'county',
        (county.children ?? []).filter((t) => t.level === 'township').map((t) => node(t.code, t.name, 'township')),
      ),
    )
  return node(CITY_ORG_CODE, CITY_ORG_NAME, 'city', counties)
}

/** the node of `code` in the tree, or undefined */
export function findOrg(root: OrgNodeEntity, code: string): OrgNodeEntity | undefined {
  if (root.code === code) return root
  for (const child of root.children ?? []) {
    const found = findOrg(child, code)
    if (found) return found
  }
  return undefined
}

const chars = (s: string) => [...s].length
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNPRINTABLE = /[\u0000-\u001f\u007f/\\]/

/** a department name as stored: trimmed, 1–30 characters, printable, no slashes (it is a path segment) */
function departmentName(raw: string): string {
  const name = raw.trim()
  if (!name || chars(name) > DEPARTMENT_NAME_MAX) throw badRequest(departmentMessages.name)
  if (UNPRINTABLE.test(name)) throw badRequest('部门名称不能包含斜杠或控制字符')
  return name
}

export function orgRoutes(): RoutePlugin {
  return async (app) => {
    const orgs = new OrgsRepository(app.store.database)

    /** the organisation `code` as a node (without children) if the admin may change it: 404 unknown, 403 elsewhere */
    const manageable = (request: FastifyRequest, code: string): OrgNodeEntity => {
      const own = ownOrg(request)
      const org = findOrg(orgTree(app.store.regionTree(), new Map()), code)
      if (!org) throw notFound('找不到该单位')
      if (!orgCovers(own, code)) throw forbidden('只能管理本单位及下级单位的部门')
      return org
    }
    const withDepartments = (org: OrgNodeEntity, departments: string[]): OrgNodeEntity => ({ code: org.code, name: org.name, level: org.level, departments })

    app.get(
      '/admin/orgs',
      {
        schema: { response: { 200: Type.Array(OrgNode), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(...ORG_READERS),
        preHandler: app.limit({ name: 'admin-orgs', max: 300, windowMs: 60_000, per: 'user', message: '请求过于频繁，请稍后再试' }),
      },
      async (request) => {
        const own = ownOrg(request)
        const tree = orgTree(app.store.regionTree(), await orgs.departmentsUnder(own))
        const root = findOrg(tree, own)
        if (!root) throw forbidden('该账号所属单位不在台州市组织架构中')
        return [root]
      },
    )

    app.post(
      '/admin/orgs/:code/departments',
      {
        schema: { params: OrgCodeParams, headers: IdempotencyHeaders, body: DepartmentInput, response: { 201: OrgNode, ...errors } },
        config: { validationMessages: departmentMessages, audit: { action: 'org.department.add', target: 'org' } },
        onRequest: requireRole('admin'),
        preHandler: app.limit({ name: 'department-write', max: 60, windowMs: 60 * 60_000, per: 'user', message: '修改部门过于频繁，请稍后再试' }),
      },
      async (request, reply) => {
        const { code } = request.params
        const org = manageable(request, code)
        const name = departmentName(request.body.name)
        const userId = request.user!.id
        const key = request.headers['idempotency-key']
        const hash = requestHash({ code, name })
        const earlier = key ? await findIdempotencyRecord(app.store.database.kysely, userId, ADD_SCOPE, key) : undefined
        if (earlier) {
          if (earlier.requestHash !== hash) throw idempotencyKeyReused()
          return reply
            .code(201)
            .header(REPLAYED_HEADER, 'true')
            .send(earlier.body as OrgNodeEntity)
        }
        try {
          const result = await withIdempotency<OrgNodeEntity, { node: OrgNodeEntity; replayed: boolean }>(
            app.store.database.kysely,
            { userId, scope: ADD_SCOPE, key, requestHash: hash },
            async (trx) => {
              if (!(await orgs.addDepartment(trx, code, name))) throw conflict('该单位已有同名部门')
              const node = withDepartments(org, await orgs.departmentsOf(code, trx))
              if (key) {
                const stored = await rememberIdempotent(trx, {
                  userId,
                  scope: ADD_SCOPE,
                  key,
                  requestHash: hash,
                  status: 201,
                  body: node,
                  createdAt: app.store.now().toISOString(),
                })
                if (!stored) throw new KeyTaken()
              }
              await auditInTransaction(app, request, { targetId: code, detail: { name } }, trx)
              return { node, replayed: false }
            },
            (node) => ({ node, replayed: true }),
          )
          if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
          return reply.code(201).send(result.node)
        } catch (err) {
          if (err instanceof StoreConflict) throw idempotencyKeyReused()
          throw err
        }
      },
    )

    app.delete(
      '/admin/orgs/:code/departments/:name',
      {
        schema: { params: DepartmentParams, response: { 200: OrgNode, ...errors } },
        config: { validationMessages: departmentMessages, audit: { action: 'org.department.remove', target: 'org' } },
        onRequest: requireRole('admin'),
        preHandler: app.limit({ name: 'department-write', max: 60, windowMs: 60 * 60_000, per: 'user', message: '修改部门过于频繁，请稍后再试' }),
      },
      async (request) => {
        const { code } = request.params
        const org = manageable(request, code)
        const name = request.params.name.trim()
        return orgs.transaction(async (trx) => {
          if (!(await orgs.removeDepartment(trx, code, name))) throw notFound('该单位没有这个部门')
          await auditInTransaction(app, request, { targetId: code, detail: { name } }, trx)
          return withDepartments(org, await orgs.departmentsOf(code, trx))
        })
      },
    )
  }
}
