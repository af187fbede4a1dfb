/**
 * 宣讲 in the console, under /api/v1/admin/:
 *
 *   GET  /admin/lecture-topics?q=&active=&page=&pageSize=  · POST /admin/lecture-topics · PUT /admin/lecture-topics/:id
 *   GET  /admin/lecturers?q=&topicId=&org=&page=&pageSize=  · POST /admin/lecturers · PUT /admin/lecturers/:id
 *   GET  /admin/lecturers/:id/calendar?from=&to=
 *   GET  /admin/lecture-orders?q=&status=&county=&lecturerId=&page=&pageSize=  · GET /admin/lecture-orders/export.csv
 *   GET  /admin/lecture-orders/:id · GET /admin/lecture-orders/:id/candidates
 *   POST /admin/lecture-orders/:id/{assign,reject,photos}                   (Idempotency-Key)
 *
 * 派单员 dispatches the orders of their organisation and below, to lecturers of their organisation
 * and below; 管理员 sees all of their organisation and keeps its topics and lecturers; 宣讲员
 * sees their own orders and calendar. An order, topic or lecturer outside the caller's
 * organisation is refused with 403 and nothing changes. Assigning and refusing go through the
 * lectures module's repository and rules (the same transitions as the phone: 派单, 驳回), so the
 * order's timeline, the orderer's notice and the idempotency record are written as there.
 * Contacts are masked in lists and in the CSV; every write is audited.
 */
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { Type } from '@sinclair/typebox'
import {
  type DeskLecturer as DeskLecturerEntity,
  type DeskLecturerInput,
  type DeskTopicInput,
  LECTURE_PHOTOS_MAX,
  type LecturerCandidate,
  lectureStatusLabel,
  type Role,
  timeOfDayLabel,
  type User,
} from '../../../common/contract'
import { addDays } from '../../../common/shanghai-date'
import { CONTENT_REFUSED_MESSAGE, createContentChecker, type ContentChecker } from '../../content-check'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import type { WechatConfig } from '../../wechat/jscode2session'
import { auditInTransaction } from '../audit/plugin'
import { isOrgCode, orgCovers } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { IdempotencyHeaders } from '../consultations/schemas'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash } from '../idempotency'
import { IdempotencyKeyReused } from '../lectures/idempotency'
import { createLectureNotifier } from '../lectures/notifier'
import { type LectureCaller, type LectureCommand, type LectureOrderRecord, LectureRefusal, toOrderView } from '../lectures/orders'
import { decide } from '../lectures/rules'
import { LectureOrder } from '../lectures/schemas'
import { validReason } from '../lectures/validate'
import { StaffScopeRepository } from '../staff-scope/repository'
import { regionPattern, requireOrg } from '../staff-scope/scope'
import { availability, daysOf } from './availability'
import { LectureDeskRepository } from './repository'
import {
  AssignInput,
  Calendar,
  CalendarQuery,
  Candidate,
  DeskLecturer,
  DeskOrderSummary,
  DeskTopic,
  ExportQuery,
  LecturerInput,
  LecturerQuery,
  lecturerMessages,
  OrderQuery,
  PhotosInput,
  queryMessages,
  RejectInput,
  stepMessages,
  TopicInput,
  TopicQuery,
  topicMessages,
} from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const READERS: Role[] = ['dispatcher', 'admin', 'lecturer']
export const OTHER_ORG_ORDER = '不能查看或处理其他单位的宣讲点单'
export const OTHER_ORG_LECTURER = '只能安排本单位及下级单位的宣讲员'
export const OTHER_ORG_TOPIC = '不能修改其他单位的宣讲专题'
/** the longest CSV export */
export const EXPORT_MAX = 5000
/** the longest calendar span asked at once */
export const CALENDAR_MAX_DAYS = 62

export interface LectureDeskOptions {
  wechat?: WechatConfig
  contentChecker?: ContentChecker
}

