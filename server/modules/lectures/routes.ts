/**
 * 宣讲点单: residents and service-point staff order a lecture from the menu; the dispatcher
 * assigns (or re-assigns, or rejects) it; the assigned lecturer accepts or declines, schedules and
 * files the completion report; the orderer cancels before scheduling and rates once delivered.
 * Every step is a command checked here (400), applied by the rules in the repository's transaction
 * (409 when refused) and recorded with who and when; each writes the orderer a notification.
 * Writes take an Idempotency-Key. Phone numbers are masked in every view but the dispatcher's and
 * the assigned lecturer's, and never logged.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LECTURE_LEAD_DAYS_DEFAULT, LECTURE_SIGN_IN_PREFIX, type LectureAction, type LectureCalendarEntry, type User } from '../../../common/contract'
import { CONTENT_REFUSED_MESSAGE, createContentChecker, type ContentChecker } from '../../content-check'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { WRITE_LIMITS } from '../abuse/limits'
import { rateLimited } from '../../plugins/rate-limit'
import { StaffScopeRepository } from '../staff-scope/repository'
import { covers, regionPattern, requireOrg } from '../staff-scope/scope'
import { orgCovers } from '../auth/org-scope'
import { createLectureNotifier } from './notifier'
import { IdempotencyKeyReused } from './idempotency'
import { type LectureCaller, type LectureCommand, LectureRefusal, type LectureOrderRecord, lectureScope, toOrderView } from './orders'
import { actorOf, canView, decide, ORDERING_ROLES, type Timing, timingOf } from './rules'
import { validComplete, validDispatch, validOrderInput, validRate, validReason, validSchedule } from './validate'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import { IdempotencyHeaders } from '../consultations/schemas'
import {
  CalendarEntry,
  CalendarQuery,
  CompleteInput,
  DispatchInput,
  EmptyInput,
  LectureOrder,
  LectureOrderInput,
  LectureOrderQuery,
  Notification,
  OptionalReasonInput,
  RateInput,
  ReasonInput,
  ScheduleInput,
  SignInCode,
  SignInInput,
  SignInResult,
} from './schemas'
import type { LectureOrderWrite, SignInLock, SignInOutcome } from './types'
import type { App, RoutePlugin } from '../../type-provider'
import type { WechatConfig } from '../../wechat/jscode2session'
import { REPLAYED_HEADER } from '../consultations/routes'

export interface LectureRoutesOptions {
  wechat?: WechatConfig
  /** the check on every text others will read (notes, reasons, summaries, comments); tests may pass their own */
  contentChecker?: ContentChecker
  /** the clock for "no past dates" (default the store's, which POST /dev/clock moves); tests pin it */
  now?: () => Date
  /** 提前预约: an order's first wished date is at least this many days after today (default 3) */
  leadDays?: number
}

/** what a caller locked out of sign-in by their own wrong codes is told, before 「请 N 分钟后再试」 */
const SIGN_IN_LOCKED: Record<SignInLock, string> = {
  order: '签到码错误次数过多，您对该宣讲的签到已暂停',
  'code-only': '签到码错误次数过多，按签到码签到已暂停',
  day: '今天签到码错误次数过多，签到已暂停',
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody }
const personal = { cache: 'no-store' as const }

const orderMessages = {
  topicId: '请从宣讲菜单中选择专题',
  format: '请选择宣讲形式',
  villageCode: '请选择宣讲所在的村（社区）',
  placeName: '宣讲地点过长',
  dateFrom: '请选择开始日期',
  dateTo: '请选择结束日期',
  timeOfDay: '请选择上午、下午或晚上',
  audienceSize: '请填写预计听众人数',
  contactName: '联系人过长',
  contactPhone: '手机号格式不正确，请填写11位手机号',
  notes: '备注过长',
  'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符',
}

const stepMessages = {
  lecturerId: '请选择宣讲员',
  reason: '原因过长',
  note: '说明过长',
  date: '请选择宣讲日期',
  time: '请选择宣讲时间',
  place: '宣讲地点过长',
  attendance: '请填写到场人数',
  summary: '宣讲小结过长',
  photos: '照片过多',
  stars: '请选择1到5星',
  comment: '评价过长',
  code: '请填写签到码',
  'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符',
}

