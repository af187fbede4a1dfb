/**
 * 政策咨询: a signed-in user asks (idempotent with `Idempotency-Key`), sees their own; a responder
 * (or admin) lists them, with the phone in full to call back, and answers each once. Text is
 * trimmed and length-checked here, checked by content-check before it is stored, and stored as
 * plain text: clients render it as text, never as HTML.
 */
import { Type } from '@sinclair/typebox'
import {
  CONSULTATION_QUESTION_MAX,
  CONSULTATION_QUESTION_MIN,
  CONSULTATION_REPLY_MAX,
  IDEMPOTENCY_KEY_MAX,
  type Consultation as ConsultationEntity,
  type ConsultationInput as Input,
  type Region,
} from '../../../common/contract'
import { CONTENT_REFUSED_MESSAGE, createContentChecker, type ContentChecker } from '../../content-check'
import { badRequest, conflict, idempotencyKeyReused, notFound } from '../../errors'
import { WRITE_LIMITS } from '../abuse/limits'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import { Consultation, ConsultationForResponder, ConsultationInput, ConsultationQuery, IdempotencyHeaders, ReplyInput } from './schemas'
import { consultationInputHash } from './records'
import { publishReply } from './publish-reply'
import { IDEMPOTENT_WRITES, replayOf } from '../idempotency'
import { type Store } from '../../store/store'
import { StoreConflict } from '../../db/conflict'
import type { RoutePlugin } from '../../type-provider'
import type { WechatConfig } from '../../wechat/jscode2session'
import { StaffScopeRepository } from '../staff-scope/repository'
import { covers, regionPattern, requireOrg } from '../staff-scope/scope'

export interface ConsultationRoutesOptions {
  /** msgSecCheck when set; the local word list otherwise */
  wechat?: WechatConfig
  /** tests may pass their own */
  contentChecker?: ContentChecker
}

/** a header telling the client it got the answer of an earlier request with its key */
export const REPLAYED_HEADER = 'idempotent-replayed'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody }

const keyMessage = { 'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符` }

const inputMessages = {
  topic: '请选择咨询主题',
  question: '请填写咨询问题',
  'question.maxLength': `问题最多${CONSULTATION_QUESTION_MAX}字`,
  regionCode: '请选择所在地区',
  phone: '手机号格式不正确',
  ...keyMessage,
}

const replyMessages = {
  text: '请填写答复内容',
  'text.maxLength': `答复最多${CONSULTATION_REPLY_MAX}字`,
  ...keyMessage,
}

/** characters as a reader counts them (and as the schema's maxLength does): code points */
const length = (text: string) => [...text].length

function hasRegion(nodes: Region[] | undefined, code: string): boolean {
  return (nodes ?? []).some((r) => r.code === code || hasRegion(r.children, code))
}

/** trimmed, and every field checked against the store: a clear 400 for the first problem */
async function validInput(body: Input, store: Store): Promise<Input> {
  if (!(await store.content.listTopics()).some((t) => t.id === body.topic)) throw badRequest('请选择咨询主题')
  const question = body.question.trim()
  if (length(question) < CONSULTATION_QUESTION_MIN) throw badRequest(`问题至少${CONSULTATION_QUESTION_MIN}个字`)
  if (length(question) > CONSULTATION_QUESTION_MAX) throw badRequest(`问题最多${CONSULTATION_QUESTION_MAX}字`)
  if (!hasRegion(await store.content.regionTree(), body.regionCode)) throw badRequest('请选择所在地区')
  return { topic: body.topic, question, regionCode: body.regionCode, ...(body.phone ? { phone: body.phone } : {}) }
}

/** a store write, with its conflicts as the API says them */
async function write<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (!(err instanceof StoreConflict)) throw err
    throw err.reason === 'already-answered' ? conflict('该咨询已答复') : idempotencyKeyReused()
  }
}

