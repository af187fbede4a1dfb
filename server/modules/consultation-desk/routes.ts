/**
 * 咨询工作台 (issue 15), the staff side of 政策咨询:
 *
 *   GET  /admin/consultations?status=&overdue=&org=&department=&county=&q=&page=&pageSize=
 *   GET  /admin/consultations.csv?(the same filters)          (audited as an export)
 *   GET  /admin/consultations/figures · /responders · /routes · PUT /routes
 *   GET|PUT /admin/consultations/settings/:code               (replies of the organisation wait for review)
 *   GET  /admin/consultations/:id
 *   POST /admin/consultations/:id/{assign,transfer,reply}      (reply: Idempotency-Key)
 *   POST /admin/consultations/:id/reply/{approve,return}
 *
 * An account acts on consultations routed to a department of its organisation or below (403
 * otherwise, reads included); 答复员 assign, transfer and reply, 审核 approve or return a reply
 * waiting for review, 管理员 everything. A reply reaches the resident only through publishReply
 * (server/modules/consultations), the path POST /consultations/:id/reply takes. Every write is
 * audited, in its transaction where it has one.
 */
import type { FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import {
  CONSULTATION_REPLY_MAX,
  DESK_REASON_MAX,
  DESK_STATUS_LABELS,
  type DeskConsultation as DeskConsultationEntity,
  type DeskConsultationDetail,
  type DeskFigureRow,
  type DeskFigures as DeskFiguresEntity,
  type DeskRoute as DeskRouteEntity,
  type Region,
  type Role,
} from '../../../common/contract'
import { shanghaiToday } from '../../../common/shanghai-date'
import { isOverdue, workingDaysBetween } from '../../../common/working-days'
import { createContentChecker, type ContentChecker } from '../../content-check'
import { StoreConflict } from '../../db/conflict'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import type { WechatConfig } from '../../wechat/jscode2session'
import { auditInTransaction } from '../audit/plugin'
import { CITY_ORG_CODE, isOrgCode, orgCovers, orgLevel, orgPrefixPattern } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { publishReply } from '../consultations/publish-reply'
import { maskMobile } from '../consultations/records'
import { checkReadableText } from '../editorial/checks'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, replayOf, requestHash, withIdempotency } from '../idempotency'
import { type DeskRow, DeskRepository, deskStatusOf } from './repository'
import { countyOf, defaultRoute } from './routing'
import {
  AssignInput,
  DeskDetail,
  DeskFigures,
  DeskPage,
  DeskQuery,
  DeskResponder,
  DeskRoute,
  DeskSettings,
  deskMessages,
  IdempotencyHeaders,
  OrgParams,
  ReplyInput,
  ReturnInput,
  RouteInput,
  SettingsInput,
  TransferInput,
} from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const OTHER_ORG = '不能处理其他单位的咨询'
export const NO_ORG = '该账号未设置所属单位，不能处理咨询'
const READERS: Role[] = ['responder', 'reviewer', 'admin']
const HANDLERS: Role[] = ['responder', 'admin']
const REVIEWERS: Role[] = ['reviewer', 'admin']
const BASE = '/admin/consultations'
const REPLY_SCOPE = 'POST /admin/consultations/:id/reply'
const CSV_MAX = 5000

const length = (text: string) => [...text].length

export interface ConsultationDeskOptions {
  wechat?: WechatConfig
  contentChecker?: ContentChecker
}

/** one CSV cell, quoted, a leading = + - @ defused so a spreadsheet never runs it */
function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}