/** the texts of a step that someone else will read: the orderer, the lecturer, or everyone (ratings) */
function publicTexts(command: LectureCommand): string[] {
  switch (command.action) {
    case 'dispatch':
      return command.note ? [command.note] : []
    case 'decline':
    case 'reject':
      return [command.reason]
    case 'cancel':
      return command.reason ? [command.reason] : []
    case 'schedule':
      return [command.place]
    case 'complete':
      return [command.summary]
    case 'rate':
      return command.comment ? [command.comment] : []
    case 'accept':
      return []
  }
}

/** a lecturer account speaks for the lecturer it is linked to (users.lecturer_id), never by its name */
async function callerOf(app: App, user: User): Promise<LectureCaller> {
  const lecturerId = user.role === 'lecturer' ? await new StaffScopeRepository(app.store.database).lecturerIdOf(user.id) : undefined
  return { id: user.id, role: user.role, name: user.nickname, ...(lecturerId ? { lecturerId } : {}) }
}

/**
 * Whether the caller may open the order: its parties (orderer, assigned lecturer) always; a
 * dispatcher or admin only when their organisation covers the order's village (分级维护).
 */
function sees(order: LectureOrderRecord, caller: LectureCaller, user: User): boolean {
  const actor = actorOf(order, caller)
  if (!canView(actor)) return false
  if (actor === 'dispatcher' || actor === 'admin') return covers(user, order.villageCode)
  return true
}

/** a repository write, with its refusals as the API says them */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof LectureRefusal) throw conflict(err.message)
    if (err instanceof IdempotencyKeyReused) throw idempotencyKeyReused()
    throw err
  }
}

function toCalendarEntry(r: LectureOrderRecord): LectureCalendarEntry {
  return {
    orderId: r.id,
    topicTitle: r.topicTitle,
    format: r.format,
    status: r.status,
    date: r.schedule!.date,
    time: r.schedule!.time,
    place: r.schedule!.place,
    countyCode: r.countyCode,
    townshipCode: r.townshipCode,
    townshipName: r.regionName.split(' ')[1] ?? '',
    regionName: r.regionName,
    ...(r.lecturerName ? { lecturerName: r.lecturerName } : {}),
  }
}