export function consultationRoutes(options: ConsultationRoutesOptions = {}): RoutePlugin {
  return async (app) => {
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    const scope = new StaffScopeRepository(app.store.database)

    app.post(
      '/consultations',
      {
        schema: { headers: IdempotencyHeaders, body: ConsultationInput, response: { 201: Consultation, ...errors } },
        // a consultation asked by staff (便民服务点, for a resident) is in the audit log; a resident's own is not
        config: { validationMessages: inputMessages, audit: { action: 'consultation.create', target: 'consultation' } },
        // before the body is even parsed: no session, no work
        onRequest: requireRole(),
        preHandler: [
          app.limit(WRITE_LIMITS.consultationPerUserHour),
          app.limit(WRITE_LIMITS.consultationPerUserDay),
          app.limit(WRITE_LIMITS.consultationPerIp),
        ],
      },
      async (request, reply) => {
        const user = request.user!
        const input = await validInput(request.body, app.store)
        const key = request.headers['idempotency-key']
        const { scope, status } = IDEMPOTENT_WRITES.createConsultation

        // a retry is answered before any check runs again: what was accepted stays accepted
        const earlier = key && (await app.store.consultations.findIdempotencyRecord(user.id, scope, key))
        if (earlier) {
          const body = await write(() => replayOf<ConsultationEntity>(earlier, consultationInputHash(input)))
          return reply.code(status).header(REPLAYED_HEADER, 'true').send(body)
        }

        const check = await checker.checkText(input.question, { openid: await app.store.auth.wechatOpenid(user.id), log: request.log })
        if (!check.ok) throw badRequest(CONTENT_REFUSED_MESSAGE)

        const result = await write(() => app.store.consultations.createConsultation(user.id, input, key))
        request.auditTargetId = result.consultation.id
        request.log.info({ consultationId: result.consultation.id, replayed: result.replayed }, 'consultation submitted')
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        return reply.code(status).send(result.consultation)
      },
    )

    app.get(
      '/consultations/mine',
      {
        schema: { response: { 200: Type.Array(Consultation), 401: ErrorBody, 503: ErrorBody } },
        config: { cache: 'no-store' },
        onRequest: requireRole(),
      },
      async (request) => app.store.consultations.listConsultationsByUser(request.user!.id),
    )

    app.get(
      '/consultations',
      {
        schema: { querystring: ConsultationQuery, response: { 200: PageOf(ConsultationForResponder), ...errors } },
        // a staff read of personal data (full phone numbers)
        config: { cache: 'no-store', audit: { action: 'consultation.list.view', target: 'consultation' } },
        onRequest: requireRole('responder', 'admin'),
      },
      // only the caller's organisation and below (a staff account without one sees nothing)
      async (request) => app.store.consultations.listConsultations({ ...request.query, regionPattern: regionPattern(requireOrg(request.user!)) }),
    )

    app.post(
      '/consultations/:id/reply',
      {
        schema: {
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ReplyInput,
          response: { 200: Consultation, ...errors },
        },
        config: { validationMessages: replyMessages, audit: { action: 'consultation.reply', target: 'consultation' } },
        onRequest: requireRole('responder', 'admin'),
      },
      async (request, reply) => {
        const user = request.user!
        // outside the caller's organisation answers exactly as an unknown id
        const region = await scope.consultationRegion(request.params.id)
        if (region === undefined || !covers(user, region)) throw notFound('找不到该咨询')
        const text = request.body.text.trim()
        if (!text) throw badRequest('请填写答复内容')
        if (length(text) > CONSULTATION_REPLY_MAX) throw badRequest(`答复最多${CONSULTATION_REPLY_MAX}字`)
        // the department the resident sees: responder accounts are named after their department
        const responder = { userId: user.id, department: user.nickname }
        const key = request.headers['idempotency-key']
        const result = await write(() => publishReply(app.store, { consultationId: request.params.id, responder, text, idempotencyKey: key }))
        if (!result) throw notFound('找不到该咨询')
        request.log.info({ consultationId: request.params.id, replayed: result.replayed }, 'consultation answered')
        if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
        return result.consultation
      },
    )
  }
}