export function consultationDeskRoutes(options: ConsultationDeskOptions = {}): RoutePlugin {
  return async (app) => {
    const desk = new DeskRepository(app.store.database)
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    const writeLimit = app.limit({ name: 'consultation-desk-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁，请稍后再试' })
    const now = () => app.store.now()

    let regionNames: Map<string, string> | undefined
    const regionName = (code: string): string => {
      if (!regionNames) {
        regionNames = new Map(app.store.orgNames())
        const walk = (nodes: readonly Region[] | undefined) => {
          for (const r of nodes ?? []) {
            regionNames!.set(r.code, r.name)
            walk(r.children)
          }
        }
        walk(app.store.regionTree())
      }
      return regionNames.get(code) ?? code
    }
    const topicNames = async () => new Map((await app.store.content.listTopics()).map((t) => [t.id, t.name]))

    /** the caller's organisation: 403 without one */
    const staffOrg = (request: FastifyRequest): string => {
      const code = request.user?.org?.code
      if (!code || !isOrgCode(code)) throw forbidden(NO_ORG)
      return code
    }
    const actor = (request: FastifyRequest) => ({ id: request.user!.id, name: request.user!.nickname })
    const routeNew = () => desk.routeNew(app.store.orgNames(), now().toISOString())

    const toEntity = (row: DeskRow, topics: Map<string, string>, at: Date): DeskConsultationEntity => {
      const county = countyOf(row.region_code)
      return {
        id: row.id,
        topic: row.topic,
        topicName: topics.get(row.topic) ?? row.topic,
        question: row.question,
        regionCode: row.region_code,
        regionName: regionName(row.region_code),
        countyCode: county,
        countyName: regionName(county),
        ...(row.phone ? { phoneMasked: maskMobile(row.phone) } : {}),
        createdAt: row.created_at,
        dueDate: row.due_date,
        overdue: isOverdue(row.created_at, at, row.replied_at),
        status: deskStatusOf(row),
        department: { orgCode: row.org_code, orgName: regionName(row.org_code), name: row.department },
        ...(row.assignee_id ? { assignee: { id: row.assignee_id, name: row.assignee_name ?? '' } } : {}),
        ...(row.replied_at ? { repliedAt: row.replied_at } : {}),
      }
    }

    const detailOf = async (id: string): Promise<DeskConsultationDetail> => {
      const row = (await desk.get(id))!
      return {
        ...toEntity(row, await topicNames(), now()),
        timeline: await desk.events(id),
        ...(row.draft_text !== null ? { draft: { text: row.draft_text, byName: row.drafted_by_name ?? '', at: row.drafted_at ?? '' } } : {}),
        ...(row.reply_text !== null && row.reply_department !== null && row.replied_at !== null
          ? { reply: { text: row.reply_text, department: row.reply_department, repliedAt: row.replied_at } }
          : {}),
        reviewRequired: await desk.reviewReplies(row.org_code),
      }
    }

    /** the consultation if the caller may act on it: 404 unknown, 403 routed outside the caller's organisation */
    const covered = async (request: FastifyRequest, id: string): Promise<DeskRow> => {
      const own = staffOrg(request)
      await routeNew()
      const row = await desk.get(id)
      if (!row) throw notFound('找不到该咨询')
      if (!orgCovers(own, row.org_code)) throw forbidden(OTHER_ORG)
      return row
    }

    const reasonOf = (raw: string, what: string): string => {
      const reason = raw.trim()
      if (!reason) throw badRequest(`请填写${what}`)
      if (length(reason) > DESK_REASON_MAX) throw badRequest(`${what}最多${DESK_REASON_MAX}字`)
      return reason
    }

    type ListQuery = typeof DeskQuery.static
    const listFilter = (request: FastifyRequest, query: ListQuery) => {
      const own = staffOrg(request)
      if (query.org && !orgCovers(own, query.org)) throw forbidden(OTHER_ORG)
      return {
        scope: orgPrefixPattern(own),
        today: shanghaiToday(now()),
        ...(query.status ? { status: query.status } : {}),
        ...(query.overdue ? { overdue: true } : {}),
        ...(query.org ? { org: query.org } : {}),
        ...(query.department ? { department: query.department } : {}),
        ...(query.county ? { county: query.county } : {}),
        ...(query.q ? { q: query.q } : {}),
      }
    }

    app.get(
      BASE,
      {
        schema: { querystring: DeskQuery, response: { 200: DeskPage, ...errors } },
        config: { cache: 'no-store', validationMessages: deskMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const filter = listFilter(request, request.query)
        await routeNew()
        const { rows, total, overdueOpen } = await desk.list({ ...filter, page: request.query.page, pageSize: request.query.pageSize })
        const topics = await topicNames()
        const at = now()
        return { items: rows.map((r) => toEntity(r, topics, at)), total, page: request.query.page, pageSize: request.query.pageSize, overdueOpen }
      },
    )

    app.get(
      `${BASE}.csv`,
      {
        schema: { querystring: DeskQuery, response: { 200: Type.String(), ...errors } },
        config: { cache: 'no-store', validationMessages: deskMessages, audit: { action: 'consultation.desk.export', target: 'org' } },
        onRequest: requireRole(...READERS),
        preHandler: app.limit({ name: 'consultation-desk-export', max: 30, windowMs: 60_000, per: 'user', message: '导出过于频繁，请稍后再试' }),
      },
      async (request, reply) => {
        const filter = listFilter(request, request.query)
        await routeNew()
        const { rows } = await desk.list({ ...filter, page: 1, pageSize: CSV_MAX })
        const topics = await topicNames()
        const at = now()
        const header = [
          '编号',
          '提交时间',
          '主题',
          '地区',
          '县（市、区）',
          '问题',
          '联系电话',
          '状态',
          '承办单位',
          '承办部门',
          '答复人',
          '答复期限',
          '是否超期',
          '答复时间',
        ]
        const lines = rows.map((r) => {
          const e = toEntity(r, topics, at)
          return [
            e.id,
            e.createdAt,
            e.topicName,
            e.regionName,
            e.countyName,
            e.question,
            e.phoneMasked ?? '',
            DESK_STATUS_LABELS[e.status],
            e.department.orgName,
            e.department.name,
            e.assignee?.name ?? '',
            e.dueDate,
            e.overdue ? '超期' : '',
            e.repliedAt ?? '',
          ]
        })
        request.auditTargetId = staffOrg(request)
        const csv = '\uFEFF' + [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n'
        const filename = `咨询工作台-${filter.today}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="consultations-${filter.today}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(csv)
      },
    )

    app.get(
      `${BASE}/figures`,
      {
        schema: { response: { 200: DeskFigures, ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(...READERS),
      },
      async (request): Promise<DeskFiguresEntity> => {
        const own = staffOrg(request)
        await routeNew()
        const rows = await desk.forFigures(orgPrefixPattern(own))
        const at = now()
        type Acc = { name: string; total: number; answered: number; overdue: number; days: number }
        const acc = () => ({ total: 0, answered: 0, overdue: 0, days: 0 })
        const total: Acc = { name: '合计', ...acc() }
        const byDept = new Map<string, Acc>()
        const byCounty = new Map<string, Acc>()
        for (const r of rows) {
          const deptKey = `${r.org_code}|${r.department}`
          const county = countyOf(r.region_code)
          if (!byDept.has(deptKey)) byDept.set(deptKey, { name: r.department, ...acc() })
          if (!byCounty.has(county)) byCounty.set(county, { name: regionName(county), ...acc() })
          const late = isOverdue(r.created_at, at, r.replied_at)
          const days = r.replied_at ? workingDaysBetween(shanghaiToday(new Date(r.created_at)), shanghaiToday(new Date(r.replied_at))) : 0
          for (const a of [total, byDept.get(deptKey)!, byCounty.get(county)!]) {
            a.total++
            if (late) a.overdue++
            if (r.replied_at) {
              a.answered++
              a.days += days
            }
          }
        }
        const row = (key: string, a: Acc): DeskFigureRow => ({
          key,
          name: a.name,
          total: a.total,
          answered: a.answered,
          open: a.total - a.answered,
          overdue: a.overdue,
          overdueShare: a.total ? Math.round((a.overdue / a.total) * 1000) / 1000 : 0,
          avgReplyWorkingDays: a.answered ? Math.round((a.days / a.answered) * 100) / 100 : null,
        })
        const sorted = (m: Map<string, Acc>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, a]) => row(k, a))
        return { unit: 'workingDays', total: row('total', total), byDepartment: sorted(byDept), byCounty: sorted(byCounty) }
      },
    )

    app.get(
      `${BASE}/responders`,
      {
        schema: { response: { 200: Type.Array(DeskResponder), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(...READERS),
      },
      async (request) =>
        (await desk.responders(orgPrefixPattern(staffOrg(request)))).map((u) => ({
          id: u.id!,
          name: u.nickname,
          orgCode: u.org_code ?? '',
          ...(u.department ? { department: u.department } : {}),
        })),
    )

    app.get(
      `${BASE}/routes`,
      {
        schema: { response: { 200: Type.Array(DeskRoute), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(...READERS),
      },
      async (request): Promise<DeskRouteEntity[]> => {
        const own = staffOrg(request)
        const counties = [CITY_ORG_CODE, ...app.store.regionTree().map((r) => r.code)].filter((c) => orgCovers(own, c) && orgLevel(c) !== 'township')
        const topics = await app.store.content.listTopics()
        const overrides = await desk.routeOverrides()
        const names = app.store.orgNames()
        return counties.flatMap((county) =>
          topics.map((t) => {
            const custom = overrides.get(`${t.id}|${county}`)
            const target = custom ?? defaultRoute(t.id, county, names)
            return {
              topic: t.id,
              topicName: t.name,
              countyCode: county,
              countyName: regionName(county),
              department: { orgCode: target.orgCode, orgName: regionName(target.orgCode), name: target.department },
              custom: custom !== undefined,
            }
          }),
        )
      },
    )

    app.put(
      `${BASE}/routes`,
      {
        schema: { body: RouteInput, response: { 200: DeskRoute, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.route', target: 'org' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request) => {
        const own = staffOrg(request)
        const { topic, countyCode, orgCode, department } = request.body
        if (!orgCovers(own, countyCode) || !orgCovers(own, orgCode)) throw forbidden(OTHER_ORG)
        const topics = await topicNames()
        if (!topics.has(topic)) throw badRequest('请选择咨询主题')
        if (!(await desk.departmentExists(orgCode, department))) throw badRequest('找不到该部门')
        await desk.kysely.transaction().execute(async (trx) => {
          await desk.saveRoute(trx, topic, countyCode, { orgCode, department }, request.user!.id, now().toISOString())
          await auditInTransaction(app, request, { targetId: countyCode, detail: { topic, orgCode, department } }, trx)
        })
        return {
          topic,
          topicName: topics.get(topic)!,
          countyCode,
          countyName: regionName(countyCode),
          department: { orgCode, orgName: regionName(orgCode), name: department },
          custom: true,
        }
      },
    )

    app.get(
      `${BASE}/settings/:code`,
      {
        schema: { params: OrgParams, response: { 200: DeskSettings, ...errors } },
        config: { cache: 'no-store', validationMessages: deskMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        if (!orgCovers(staffOrg(request), request.params.code)) throw forbidden(OTHER_ORG)
        return { orgCode: request.params.code, reviewReplies: await desk.reviewReplies(request.params.code) }
      },
    )

    app.put(
      `${BASE}/settings/:code`,
      {
        schema: { params: OrgParams, body: SettingsInput, response: { 200: DeskSettings, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.settings', target: 'org' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request) => {
        const code = request.params.code
        if (!orgCovers(staffOrg(request), code)) throw forbidden(OTHER_ORG)
        await desk.kysely.transaction().execute(async (trx) => {
          await desk.saveSettings(trx, code, request.body.reviewReplies, request.user!.id, now().toISOString())
          await auditInTransaction(app, request, { targetId: code, detail: { reviewReplies: request.body.reviewReplies } }, trx)
        })
        return { orgCode: code, reviewReplies: request.body.reviewReplies }
      },
    )

    app.get(
      `${BASE}/:id`,
      {
        schema: { params: IdParams, response: { 200: DeskDetail, ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        await covered(request, request.params.id)
        return detailOf(request.params.id)
      },
    )

    const openRow = (row: DeskRow) => {
      if (row.status === 'answered') throw conflict('该咨询已答复')
    }

    app.post(
      `${BASE}/:id/assign`,
      {
        schema: { params: IdParams, body: AssignInput, response: { 200: DeskDetail, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.assign', target: 'consultation' } },
        onRequest: requireRole(...HANDLERS),
        preHandler: writeLimit,
      },
      async (request) => {
        const own = staffOrg(request)
        const id = request.params.id
        const row = await covered(request, id)
        openRow(row)
        const { assigneeId, orgCode, department } = request.body
        let patch: { assignee_id: string | null; org_code?: string; department?: string }
        let note: string
        if (assigneeId) {
          const user = await desk.responder(assigneeId)
          if (!user || user.role !== 'responder' || user.disabled_at !== null || !user.org_code) throw badRequest('请选择答复员')
          if (!orgCovers(own, user.org_code)) throw forbidden(OTHER_ORG)
          if (!orgCovers(user.org_code, row.org_code)) throw badRequest('该答复员不属于承办单位')
          patch = { assignee_id: user.id! }
          note = user.nickname
        } else if (orgCode && department) {
          if (!orgCovers(own, orgCode)) throw forbidden(OTHER_ORG)
          if (!(await desk.departmentExists(orgCode, department))) throw badRequest('找不到该部门')
          patch = { assignee_id: null, org_code: orgCode, department }
          note = department
        } else throw badRequest('请选择答复员或部门')
        await desk.kysely.transaction().execute(async (trx) => {
          const locked = await desk.lock(trx, id)
          if (!locked) throw notFound('找不到该咨询')
          if (locked.draft_text !== null) throw conflict('该咨询的答复正在审核，请先审核')
          const status = await trx.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
          if (status.status === 'answered') throw conflict('该咨询已答复')
          const at = now().toISOString()
          await desk.update(trx, id, { ...patch, updated_at: at })
          await desk.appendEvent(trx, id, 'assigned', actor(request), at, note)
          await auditInTransaction(app, request, { detail: { to: note } }, trx)
        })
        return detailOf(id)
      },
    )

    app.post(
      `${BASE}/:id/transfer`,
      {
        schema: { params: IdParams, body: TransferInput, response: { 200: DeskDetail, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.transfer', target: 'consultation' } },
        onRequest: requireRole(...HANDLERS),
        preHandler: writeLimit,
      },
      async (request) => {
        const id = request.params.id
        const row = await covered(request, id)
        openRow(row)
        const { orgCode, department } = request.body
        const reason = reasonOf(request.body.reason, '转办原因')
        if (!(await desk.departmentExists(orgCode, department))) throw badRequest('找不到该部门')
        if (orgCode === row.org_code && department === row.department) throw badRequest('该咨询已在此部门')
        await desk.kysely.transaction().execute(async (trx) => {
          const locked = await desk.lock(trx, id)
          if (!locked) throw notFound('找不到该咨询')
          if (locked.draft_text !== null) throw conflict('该咨询的答复正在审核，请先审核')
          const status = await trx.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
          if (status.status === 'answered') throw conflict('该咨询已答复')
          const at = now().toISOString()
          await desk.update(trx, id, { org_code: orgCode, department, assignee_id: null, updated_at: at })
          await desk.appendEvent(trx, id, 'transferred', actor(request), at, `${locked.department} → ${department}：${reason}`)
          await auditInTransaction(app, request, { detail: { from: locked.department, to: department } }, trx)
        })
        return detailOf(id)
      },
    )

    /** a StoreConflict as the API says it */
    const storeWrite = async <T>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run()
      } catch (err) {
        if (!(err instanceof StoreConflict)) throw err
        throw err.reason === 'already-answered' ? conflict('该咨询已答复') : idempotencyKeyReused()
      }
    }

    /** after publishReply: the desk's draft cleared, the timeline and the audit log told */
    const afterPublish = async (request: FastifyRequest, id: string, note: string, action?: string) => {
      await desk.kysely.transaction().execute(async (trx) => {
        const at = now().toISOString()
        await desk.update(trx, id, { draft_text: null, drafted_by: null, drafted_at: null, updated_at: at })
        await desk.appendEvent(trx, id, 'replied', actor(request), at, note)
        await auditInTransaction(app, request, { ...(action ? { action } : {}) }, trx)
      })
    }

    app.post(
      `${BASE}/:id/reply`,
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: ReplyInput, response: { 200: DeskDetail, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.reply', target: 'consultation' } },
        onRequest: requireRole(...HANDLERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const id = request.params.id
        const row = await covered(request, id)
        const user = request.user!
        const key = request.headers['idempotency-key']
        const text = request.body.text.trim()
        const hash = requestHash({ id, text })
        // a retry of a reply sent for review is answered before anything is checked again
        const earlier = key && (await findIdempotencyRecord(desk.kysely, user.id, REPLY_SCOPE, key))
        if (earlier) {
          await storeWrite(async () => replayOf(earlier, hash))
          reply.header(REPLAYED_HEADER, 'true')
          return detailOf(id)
        }
        if (!text) throw badRequest('请填写答复内容')
        if (length(text) > CONSULTATION_REPLY_MAX) throw badRequest(`答复最多${CONSULTATION_REPLY_MAX}字`)
        const openid = await app.store.auth.wechatOpenid(user.id)
        const checks = await checkReadableText('text', text, { checker, log: request.log, ...(openid ? { openid } : {}) })
        if (checks.length > 0) throw badRequest(checks[0].message, { checks })

        if (!(await desk.reviewReplies(row.org_code))) {
          const result = await storeWrite(async () =>
            publishReply(app, { consultationId: id, responder: { userId: user.id, department: row.department }, text, idempotencyKey: key }),
          )
          if (!result) throw notFound('找不到该咨询')
          if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
          else await afterPublish(request, id, row.department)
          request.log.info({ consultationId: id, replayed: result.replayed }, 'consultation answered at the desk')
          return detailOf(id)
        }

        const replayed = await storeWrite(() =>
          withIdempotency<{ id: string }, boolean>(
            desk.kysely,
            { userId: user.id, scope: REPLY_SCOPE, key, requestHash: hash },
            async (trx) => {
              const locked = await desk.lock(trx, id)
              if (!locked) throw notFound('找不到该咨询')
              const status = await trx.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
              if (status.status === 'answered') throw new StoreConflict('already-answered')
              if (locked.draft_text !== null) throw conflict('该咨询已有待审核的答复')
              const at = now().toISOString()
              await desk.update(trx, id, { draft_text: text, drafted_by: user.id, drafted_at: at, updated_at: at })
              await desk.appendEvent(trx, id, 'drafted', actor(request), at)
              await auditInTransaction(app, request, { action: 'consultation.desk.draft' }, trx)
              if (
                key &&
                !(await rememberIdempotent(trx, { userId: user.id, scope: REPLY_SCOPE, key, requestHash: hash, status: 200, body: { id }, createdAt: at }))
              )
                throw new KeyTaken()
              return false
            },
            () => true,
          ),
        )
        if (replayed) reply.header(REPLAYED_HEADER, 'true')
        request.log.info({ consultationId: id, replayed }, 'consultation reply sent for review')
        return detailOf(id)
      },
    )

    app.post(
      `${BASE}/:id/reply/approve`,
      {
        schema: { params: IdParams, response: { 200: DeskDetail, ...errors } },
        config: { audit: { action: 'consultation.desk.approve', target: 'consultation' } },
        onRequest: requireRole(...REVIEWERS),
        preHandler: writeLimit,
      },
      async (request) => {
        const id = request.params.id
        const row = await covered(request, id)
        openRow(row)
        if (row.draft_text === null || row.drafted_by === null) throw conflict('该咨询没有待审核的答复')
        if (row.drafted_by === request.user!.id) throw forbidden('不能审核自己提交的答复')
        const result = await storeWrite(async () =>
          publishReply(app, { consultationId: id, responder: { userId: row.drafted_by!, department: row.department }, text: row.draft_text! }),
        )
        if (!result) throw notFound('找不到该咨询')
        await afterPublish(request, id, `审核通过：${row.department}`)
        return detailOf(id)
      },
    )

    app.post(
      `${BASE}/:id/reply/return`,
      {
        schema: { params: IdParams, body: ReturnInput, response: { 200: DeskDetail, ...errors } },
        config: { validationMessages: deskMessages, audit: { action: 'consultation.desk.return', target: 'consultation' } },
        onRequest: requireRole(...REVIEWERS),
        preHandler: writeLimit,
      },
      async (request) => {
        const id = request.params.id
        const row = await covered(request, id)
        openRow(row)
        const reason = reasonOf(request.body.reason, '退回原因')
        if (row.drafted_by === request.user!.id) throw forbidden('不能审核自己提交的答复')
        await desk.kysely.transaction().execute(async (trx) => {
          const locked = await desk.lock(trx, id)
          if (!locked || locked.draft_text === null) throw conflict('该咨询没有待审核的答复')
          const at = now().toISOString()
          await desk.update(trx, id, { draft_text: null, drafted_by: null, drafted_at: null, updated_at: at })
          await desk.appendEvent(trx, id, 'returned', actor(request), at, reason)
          await auditInTransaction(app, request, {}, trx)
        })
        return detailOf(id)
      },
    )
  }
}