export function lectureDeskRoutes(options: LectureDeskOptions = {}): RoutePlugin {
  return async (app) => {
    const desk = new LectureDeskRepository(app.store.database)
    const lectures = app.store.lectures
    const scope = new StaffScopeRepository(app.store.database)
    const db = () => app.store.database.kysely
    const notifier = createLectureNotifier({ lectures, wechatOpenid: (userId) => app.store.auth.wechatOpenid(userId) }, options.wechat)
    app.addHook('onClose', async () => notifier.settle())
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    const writeLimit = app.limit({ name: 'lecture-desk-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁，请稍后再试' })

    const checkTexts = async (request: FastifyRequest, texts: readonly string[]) => {
      const openid = await app.store.auth.wechatOpenid(request.user!.id)
      for (const text of texts) {
        const check = await checker.checkText(text, { openid, log: request.log })
        if (!check.ok) throw badRequest(CONTENT_REFUSED_MESSAGE)
      }
    }

    const callerOf = async (user: User): Promise<LectureCaller> => {
      const lecturerId = user.role === 'lecturer' ? await scope.lecturerIdOf(user.id) : undefined
      return { id: user.id, role: user.role, name: user.nickname, ...(lecturerId ? { lecturerId } : {}) }
    }

    /** the order if the caller may see it: staff of a covering organisation, or its lecturer; 403 otherwise */
    const orderFor = async (request: FastifyRequest, id: string): Promise<{ order: LectureOrderRecord; caller: LectureCaller }> => {
      const user = request.user!
      const caller = await callerOf(user)
      const order = await lectures.getOrder(id)
      if (!order) throw notFound('找不到该点单')
      if (user.role === 'lecturer') {
        if (!caller.lecturerId || order.lecturerId !== caller.lecturerId) throw forbidden('只能查看派给自己的点单')
      } else if (!orgCovers(requireOrg(user), order.villageCode)) throw forbidden(OTHER_ORG_ORDER)
      return { order, caller }
    }

    /** the lecturers the caller may see and dispatch to */
    const visibleLecturers = async (user: User): Promise<DeskLecturerEntity[]> => {
      const all = await desk.lecturers()
      if (user.role === 'lecturer') {
        const own = await scope.lecturerIdOf(user.id)
        return all.filter((l) => l.id === own)
      }
      const org = requireOrg(user)
      return all.filter((l) => orgCovers(org, l.orgCode))
    }

    // ---- topics ----------------------------------------------------------------------------

    app.get(
      '/admin/lecture-topics',
      {
        schema: { querystring: TopicQuery, response: { 200: PageOf(DeskTopic), ...errors } },
        config: { cache: 'no-store', validationMessages: queryMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const { q, active, page, pageSize } = request.query
        return desk.listTopics({ q: q?.trim() || undefined, ...(active ? { active: active === 'true' } : {}), page, pageSize })
      },
    )

    const validTopic = async (request: FastifyRequest, input: DeskTopicInput): Promise<DeskTopicInput> => {
      const trimmed = { ...input, title: input.title.trim(), summary: input.summary.trim(), department: input.department.trim() }
      if (!trimmed.title) throw badRequest(topicMessages.title)
      if (!trimmed.summary) throw badRequest(topicMessages.summary)
      if (!trimmed.department) throw badRequest(topicMessages.department)
      if (!isOrgCode(trimmed.orgCode)) throw badRequest(topicMessages.orgCode)
      if (!orgCovers(requireOrg(request.user!), trimmed.orgCode)) throw forbidden(OTHER_ORG_TOPIC)
      if (!(await desk.knownTopic(trimmed.topic))) throw badRequest(topicMessages.topic)
      const known = await desk.knownPolicies(trimmed.policyIds)
      const unknown = trimmed.policyIds.find((id) => !known.has(id))
      if (unknown) throw badRequest(`找不到关联政策「${unknown}」`)
      await checkTexts(request, [trimmed.title, trimmed.summary, trimmed.department])
      return trimmed
    }

    /** runs an idempotent console write: replays an earlier answer with the same key and input */
    async function once<T>(
      request: FastifyRequest,
      scopeName: string,
      input: unknown,
      status: number,
      run: (trx: Kysely<DB>) => Promise<T>,
    ): Promise<{ body: T; replayed: boolean }> {
      const user = request.user!
      const key = request.headers['idempotency-key'] as string | undefined
      const hash = requestHash(input)
      const replay = async () => {
        const earlier = key ? await findIdempotencyRecord(db(), user.id, scopeName, key) : undefined
        if (!earlier) return undefined
        if (earlier.requestHash !== hash) throw idempotencyKeyReused()
        return earlier.body as T
      }
      const earlier = await replay()
      if (earlier !== undefined) return { body: earlier, replayed: true }
      try {
        const body = await db()
          .transaction()
          .execute(async (trx) => {
            const result = await run(trx)
            if (key) {
              const claimed = await rememberIdempotent(trx, {
                userId: user.id,
                scope: scopeName,
                key,
                requestHash: hash,
                status,
                body: result,
                createdAt: app.store.now().toISOString(),
              })
              if (!claimed) throw new KeyTaken()
            }
            return result
          })
        return { body, replayed: false }
      } catch (err) {
        if (!(err instanceof KeyTaken)) throw err
        const first = await replay()
        if (first === undefined) throw err
        return { body: first, replayed: true }
      }
    }

    app.post(
      '/admin/lecture-topics',
      {
        schema: { headers: IdempotencyHeaders, body: TopicInput, response: { 201: DeskTopic, ...errors } },
        config: { validationMessages: topicMessages, audit: { action: 'lecture-topic.create', target: 'lectureTopic' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const input = await validTopic(request, request.body)
        const result = await once(request, 'POST /admin/lecture-topics', input, 201, async (trx) => {
          const id = await desk.createTopic(trx, input, app.store.now())
          await auditInTransaction(app, request, { targetId: id, detail: { title: input.title, orgCode: input.orgCode } }, trx)
          return (await desk.getTopic(id, trx))!
        })
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        request.audited = true
        return reply.code(201).send(result.body)
      },
    )

    app.put(
      '/admin/lecture-topics/:id',
      {
        schema: { params: IdParams, body: TopicInput, response: { 200: DeskTopic, ...errors } },
        config: { validationMessages: topicMessages, audit: { action: 'lecture-topic.update', target: 'lectureTopic' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request) => {
        const before = await desk.getTopic(request.params.id)
        if (!before) throw notFound('找不到该宣讲专题')
        if (!orgCovers(requireOrg(request.user!), before.orgCode)) throw forbidden(OTHER_ORG_TOPIC)
        const input = await validTopic(request, request.body)
        return db()
          .transaction()
          .execute(async (trx) => {
            await desk.updateTopic(trx, before.id, input, app.store.now())
            await auditInTransaction(app, request, { detail: { title: input.title, active: input.active } }, trx)
            return (await desk.getTopic(before.id, trx))!
          })
      },
    )

    // ---- lecturers -------------------------------------------------------------------------

    app.get(
      '/admin/lecturers',
      {
        schema: { querystring: LecturerQuery, response: { 200: PageOf(DeskLecturer), ...errors } },
        config: { cache: 'no-store', validationMessages: queryMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const { q, topicId, org, page, pageSize } = request.query
        if (org && (!isOrgCode(org) || (request.user!.role !== 'lecturer' && !orgCovers(requireOrg(request.user!), org)))) {
          throw forbidden('不能查看其他单位的宣讲员')
        }
        const term = q?.trim()
        const items = (await visibleLecturers(request.user!)).filter(
          (l) =>
            (!term || l.name.includes(term) || l.title.includes(term)) && (!topicId || l.topicIds.includes(topicId)) && (!org || orgCovers(org, l.orgCode)),
        )
        const start = (page - 1) * pageSize
        return { items: items.slice(start, start + pageSize), total: items.length, page, pageSize }
      },
    )

    const validLecturer = async (request: FastifyRequest, input: DeskLecturerInput): Promise<DeskLecturerInput> => {
      const trimmed = { ...input, name: input.name.trim(), title: input.title.trim() }
      if (!trimmed.name) throw badRequest(lecturerMessages.name)
      if (!trimmed.title) throw badRequest(lecturerMessages.title)
      if (!isOrgCode(trimmed.orgCode)) throw badRequest(lecturerMessages.orgCode)
      if (!orgCovers(requireOrg(request.user!), trimmed.orgCode)) throw forbidden(OTHER_ORG_LECTURER)
      const topics = new Set((await desk.listTopics({ page: 1, pageSize: 10_000 })).items.map((t) => t.id))
      if (trimmed.topicIds.some((id) => !topics.has(id))) throw badRequest(lecturerMessages.topicIds)
      const slots = new Set(trimmed.weeklySlots.map((s) => `${s.weekday}-${s.timeOfDay}`))
      if (slots.size !== trimmed.weeklySlots.length) throw badRequest('每周可安排时段有重复')
      await checkTexts(request, [trimmed.name, trimmed.title])
      return { ...trimmed, blockedDates: [...trimmed.blockedDates].sort() }
    }

    app.post(
      '/admin/lecturers',
      {
        schema: { headers: IdempotencyHeaders, body: LecturerInput, response: { 201: DeskLecturer, ...errors } },
        config: { validationMessages: lecturerMessages, audit: { action: 'lecturer.create', target: 'lecturer' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const input = await validLecturer(request, request.body)
        const result = await once(request, 'POST /admin/lecturers', input, 201, async (trx) => {
          const id = `lec-${crypto.randomUUID().slice(0, 8)}`
          await desk.saveLecturer(trx, id, input, app.store.now())
          await auditInTransaction(app, request, { targetId: id, detail: { name: input.name, orgCode: input.orgCode } }, trx)
          return (await desk.lecturer(id, trx))!
        })
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        request.audited = true
        return reply.code(201).send(result.body)
      },
    )

    app.put(
      '/admin/lecturers/:id',
      {
        schema: { params: IdParams, body: LecturerInput, response: { 200: DeskLecturer, ...errors } },
        config: { validationMessages: lecturerMessages, audit: { action: 'lecturer.update', target: 'lecturer' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request) => {
        const before = await desk.lecturer(request.params.id)
        if (!before) throw notFound('找不到该宣讲员')
        if (!orgCovers(requireOrg(request.user!), before.orgCode)) throw forbidden(OTHER_ORG_LECTURER)
        const input = await validLecturer(request, request.body)
        return db()
          .transaction()
          .execute(async (trx) => {
            await desk.saveLecturer(trx, before.id, input, app.store.now())
            await auditInTransaction(app, request, { detail: { name: input.name, orgCode: input.orgCode, active: input.active } }, trx)
            return (await desk.lecturer(before.id, trx))!
          })
      },
    )

    app.get(
      '/admin/lecturers/:id/calendar',
      {
        schema: { params: IdParams, querystring: CalendarQuery, response: { 200: Calendar, ...errors } },
        config: { cache: 'no-store', validationMessages: queryMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const { from, to } = request.query
        if (to < from || daysOf(from, to).length >= CALENDAR_MAX_DAYS || addDays(from, CALENDAR_MAX_DAYS) <= to) {
          throw badRequest(`日历的日期范围须在${CALENDAR_MAX_DAYS}天以内`)
        }
        const lecturer = (await visibleLecturers(request.user!)).find((l) => l.id === request.params.id)
        if (!lecturer) {
          if (await desk.lecturer(request.params.id)) throw forbidden(request.user!.role === 'lecturer' ? '只能查看自己的日历' : OTHER_ORG_LECTURER)
          throw notFound('找不到该宣讲员')
        }
        return {
          lecturerId: lecturer.id,
          from,
          to,
          entries: await desk.calendar(lecturer.id, from, to),
          blockedDates: lecturer.blockedDates.filter((d) => d >= from && d <= to),
          weeklySlots: lecturer.weeklySlots,
        }
      },
    )

    // ---- the dispatch desk -----------------------------------------------------------------

    /** the list's filters for the caller: their organisation and below, or their own orders */
    const orderFilter = async (request: FastifyRequest, query: { q?: string; status?: string; county?: string; lecturerId?: string }) => {
      const user = request.user!
      const base = {
        q: query.q?.trim() || undefined,
        status: (query.status || undefined) as never,
        county: query.county || undefined,
        lecturerId: query.lecturerId || undefined,
      }
      if (user.role === 'lecturer') {
        const own = await scope.lecturerIdOf(user.id)
        // a lecturer account not linked to a lecturer has no orders: an id no lecturer has (no NUL: PostgreSQL refuses it in text)
        return { ...base, lecturerId: own ?? 'lecturer:none' }
      }
      const org = requireOrg(user)
      if (base.county && (!isOrgCode(base.county) || !orgCovers(org, base.county))) throw forbidden(OTHER_ORG_ORDER)
      return { ...base, regionPattern: regionPattern(org) }
    }

    app.get(
      '/admin/lecture-orders',
      {
        schema: { querystring: OrderQuery, response: { 200: PageOf(DeskOrderSummary), ...errors } },
        config: { cache: 'no-store', validationMessages: queryMessages, audit: { action: 'lecture.desk.view', target: 'lectureOrder' } },
        onRequest: requireRole(...READERS),
      },
      async (request) => desk.listOrders({ ...(await orderFilter(request, request.query)), page: request.query.page, pageSize: request.query.pageSize }),
    )

    app.get(
      '/admin/lecture-orders/export.csv',
      {
        schema: { querystring: ExportQuery },
        config: { cache: 'no-store', validationMessages: queryMessages, audit: { action: 'lecture.desk.export', target: 'lectureOrder' } },
        onRequest: requireRole('dispatcher', 'admin'),
      },
      async (request, reply) => {
        const page = await desk.listOrders({ ...(await orderFilter(request, request.query)), page: 1, pageSize: EXPORT_MAX }, EXPORT_MAX)
        const header = [
          '点单编号',
          '宣讲专题',
          '村（社区）',
          '地点',
          '期望日期',
          '时段',
          '人数',
          '联系人',
          '联系电话',
          '状态',
          '宣讲员',
          '排期',
          '现场照片',
          '点单时间',
        ]
        const rows = page.items.map((o) => [
          o.id,
          o.topicTitle,
          o.regionName,
          o.placeName,
          `${o.dateFrom} 至 ${o.dateTo}`,
          timeOfDayLabel[o.timeOfDay],
          o.audienceSize,
          o.contactName,
          o.contactPhone,
          lectureStatusLabel[o.status],
          o.lecturerName ?? '',
          o.schedule ? `${o.schedule.date} ${o.schedule.time} ${o.schedule.place}` : '',
          o.photos,
          o.createdAt,
        ])
        const cell = (v: unknown) => {
          let s = String(v)
          if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
          return `"${s.replace(/"/g, '""')}"`
        }
        const csv = '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="lecture-orders.csv"; filename*=UTF-8''${encodeURIComponent('宣讲点单')}.csv`)
          .send(csv)
      },
    )

    app.get(
      '/admin/lecture-orders/:id',
      {
        schema: { params: IdParams, response: { 200: LectureOrder, ...errors } },
        config: { cache: 'no-store', audit: { action: 'lecture.view', target: 'lectureOrder' } },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const { order, caller } = await orderFor(request, request.params.id)
        return toOrderView(order, caller)
      },
    )

    /** the topic's lecturers the dispatcher may use, each with their availability for the order */
    const candidatesFor = async (user: User, order: LectureOrderRecord): Promise<LecturerCandidate[]> => {
      const lecturers = (await visibleLecturers(user)).filter((l) => l.topicIds.includes(order.topicId))
      const out: LecturerCandidate[] = []
      for (const l of lecturers) {
        const a = availability(l, order, await desk.busy(l.id, order.id))
        out.push({ id: l.id, name: l.name, title: l.title, orgCode: l.orgCode, ...a })
      }
      return out.sort((x, y) => Number(y.available) - Number(x.available) || y.freeDates.length - x.freeDates.length)
    }

    app.get(
      '/admin/lecture-orders/:id/candidates',
      {
        schema: { params: IdParams, response: { 200: Type.Array(Candidate), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole('dispatcher', 'admin'),
      },
      async (request) => {
        const { order } = await orderFor(request, request.params.id)
        return candidatesFor(request.user!, order)
      },
    )

    /** a step through the lectures repository: its refusals as the API says them */
    const step = async (request: FastifyRequest, order: LectureOrderRecord, caller: LectureCaller, command: LectureCommand) => {
      const key = request.headers['idempotency-key'] as string | undefined
      try {
        const result = await lectures.transition(order.id, command, caller, { idempotencyKey: key, wechat: await notifier.initialState(order.userId) })
        if (!result) throw notFound('找不到该点单')
        if (result.notification) void notifier.deliver(result.notification, order.userId, order.topicTitle, request.log)
        return result
      } catch (err) {
        if (err instanceof LectureRefusal) throw conflict(err.message)
        if (err instanceof IdempotencyKeyReused) throw idempotencyKeyReused()
        throw err
      }
    }

    /** an earlier answer to this key on this order: a retry replays before any check (the state has moved on) */
    const isRetry = async (request: FastifyRequest, action: string, orderId: string) => {
      const key = request.headers['idempotency-key'] as string | undefined
      if (!key) return false
      const earlier = await lectures.findReplay(request.user!.id, `POST /lecture-orders/:id/${action}`, key)
      return (earlier?.body as { id?: string } | undefined)?.id === orderId
    }

    app.post(
      '/admin/lecture-orders/:id/assign',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: AssignInput, response: { 200: LectureOrder, ...errors } },
        config: { validationMessages: stepMessages, audit: { action: 'lecture.dispatch', target: 'lectureOrder' } },
        onRequest: requireRole('dispatcher'),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const { order, caller } = await orderFor(request, request.params.id)
        const retry = await isRetry(request, 'dispatch', order.id)
        const lecturerId = request.body.lecturerId
        const note = request.body.note?.trim()
        const lecturer = await desk.lecturer(lecturerId)
        if (!lecturer || !lecturer.topicIds.includes(order.topicId)) throw badRequest('请从该专题的宣讲员中选择')
        if (!retry) {
          const decision = decide('dispatch', 'dispatcher', order.status)
          if (!decision.ok) throw conflict(decision.message)
          if (!orgCovers(requireOrg(request.user!), lecturer.orgCode)) throw forbidden(OTHER_ORG_LECTURER)
          const a = availability(lecturer, order, await desk.busy(lecturer.id, order.id))
          if (!a.available) throw conflict(`${lecturer.name}在点单时段内无法安排：${a.notes[0] ?? '没有空闲日期'}`)
          if (note) await checkTexts(request, [note])
        }
        const result = await step(request, order, caller, {
          action: 'dispatch',
          lecturerId: lecturer.id,
          lecturerName: lecturer.name,
          ...(note ? { note } : {}),
        })
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        return result.order
      },
    )

    app.post(
      '/admin/lecture-orders/:id/reject',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: RejectInput, response: { 200: LectureOrder, ...errors } },
        config: { validationMessages: stepMessages, audit: { action: 'lecture.reject', target: 'lectureOrder' } },
        onRequest: requireRole('dispatcher'),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const { order, caller } = await orderFor(request, request.params.id)
        const retry = await isRetry(request, 'reject', order.id)
        const reason = validReason(request.body.reason, '驳回原因')
        if (!retry) {
          const decision = decide('reject', 'dispatcher', order.status)
          if (!decision.ok) throw conflict(decision.message)
          await checkTexts(request, [reason])
        }
        const result = await step(request, order, caller, { action: 'reject', reason })
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        return result.order
      },
    )

    app.post(
      '/admin/lecture-orders/:id/photos',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: PhotosInput, response: { 200: LectureOrder, ...errors } },
        config: { validationMessages: stepMessages, audit: { action: 'lecture.report.photos', target: 'lectureOrder' } },
        onRequest: requireRole('admin', 'lecturer'),
        preHandler: writeLimit,
      },
      async (request) => {
        const { order, caller } = await orderFor(request, request.params.id)
        const photos = request.body.photos.map((p) => p.trim())
        const own = await app.uploads.uploadsOf(photos, request.user!.id)
        if (photos.some((p) => !own.has(p))) throw badRequest('照片须为您本人上传的图片')
        await db()
          .transaction()
          .execute(async (trx) => {
            const next = await desk.addReportPhotos(trx, order.id, photos, LECTURE_PHOTOS_MAX, app.store.now())
            if (next === undefined) throw conflict('宣讲完成并提交报告后才能补充现场照片')
            if (next === 'full') throw badRequest(`现场照片最多${LECTURE_PHOTOS_MAX}张`)
            await auditInTransaction(app, request, { detail: { photos: photos.length } }, trx)
          })
        return toOrderView((await lectures.getOrder(order.id))!, caller)
      },
    )
  }
}