export function lectureRoutes(options: LectureRoutesOptions = {}): RoutePlugin {
  return async (app) => {
    const now = options.now ?? (() => app.store.now())
    const leadDays = options.leadDays ?? LECTURE_LEAD_DAYS_DEFAULT
    const lectures = app.store.lectures
    const notifier = createLectureNotifier({ lectures, wechatOpenid: (userId) => app.store.auth.wechatOpenid(userId) }, options.wechat)
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    /** 400 and nothing stored when any of the texts fails the content check */
    const checkTexts = async (request: FastifyRequest, userId: string, texts: readonly string[]) => {
      const openid = await app.store.auth.wechatOpenid(userId)
      for (const text of texts) {
        const check = await checker.checkText(text, { openid, log: request.log })
        if (!check.ok) throw badRequest(CONTENT_REFUSED_MESSAGE)
      }
    }
    app.addHook('onClose', async () => notifier.settle())

    /**
     * "today" for the date checks: now, or for a retry of an earlier write with the same key the
     * day that write was made, so a retry after midnight still replays instead of failing
     */
    const timingFor = async (request: FastifyRequest, userId: string, scope: string): Promise<Timing> => {
      const key = request.headers['idempotency-key']
      const earlier = typeof key === 'string' ? await lectures.findReplay(userId, scope, key) : undefined
      return timingOf(earlier ? new Date(earlier.createdAt) : now())
    }

    const finish = (request: FastifyRequest, reply: FastifyReply, result: LectureOrderWrite, ordererId: string, topicTitle: string) => {
      if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
      if (result.notification) void notifier.deliver(result.notification, ordererId, topicTitle, request.log)
      return result.order
    }

    app.post(
      '/lecture-orders',
      {
        schema: { headers: IdempotencyHeaders, body: LectureOrderInput, response: { 201: LectureOrder, ...errors } },
        // an order placed by staff (便民服务点, for a village) is in the audit log; a resident's own is not
        config: { validationMessages: orderMessages, audit: { action: 'lecture.create', target: 'lectureOrder' } },
        onRequest: requireRole(),
        preHandler: [app.limit(WRITE_LIMITS.lectureOrderPerUser), app.limit(WRITE_LIMITS.lectureOrderPerIp)],
      },
      async (request, reply) => {
        const user = request.user!
        if (!ORDERING_ROLES.includes(user.role)) throw forbidden('只有居民或便民服务点工作人员可以点单')
        const fields = validOrderInput(request.body, {
          topics: await lectures.listTopics(),
          regions: await app.store.content.regionTree(),
          timing: await timingFor(request, user.id, lectureScope('submit')),
          leadDays,
        })
        // the dispatcher and the lecturer read the place, the contact's name and the notes; a retry is not checked again
        const key = request.headers['idempotency-key']
        if (!(key && (await lectures.findReplay(user.id, lectureScope('submit'), key)))) {
          await checkTexts(request, user.id, [fields.placeName, fields.contactName, ...(fields.notes ? [fields.notes] : [])])
        }
        const caller = await callerOf(app, user)
        const wechat = await notifier.initialState(user.id)
        const result = await write(() => lectures.createOrder(caller, fields, { idempotencyKey: request.headers['idempotency-key'], wechat }))
        request.log.info({ lectureOrderId: result.order.id, replayed: result.replayed }, 'lecture order submitted')
        request.auditTargetId = result.order.id
        reply.code(201)
        return finish(request, reply, result, user.id, fields.topicTitle)
      },
    )

    app.get(
      '/lecture-orders/mine',
      { schema: { response: { 200: Type.Array(LectureOrder), ...errors } }, config: personal, onRequest: requireRole() },
      async (request) => {
        const caller = await callerOf(app, request.user!)
        return (await lectures.listOrdersByUser(caller.id)).map((r) => toOrderView(r, caller))
      },
    )

    app.get(
      '/lecture-orders',
      {
        schema: { querystring: LectureOrderQuery, response: { 200: PageOf(LectureOrder), ...errors } },
        config: { ...personal, audit: { action: 'lecture.list.view', target: 'lectureOrder' } },
        onRequest: requireRole('dispatcher', 'admin'),
      },
      async (request) => {
        const caller = await callerOf(app, request.user!)
        // only the caller's organisation and below (a staff account without one sees nothing)
        const pattern = regionPattern(requireOrg(request.user!))
        const page = await lectures.listOrders({ ...request.query, county: request.query.county || undefined, regionPattern: pattern })
        return { ...page, items: page.items.map((r) => toOrderView(r, caller)) }
      },
    )

    app.get(
      '/lecture-orders/assigned',
      {
        schema: { response: { 200: Type.Array(LectureOrder), ...errors } },
        config: { ...personal, audit: { action: 'lecture.assigned.view', target: 'lectureOrder' } },
        onRequest: requireRole('lecturer'),
      },
      async (request) => {
        const caller = await callerOf(app, request.user!)
        if (!caller.lecturerId) return []
        return (await lectures.listOrdersByLecturer(caller.lecturerId)).map((r) => toOrderView(r, caller))
      },
    )

    /** the order if the caller may open it; 404 otherwise, as for an unknown id */
    const visibleOrder = async (id: string, caller: LectureCaller, user: User): Promise<LectureOrderRecord> => {
      const record = await lectures.getOrder(id)
      if (!record || !sees(record, caller, user)) throw notFound('找不到该点单')
      return record
    }

    app.get(
      '/lecture-orders/:id',
      {
        schema: { params: IdParams, response: { 200: LectureOrder, ...errors } },
        // staff opening an order read its contact's name and number (a resident's own is not recorded)
        config: { ...personal, audit: { action: 'lecture.view', target: 'lectureOrder' } },
        onRequest: requireRole(),
      },
      async (request) => {
        const caller = await callerOf(app, request.user!)
        return toOrderView(await visibleOrder(request.params.id, caller, request.user!), caller)
      },
    )

    /** one step of the workflow: validate, apply through the rules, notify */
    function step<B>(
      action: LectureAction,
      body: object,
      command: (body: B, order: LectureOrderRecord, timing: Timing, user: User) => LectureCommand | Promise<LectureCommand>,
    ) {
      app.post(
        `/lecture-orders/:id/${action}`,
        {
          schema: { params: IdParams, headers: IdempotencyHeaders, body, response: { 200: LectureOrder, ...errors } },
          config: { validationMessages: stepMessages, audit: { action: `lecture.${action}`, target: 'lectureOrder' } },
          onRequest: requireRole(),
        },
        async (request, reply) => {
          const user = request.user!
          const caller = await callerOf(app, user)
          const id = (request.params as { id: string }).id
          const order = await lectures.getOrder(id)
          const key = request.headers['idempotency-key'] as string | undefined
          // who may and when first (a clear 409 beats fixing a form one cannot send), unless this
          // is a retry of an earlier step, which the repository replays; it decides again in its
          // transaction, so this early answer can never let a step through
          const earlier = key === undefined ? undefined : await lectures.findReplay(user.id, lectureScope(action), key)
          const retry = earlier !== undefined && (earlier.body as { id?: string } | null)?.id === id
          // what the caller may not see answers exactly as an unknown id, before any rule speaks:
          // a 409 with a reason would tell a stranger the order exists and what state it is in
          // (a retry of the caller's own step on this order is let through: the repository replays it)
          if (!order || (!retry && !sees(order, caller, user))) throw notFound('找不到该点单')
          if (!retry) {
            const decision = decide(action, actorOf(order, caller), order.status)
            if (!decision.ok) throw conflict(decision.message)
          }
          const cmd = await command(request.body as B, order, await timingFor(request, user.id, lectureScope(action)), user)
          if (!retry) await checkTexts(request, user.id, publicTexts(cmd))
          const wechat = await notifier.initialState(order.userId)
          const result = await write(() => lectures.transition(id, cmd, caller, { idempotencyKey: key, wechat }))
          if (!result) throw notFound('找不到该点单')
          request.log.info({ lectureOrderId: id, action, replayed: result.replayed }, 'lecture order step')
          return finish(request, reply, result, order.userId, order.topicTitle)
        },
      )
    }

    const scope = new StaffScopeRepository(app.store.database)
    step<{ lecturerId: string; note?: string }>('dispatch', DispatchInput, async (body, order, _today, user) => {
      const command = validDispatch(
        body,
        (await lectures.listTopics()).find((t) => t.id === order.topicId),
      )
      // only to a lecturer of the dispatcher's organisation or below (an unlinked lecturer of the menu is the city's)
      const own = user.org?.code
      if (command.action === 'dispatch' && !(own && orgCovers(own, await scope.lecturerOrg(command.lecturerId)))) {
        throw forbidden('只能派给本单位及下级单位的宣讲员')
      }
      return command
    })
    step('accept', EmptyInput, () => ({ action: 'accept' }))
    step<{ reason: string }>('decline', ReasonInput, (body) => ({ action: 'decline', reason: validReason(body.reason, '退回原因') }))
    step<{ date: string; time: string; place: string }>('schedule', ScheduleInput, (body, _order, timing) => validSchedule(body, timing))
    step<{ attendance: number; summary: string; photos?: string[] }>('complete', CompleteInput, async (body, _order, _today, user) => {
      // photos are the lecturer's own uploads (POST /uploads), not addresses from anywhere
      const own = await app.uploads.uploadsOf(
        (body.photos ?? []).map((p) => p.trim()),
        user.id,
      )
      return validComplete(body, (url) => own.has(url))
    })
    step<{ reason?: string }>('cancel', OptionalReasonInput, (body) => {
      const reason = body.reason?.trim()
      if (reason && [...reason].length > 200) throw badRequest('取消原因最多200字')
      return { action: 'cancel', ...(reason ? { reason } : {}) }
    })
    step<{ reason: string }>('reject', ReasonInput, (body) => ({ action: 'reject', reason: validReason(body.reason, '驳回原因') }))
    step<{ stars: number; comment?: string }>('rate', RateInput, (body) => validRate(body))

    app.get(
      '/lecture-orders/:id/sign-in-code',
      {
        schema: { params: IdParams, response: { 200: SignInCode, ...errors } },
        config: { ...personal, audit: { action: 'lecture.sign-in-code.view', target: 'lectureOrder' } },
        onRequest: requireRole(),
      },
      async (request) => {
        const caller = await callerOf(app, request.user!)
        const order = await visibleOrder(request.params.id, caller, request.user!)
        if (actorOf(order, caller) !== 'assigned-lecturer') throw forbidden('只有被指派的宣讲员可以查看签到码')
        const code = await lectures.signInCode(order.id)
        if (order.status !== 'scheduled' || !code) throw conflict('宣讲排期后、完成前才有签到码')
        return { orderId: order.id, code, payload: `${LECTURE_SIGN_IN_PREFIX}${order.id}:${code}`, signedIn: await lectures.attendanceCount(order.id) }
      },
    )

    /** the answer to a refused sign-in: 429 for the caller's own lock, 400 for a wrong code, 409 when not open */
    const refusal = (reply: FastifyReply, outcome: Exclude<SignInOutcome, { ok: true }>) => {
      if (outcome.reason === 'locked') {
        reply.header('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)))
        return rateLimited(SIGN_IN_LOCKED[outcome.lock], outcome.retryAfterMs)
      }
      return outcome.reason === 'wrong-code' ? badRequest('签到码不正确，请核对后重试') : conflict('该宣讲现在不能签到（未排期或已结束）')
    }

    const signIn = async (reply: FastifyReply, orderId: string, caller: LectureCaller, user: User, code: string) => {
      const order = await lectures.getOrder(orderId)
      // open for sign-in to anyone with the code while scheduled; otherwise only its parties see it
      if (!order || (order.status !== 'scheduled' && !sees(order, caller, user))) throw notFound('找不到该宣讲')
      const outcome = await lectures.signIn(orderId, caller.id, code)
      if (!outcome.ok) throw refusal(reply, outcome)
      return { orderId, topicTitle: order.topicTitle, signedInAt: outcome.signedInAt, already: outcome.already, signedIn: outcome.signedIn }
    }

    const codeOf = (raw: string): string => {
      const code = raw.trim()
      if (!/^\d{6}$/.test(code)) throw badRequest('签到码为6位数字')
      return code
    }

    app.post(
      '/lecture-orders/:id/sign-in',
      {
        schema: { params: IdParams, body: SignInInput, response: { 200: SignInResult, ...errors } },
        config: { validationMessages: stepMessages },
        onRequest: requireRole(),
        preHandler: [app.limit(WRITE_LIMITS.lectureSignInPerUser), app.limit(WRITE_LIMITS.lectureSignInPerIp)],
      },
      async (request, reply) => signIn(reply, request.params.id, await callerOf(app, request.user!), request.user!, codeOf(request.body.code)),
    )

    app.post(
      '/lecture-sign-ins',
      {
        schema: { body: SignInInput, response: { 200: SignInResult, ...errors } },
        config: { validationMessages: stepMessages },
        onRequest: requireRole(),
        preHandler: [app.limit(WRITE_LIMITS.lectureSignInPerUser), app.limit(WRITE_LIMITS.lectureSignInPerIp)],
      },
      async (request, reply) => {
        // counted per user in the repository (a wrong code here names no order to count it against)
        const outcome = await lectures.signInByCode(request.user!.id, codeOf(request.body.code))
        if (!outcome.ok) throw refusal(reply, outcome)
        const order = (await lectures.getOrder(outcome.orderId!))!
        return { orderId: order.id, topicTitle: order.topicTitle, signedInAt: outcome.signedInAt, already: outcome.already, signedIn: outcome.signedIn }
      },
    )

    app.get(
      '/lecture-calendar',
      {
        schema: { querystring: CalendarQuery, response: { 200: Type.Array(CalendarEntry), ...errors } },
        config: { validationMessages: { month: '月份格式应为 YYYY-MM' } },
      },
      async (request) => (await lectures.calendar(request.query.month, request.query.county || undefined)).map(toCalendarEntry),
    )

    app.get(
      '/notifications',
      { schema: { response: { 200: Type.Array(Notification), ...errors } }, config: personal, onRequest: requireRole() },
      async (request) => lectures.listNotifications(request.user!.id),
    )

    app.get(
      '/notifications/unread-count',
      { schema: { response: { 200: Type.Object({ unread: Type.Integer() }), ...errors } }, config: personal, onRequest: requireRole() },
      async (request) => ({ unread: await lectures.unreadCount(request.user!.id) }),
    )

    app.post(
      '/notifications/:id/read',
      { schema: { params: IdParams, body: EmptyInput, response: { 200: Type.Object({ unread: Type.Integer() }), ...errors } }, onRequest: requireRole() },
      async (request) => {
        const userId = request.user!.id
        if (!(await lectures.markNotificationRead(userId, request.params.id))) throw notFound('找不到该消息')
        return { unread: await lectures.unreadCount(userId) }
      },
    )
  }
}
