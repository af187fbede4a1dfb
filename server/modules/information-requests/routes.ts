/**
 * 依申请公开 (issue 20).
 *
 * Residents (signed in):
 *   GET  /information-requests/bodies                 the organisations one may apply to (tree)
 *   POST /information-requests                        apply (Idempotency-Key) → 201 with the number
 *   GET  /information-requests/mine?page=&pageSize=   我的申请
 *   GET  /information-requests/:id                    one's own, with the steps
 *   POST /information-requests/:id/correction         补正 online (restarts the clock)
 *   GET  /information-requests/:id/reply.pdf          the 答复书
 * The office (信息公开专员, 法律审核, 管理员 of the organisation or above):
 *   GET  /admin/information-requests?status=&overdue=&dueThisWeek=&extended=&org=&q=&page=&pageSize=  (and .csv)
 *   POST /admin/information-requests                  register a paper or letter application
 *   GET  /admin/information-requests/report?year=&org=  (and report.csv): the 年度报告 table
 *   GET  /admin/information-requests/:id              the ID number and phone in full (the handling office)
 *   POST /admin/information-requests/:id/:action      a step of rules.ts's table (Idempotency-Key)
 *   POST /admin/information-requests/:id/disclose     an answered request → a draft for 主动公开
 *   GET  /admin/information-requests/:id/reply.pdf
 * Every write is audited in its transaction; no log line carries a name, an ID number or a phone.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Transaction } from 'kysely'
import { Type } from '@sinclair/typebox'
import {
  FOIA_APPLICANT_LABELS,
  FOIA_CHANNEL_LABELS,
  FOIA_NOTE_MAX,
  FOIA_REPLY_LABELS,
  FOIA_REPLY_TYPES,
  FOIA_STATUS_LABELS,
  FOIA_TEXT_MAX,
  type FoiaAction,
  type FoiaApplicationInput,
  type FoiaEventKind,
  type FoiaReply,
  type FoiaReplyType,
  type FoiaStatus,
  type FoiaYearReport,
  type InformationRequest,
  type InformationRequestDetail,
  type Region,
} from '../../../common/contract'
import { foiaDueDate, foiaFee, idNumberProblem, maskIdNumber, maskPhone, workingDaysLeft } from '../../../common/foia-rules'
import { addDays, shanghaiToday } from '../../../common/shanghai-date'
import { suggestTopic } from '../../../common/topic-suggest'
import { StoreConflict } from '../../db/conflict'
import type { DB } from '../../db/schema'
import { ApiError, badRequest, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageQuery } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { CITY_ORG_CODE, CITY_ORG_NAME, isOrgCode, orgCovers, orgPrefixPattern } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { createItem } from '../editorial/create-item'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, replayOf, requestHash } from '../idempotency'
import type { FoiaNotice } from '../messages/service'
import { replyLetterPdf } from './pdf'
import { type RequestRow, type RequestUpdate, InformationRequestRepository } from './repository'
import { allowedActions, decide, FOIA_OFFICERS, FOIA_READERS, isOpen } from './rules'
import {
  ActionInput,
  ActionParams,
  ApplicationInput,
  BoardQuery,
  type BodyNode,
  BodyNodeOut,
  CorrectionInput,
  foiaMessages,
  IdempotencyHeaders,
  MinePage,
  RegisterInput,
  ReportOut,
  ReportQuery,
  RequestDetailOut,
  RequestPage,
} from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const BASE = '/admin/information-requests'
const MINE = '/information-requests'
const CSV_MAX = 5000
export const OTHER_ORG = '不能办理其他单位的政府信息公开申请'
export const NO_ORG = '该账号未设置所属单位，不能办理政府信息公开申请'

const length = (text: string) => [...text].length

/** the steps the applicant is told about, and how */
const FOIA_NOTICES: Partial<Record<FoiaAction, FoiaNotice>> = { request_correction: 'correction', reply: 'reply', close: 'close' }

/** the 主动公开 FAQ's 主题: from the request's wording (topic-suggest), else 政务公开 */
export const DISCLOSURE_DEFAULT_TOPIC = 'zwgk'
export function disclosureTopic(text: string, known: readonly string[]): string {
  return suggestTopic(text, known) ?? (known.includes(DISCLOSURE_DEFAULT_TOPIC) ? DISCLOSURE_DEFAULT_TOPIC : (known[0] ?? ''))
}

function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return `"${s.replace(/"/g, '""')}"`
}
const csvOf = (rows: unknown[][]) => '\uFEFF' + rows.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n'

/** YSQ + the Beijing date + 4 characters: 依申请 numbers residents can read out */
function newNumber(today: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
  const bytes = randomBytes(4)
  return `YSQ${today.replace(/-/g, '')}${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`
}

/** the Sunday ending the week of `today` (weeks run Monday to Sunday) */
function weekEndOf(today: string): string {
  const day = new Date(`${today}T00:00:00Z`).getUTCDay()
  return addDays(today, day === 0 ? 0 : 7 - day)
}

export function informationRequestRoutes(): RoutePlugin {
  return async (app) => {
    const repo = new InformationRequestRepository(app.store.database)
    const now = () => app.store.now()
    const today = () => shanghaiToday(now())
    const writeLimit = app.limit({ name: 'foia-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁，请稍后再试' })
    const applyLimit = app.limit({ name: 'foia-apply', max: 20, windowMs: 24 * 60 * 60_000, per: 'user', message: '今天提交的申请过多，请明天再试' })
    const pdfLimit = app.limit({ name: 'foia-pdf', max: 120, windowMs: 60 * 60_000, per: 'user', message: '下载过于频繁，请稍后再试' })
    const exportLimit = app.limit({ name: 'foia-export', max: 30, windowMs: 60_000, per: 'user', message: '导出过于频繁，请稍后再试' })

    let names: Map<string, string> | undefined
    const orgName = (code: string): string => {
      if (!names) {
        names = new Map(app.store.orgNames())
        names.set(CITY_ORG_CODE, names.get(CITY_ORG_CODE) ?? CITY_ORG_NAME)
        const walk = (nodes: readonly Region[] | undefined) => {
          for (const r of nodes ?? []) {
            if (!names!.has(r.code)) names!.set(r.code, r.name)
            walk(r.children)
          }
        }
        walk(app.store.regionTree())
      }
      return names.get(code) ?? code
    }

    const staffOrg = (request: FastifyRequest): string => {
      const code = request.user?.org?.code
      if (!code || !isOrgCode(code)) throw forbidden(NO_ORG)
      return code
    }
    const actor = (request: FastifyRequest) => ({ id: request.user!.id, name: request.user!.nickname })

    const replyOf = (r: RequestRow): FoiaReply | undefined =>
      r.reply_type
        ? {
            type: r.reply_type as FoiaReplyType,
            typeLabel: FOIA_REPLY_LABELS[r.reply_type as FoiaReplyType],
            ...(r.reply_ground ? { ground: r.reply_ground } : {}),
            ...(r.reply_holder ? { holder: r.reply_holder } : {}),
            text: r.reply_text ?? '',
            ...(r.fee_amount !== null && r.fee_basis ? { fee: { amount: r.fee_amount, basis: r.fee_basis } } : {}),
            ...(r.replied_at ? { repliedAt: r.replied_at } : {}),
          }
        : undefined

    /** the entity; `full`: the handling office's detail, with the ID number and phone in full */
    const toEntity = (r: RequestRow, full: boolean): InformationRequest => {
      const status = r.status as FoiaStatus
      const open = isOpen(status)
      const t = today()
      const overdue = r.due_date !== null && (open ? t > r.due_date : r.replied_on !== null && r.replied_on > r.due_date)
      const reply = replyOf(r)
      return {
        id: r.id,
        number: r.number,
        channel: r.channel as InformationRequest['channel'],
        applicantType: r.applicant_type as InformationRequest['applicantType'],
        name: r.applicant_name,
        idType: r.id_type as InformationRequest['idType'],
        idNumberMasked: maskIdNumber(r.id_number),
        ...(full ? { idNumber: r.id_number, phone: r.phone } : {}),
        phoneMasked: maskPhone(r.phone),
        ...(r.email ? { email: r.email } : {}),
        ...(r.address ? { address: r.address } : {}),
        infoTitle: r.info_title,
        ...(r.doc_number ? { docNumber: r.doc_number } : {}),
        ...(r.description ? { description: r.description } : {}),
        orgCode: r.org_code,
        orgName: orgName(r.org_code),
        format: r.format as InformationRequest['format'],
        delivery: r.delivery as InformationRequest['delivery'],
        status,
        createdAt: r.created_at,
        receivedOn: r.received_on,
        ...(r.due_date ? { dueDate: r.due_date } : {}),
        ...(r.due_date && open && status !== 'correction' ? { daysLeft: workingDaysLeft(t, r.due_date) } : {}),
        overdue: overdue && status !== 'correction',
        extended: r.extended === 1,
        ...(r.extended === 1 ? { extension: { approver: r.extension_approver ?? '', reason: r.extension_reason ?? '' } } : {}),
        ...(r.correction_note ? { correctionNote: r.correction_note } : {}),
        ...(reply && (status === 'answered' || status === 'closed') ? { reply } : {}),
        ...(reply && full && open ? { draft: reply } : {}),
        ...(r.disclosure_item_id ? { disclosureItemId: r.disclosure_item_id } : {}),
      }
    }

    const detailOf = async (r: RequestRow, request: FastifyRequest, office: boolean): Promise<InformationRequestDetail> => {
      const events = await repo.events(r.id)
      const user = request.user!
      return {
        ...toEntity(r, office),
        timeline: events.map((e) => ({ kind: e.kind as FoiaEventKind, at: e.at, actorName: e.actor_name, ...(e.note ? { note: e.note } : {}) })),
        actions: office
          ? allowedActions(user.role, user.id, { status: r.status as FoiaStatus, extended: r.extended === 1, draftedBy: r.drafted_by })
          : r.status === 'correction'
            ? ['correct']
            : [],
      }
    }

    /** the request if the caller's organisation covers it: 404 unknown, 403 another organisation's */
    const covered = async (request: FastifyRequest, id: string): Promise<RequestRow> => {
      const own = staffOrg(request)
      const row = await repo.get(id)
      if (!row) throw notFound('找不到该申请')
      if (!orgCovers(own, row.org_code)) throw forbidden(OTHER_ORG)
      return row
    }
    /** the resident's own request: someone else's is a 404, as if it did not exist */
    const owned = async (request: FastifyRequest, id: string): Promise<RequestRow> => {
      const row = await repo.get(id)
      if (!row || row.user_id !== request.user!.id) throw notFound('找不到该申请')
      return row
    }

    /**
     * An idempotent write: an earlier answer under the key is replayed (with the same input), else
     * `write` runs in a transaction that also records the answer under the key.
     */
    const idempotent = async <T>(
      request: FastifyRequest,
      reply: FastifyReply,
      scope: string,
      input: unknown,
      write: (trx: Transaction<DB>) => Promise<T>,
    ): Promise<{ body: T; replayed: boolean }> => {
      const user = request.user!
      const key = (request.headers as Record<string, string | undefined>)['idempotency-key']
      const hash = requestHash(input)
      const replay = async (): Promise<{ body: T; replayed: boolean } | undefined> => {
        const earlier = key ? await findIdempotencyRecord(repo.kysely, user.id, scope, key) : undefined
        if (!earlier) return undefined
        try {
          const body = replayOf<T>(earlier, hash)
          reply.header(REPLAYED_HEADER, 'true')
          return { body, replayed: true }
        } catch (err) {
          if (err instanceof StoreConflict) throw idempotencyKeyReused()
          throw err
        }
      }
      const first = await replay()
      if (first) return first
      try {
        const body = await repo.kysely.transaction().execute(async (trx) => {
          const result = await write(trx)
          if (
            key &&
            !(await rememberIdempotent(trx, { userId: user.id, scope, key, requestHash: hash, status: 200, body: result, createdAt: now().toISOString() }))
          ) {
            throw new KeyTaken()
          }
          return result
        })
        return { body, replayed: false }
      } catch (err) {
        if (!(err instanceof KeyTaken)) throw err
        const again = await replay()
        if (!again) throw err
        return again
      }
    }

    // ---------------------------------------------------------------- the application itself

    const checkApplication = (input: FoiaApplicationInput): FoiaApplicationInput => {
      const name = input.name.trim()
      if (!name) throw badRequest(input.applicantType === 'citizen' ? '请填写申请人姓名' : '请填写法人或其他组织名称')
      if (input.applicantType === 'citizen' && input.idType === 'credit_code') throw badRequest('公民申请请选择身份证件')
      if (input.applicantType === 'organisation' && input.idType !== 'credit_code') throw badRequest('法人或其他组织请填写统一社会信用代码')
      const problem = idNumberProblem(input.idType, input.idNumber)
      if (problem) throw badRequest(problem)
      const phone = input.phone.trim()
      if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) throw badRequest('请填写正确的联系电话')
      const email = input.email?.trim()
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('电子邮箱格式不正确')
      if (input.delivery === 'email' && !email) throw badRequest('选择电子邮件获取时请填写电子邮箱')
      if (input.delivery === 'mail' && !input.address?.trim()) throw badRequest('选择邮寄时请填写通讯地址')
      const infoTitle = input.infoTitle.trim()
      if (!infoTitle) throw badRequest('请填写所需信息的名称')
      if (input.description && length(input.description) > FOIA_TEXT_MAX) throw badRequest(`信息描述最多${FOIA_TEXT_MAX}字`)
      if (!isOrgCode(input.orgCode)) throw badRequest('请选择申请公开的机关')
      return {
        ...input,
        name,
        idNumber: input.idNumber.trim().toUpperCase(),
        phone,
        ...(email ? { email } : { email: undefined }),
        ...(input.address?.trim() ? { address: input.address.trim() } : { address: undefined }),
        infoTitle,
        ...(input.docNumber?.trim() ? { docNumber: input.docNumber.trim() } : { docNumber: undefined }),
        ...(input.description?.trim() ? { description: input.description.trim() } : { description: undefined }),
      }
    }

    const insertApplication = async (
      trx: Transaction<DB>,
      input: FoiaApplicationInput,
      channel: 'online' | 'paper' | 'letter',
      userId: string | null,
      receivedOn: string,
      who: { id: string; name: string },
    ): Promise<RequestRow> => {
      const at = now().toISOString()
      let number = newNumber(today())
      while (await repo.numberTaken(trx, number)) number = newNumber(today())
      const row = {
        id: randomUUID(),
        number,
        user_id: userId,
        channel,
        org_code: input.orgCode,
        applicant_type: input.applicantType,
        applicant_name: input.name,
        id_type: input.idType,
        id_number: input.idNumber,
        phone: input.phone,
        email: input.email ?? null,
        address: input.address ?? null,
        info_title: input.infoTitle,
        doc_number: input.docNumber ?? null,
        description: input.description ?? null,
        format: input.format,
        delivery: input.delivery,
        status: 'registered',
        submitted_on: receivedOn,
        received_on: receivedOn,
        due_date: foiaDueDate(receivedOn),
        extended: 0,
        extension_approver: null,
        extension_reason: null,
        correction_note: null,
        reply_type: null,
        reply_ground: null,
        reply_holder: null,
        reply_text: null,
        reply_pages: null,
        fee_amount: null,
        fee_basis: null,
        drafted_by: null,
        replied_at: null,
        replied_on: null,
        disclosure_item_id: null,
        created_at: at,
        updated_at: at,
      }
      await repo.insert(trx, row)
      await repo.appendEvent(trx, row.id, 'register', who, at, FOIA_CHANNEL_LABELS[channel])
      return row
    }

    app.get(
      `${MINE}/bodies`,
      { schema: { response: { 200: Type.Array(BodyNodeOut), ...errors } }, config: { cache: 'public' } },
      async (): Promise<BodyNode[]> => {
        const counties = app.store.regionTree()
        return [
          {
            code: CITY_ORG_CODE,
            name: orgName(CITY_ORG_CODE),
            children: counties.map((c) => ({
              code: c.code,
              name: orgName(c.code),
              ...(c.children?.length ? { children: c.children.filter((t) => isOrgCode(t.code)).map((t) => ({ code: t.code, name: orgName(t.code) })) } : {}),
            })),
          },
        ]
      },
    )

    app.post(
      MINE,
      {
        schema: { headers: IdempotencyHeaders, body: ApplicationInput, response: { 201: RequestDetailOut, ...errors } },
        config: { validationMessages: foiaMessages },
        onRequest: requireRole('resident'),
        preHandler: applyLimit,
      },
      async (request, reply) => {
        const input = checkApplication(request.body)
        const user = request.user!
        const { body, replayed } = await idempotent(request, reply, 'POST /information-requests', input, async (trx) => {
          const row = await insertApplication(trx, input, 'online', user.id, today(), { id: user.id, name: '申请人' })
          await auditInTransaction(app, request, { action: 'foia.apply', targetType: 'informationRequest', targetId: row.id }, trx)
          return { id: row.id }
        })
        request.log.info({ informationRequestId: body.id, replayed }, 'information request submitted')
        reply.code(201)
        return detailOf((await repo.get(body.id))!, request, false)
      },
    )

    app.get(
      `${MINE}/mine`,
      {
        schema: { querystring: PageQuery, response: { 200: MinePage, ...errors } },
        config: { cache: 'no-store', validationMessages: foiaMessages },
        onRequest: requireRole(),
      },
      async (request) => {
        const { page, pageSize } = request.query
        const { rows, total } = await repo.mine(request.user!.id, page, pageSize)
        return { items: rows.map((r) => toEntity(r, false)), total, page, pageSize }
      },
    )

    app.get(
      `${MINE}/:id`,
      { schema: { params: IdParams, response: { 200: RequestDetailOut, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole() },
      async (request) => detailOf(await owned(request, request.params.id), request, false),
    )

    /** 补正 received: the clock restarts on this day; the extension (if any) still counts */
    const correctionUpdate = (row: RequestRow): RequestUpdate => {
      const t = today()
      return { status: 'processing', received_on: t, due_date: foiaDueDate(t, row.extended === 1), correction_note: null, updated_at: now().toISOString() }
    }

    app.post(
      `${MINE}/:id/correction`,
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: CorrectionInput, response: { 200: RequestDetailOut, ...errors } },
        config: { validationMessages: foiaMessages },
        onRequest: requireRole('resident'),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const id = request.params.id
        await owned(request, id)
        const text = request.body.text.trim()
        if (!text) throw badRequest('请填写补正内容')
        if (length(text) > FOIA_TEXT_MAX) throw badRequest(`补正内容最多${FOIA_TEXT_MAX}字`)
        await idempotent(request, reply, 'POST /information-requests/:id/correction', { id, text }, async (trx) => {
          const locked = await repo.lock(trx, id)
          if (!locked) throw notFound('找不到该申请')
          if (locked.status !== 'correction') throw new ApiError(409, 'conflict', '该申请不在补正中')
          await repo.update(trx, id, correctionUpdate(locked))
          await repo.appendEvent(trx, id, 'correct', { id: request.user!.id, name: '申请人' }, now().toISOString(), text)
          await auditInTransaction(app, request, { action: 'foia.correct', targetType: 'informationRequest', targetId: id, detail: { by: 'applicant' } }, trx)
          return { id }
        })
        return detailOf((await repo.get(id))!, request, false)
      },
    )

    const sendPdf = async (row: RequestRow, reply: FastifyReply) => {
      const status = row.status as FoiaStatus
      if ((status !== 'answered' && status !== 'closed') || !row.reply_type || !row.replied_on) throw notFound('该申请尚未答复')
      const fee = row.fee_amount !== null && row.fee_basis ? { amount: row.fee_amount, basis: row.fee_basis } : undefined
      const pdf = await replyLetterPdf({
        number: row.number,
        applicantName: row.applicant_name,
        orgName: orgName(row.org_code),
        submittedOn: row.submitted_on,
        infoTitle: row.info_title,
        type: row.reply_type as FoiaReplyType,
        ground: row.reply_ground,
        holder: row.reply_holder,
        text: row.reply_text ?? '',
        ...(fee ? { fee } : {}),
        repliedOn: row.replied_on,
      })
      const filename = `答复书-${row.number}.pdf`
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="reply-${row.number}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(pdf)
    }

    app.get(
      `${MINE}/:id/reply.pdf`,
      { schema: { params: IdParams, response: errors }, config: { cache: 'no-store' }, onRequest: requireRole(), preHandler: pdfLimit },
      async (request, reply) => sendPdf(await owned(request, request.params.id), reply),
    )

    // ---------------------------------------------------------------- the office

    type Board = typeof BoardQuery.static
    const boardFilter = (request: FastifyRequest, query: Board) => {
      const own = staffOrg(request)
      if (query.org && !orgCovers(own, query.org)) throw forbidden(OTHER_ORG)
      const t = today()
      return {
        scope: orgPrefixPattern(own),
        today: t,
        weekEnd: weekEndOf(t),
        ...(query.org ? { org: query.org } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.overdue ? { overdue: true } : {}),
        ...(query.dueThisWeek ? { dueThisWeek: true } : {}),
        ...(query.extended ? { extended: true } : {}),
        ...(query.q?.trim() ? { q: query.q.trim() } : {}),
      }
    }

    app.get(
      BASE,
      {
        schema: { querystring: BoardQuery, response: { 200: RequestPage, ...errors } },
        config: { cache: 'no-store', validationMessages: foiaMessages },
        onRequest: requireRole(...FOIA_READERS),
      },
      async (request) => {
        const { page, pageSize } = request.query
        const { rows, total, overdueOpen } = await repo.board({ ...boardFilter(request, request.query), page, pageSize })
        return { items: rows.map((r) => toEntity(r, false)), total, page, pageSize, overdueOpen }
      },
    )

    app.get(
      `${BASE}.csv`,
      {
        schema: { querystring: BoardQuery, response: { 200: Type.String(), ...errors } },
        config: { cache: 'no-store', validationMessages: foiaMessages, audit: { action: 'foia.export', target: 'org' } },
        onRequest: requireRole(...FOIA_READERS),
        preHandler: exportLimit,
      },
      async (request, reply) => {
        const filter = boardFilter(request, request.query)
        const { rows } = await repo.board({ ...filter, page: 1, pageSize: CSV_MAX })
        const header = [
          '申请编号',
          '申请方式',
          '申请人类型',
          '申请人',
          '证件号码',
          '联系电话',
          '所需信息',
          '文号',
          '受理机关',
          '状态',
          '起算日',
          '答复期限',
          '剩余工作日',
          '是否超期',
          '是否延期',
          '答复类型',
          '答复时间',
        ]
        const lines = rows.map((r) => {
          const e = toEntity(r, false)
          return [
            e.number,
            FOIA_CHANNEL_LABELS[e.channel],
            FOIA_APPLICANT_LABELS[e.applicantType],
            e.name,
            e.idNumberMasked,
            e.phoneMasked,
            e.infoTitle,
            e.docNumber ?? '',
            e.orgName,
            FOIA_STATUS_LABELS[e.status],
            e.receivedOn,
            e.dueDate ?? '',
            e.daysLeft ?? '',
            e.overdue ? '超期' : '',
            e.extended ? '已延期' : '',
            e.reply?.typeLabel ?? '',
            e.reply?.repliedAt ?? '',
          ]
        })
        request.auditTargetId = staffOrg(request)
        const filename = `依申请公开-${filter.today}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="information-requests-${filter.today}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(csvOf([header, ...lines]))
      },
    )

    app.post(
      BASE,
      {
        schema: { headers: IdempotencyHeaders, body: RegisterInput, response: { 201: RequestDetailOut, ...errors } },
        config: { validationMessages: foiaMessages },
        onRequest: requireRole(...FOIA_OFFICERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const own = staffOrg(request)
        const { channel, receivedOn: rawReceived, ...rest } = request.body
        const input = checkApplication(rest)
        if (!orgCovers(own, input.orgCode)) throw forbidden(OTHER_ORG)
        const t = today()
        const receivedOn = rawReceived ?? t
        if (receivedOn > t) throw badRequest('收到日期不能晚于今天')
        if (receivedOn < addDays(t, -60)) throw badRequest('收到日期不能早于60天前')
        const { body } = await idempotent(request, reply, 'POST /admin/information-requests', { ...input, channel, receivedOn }, async (trx) => {
          const row = await insertApplication(trx, input, channel, null, receivedOn, actor(request))
          await auditInTransaction(app, request, { action: 'foia.register', targetType: 'informationRequest', targetId: row.id, detail: { channel } }, trx)
          return { id: row.id }
        })
        reply.code(201)
        return detailOf((await repo.get(body.id))!, request, true)
      },
    )

    const reportOf = async (request: FastifyRequest, year: number, org?: string): Promise<FoiaYearReport> => {
      const own = staffOrg(request)
      const code = org ?? own
      if (!orgCovers(own, code)) throw forbidden(OTHER_ORG)
      const start = `${year}-01-01`
      const end = `${year}-12-31`
      // the organisation's own applications (its report), not those of the organisations below it
      const rows = await repo.forReport(code, end)
      const zero = () => ({ citizen: 0, organisation: 0, total: 0 })
      const received = zero()
      const carriedOver = zero()
      const results = new Map<FoiaReplyType | 'carried_forward', { citizen: number; organisation: number; total: number }>(
        [...FOIA_REPLY_TYPES, 'carried_forward' as const].map((t) => [t, zero()]),
      )
      const add = (c: { citizen: number; organisation: number; total: number }, type: string) => {
        if (type === 'citizen') c.citizen++
        else c.organisation++
        c.total++
      }
      for (const r of rows) {
        const answeredBy = (d: string) => r.replied_on !== null && r.replied_on <= d
        if (r.submitted_on >= start) add(received, r.applicant_type)
        else if (!answeredBy(addDays(start, -1))) add(carriedOver, r.applicant_type)
        else continue
        if (r.replied_on !== null && r.replied_on >= start && r.replied_on <= end && r.reply_type)
          add(results.get(r.reply_type as FoiaReplyType)!, r.applicant_type)
        else if (!answeredBy(end)) add(results.get('carried_forward')!, r.applicant_type)
      }
      return {
        year,
        orgCode: code,
        orgName: orgName(code),
        received,
        carriedOver,
        results: [...results.entries()].map(([type, c]) => ({
          type,
          label: type === 'carried_forward' ? '结转下年度继续办理' : FOIA_REPLY_LABELS[type],
          ...c,
        })),
      }
    }

    app.get(
      `${BASE}/report`,
      {
        schema: { querystring: ReportQuery, response: { 200: ReportOut, ...errors } },
        config: { cache: 'no-store', validationMessages: foiaMessages },
        onRequest: requireRole(...FOIA_READERS),
      },
      async (request) => reportOf(request, request.query.year, request.query.org),
    )

    app.get(
      `${BASE}/report.csv`,
      {
        schema: { querystring: ReportQuery, response: { 200: Type.String(), ...errors } },
        config: { cache: 'no-store', validationMessages: foiaMessages, audit: { action: 'foia.report.export', target: 'org' } },
        onRequest: requireRole(...FOIA_READERS),
        preHandler: exportLimit,
      },
      async (request, reply) => {
        const r = await reportOf(request, request.query.year, request.query.org)
        const lines: unknown[][] = [
          [`${r.orgName}${r.year}年政府信息公开工作年度报告：收到和处理政府信息公开申请情况`],
          ['项目', '自然人', '法人或其他组织', '总计'],
          ['本年新收政府信息公开申请数量', r.received.citizen, r.received.organisation, r.received.total],
          ['上年结转政府信息公开申请数量', r.carriedOver.citizen, r.carriedOver.organisation, r.carriedOver.total],
          ...r.results.map((x) => [x.label, x.citizen, x.organisation, x.total]),
        ]
        request.auditTargetId = r.orgCode
        const filename = `政府信息公开年度报告-${r.orgCode}-${r.year}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="foia-report-${r.orgCode}-${r.year}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(csvOf(lines))
      },
    )

    app.get(
      `${BASE}/:id`,
      { schema: { params: IdParams, response: { 200: RequestDetailOut, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole(...FOIA_READERS) },
      async (request) => detailOf(await covered(request, request.params.id), request, true),
    )

    app.get(
      `${BASE}/:id/reply.pdf`,
      { schema: { params: IdParams, response: errors }, config: { cache: 'no-store' }, onRequest: requireRole(...FOIA_READERS), preHandler: pdfLimit },
      async (request, reply) => sendPdf(await covered(request, request.params.id), reply),
    )

    const noteOf = (raw: string | undefined, what: string, required: boolean): string | undefined => {
      const note = raw?.trim() ?? ''
      if (!note) {
        if (required) throw badRequest(`请填写${what}`)
        return undefined
      }
      if (length(note) > FOIA_NOTE_MAX) throw badRequest(`${what}最多${FOIA_NOTE_MAX}字`)
      return note
    }

    app.post(
      `${BASE}/:id/:action`,
      {
        schema: { params: ActionParams, headers: IdempotencyHeaders, body: ActionInput, response: { 200: RequestDetailOut, ...errors } },
        config: { validationMessages: foiaMessages },
        onRequest: requireRole(...FOIA_READERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const { id, action } = request.params as { id: string; action: FoiaAction }
        await covered(request, id)
        const user = request.user!
        const body = request.body
        // the input each step needs, checked before the transaction
        const note = noteOf(
          body.note,
          action === 'request_correction' ? '补正要求' : action === 'extend' ? '延期理由' : action === 'return' ? '退回理由' : '说明',
          action === 'request_correction' || action === 'extend' || action === 'return',
        )
        const approver = action === 'extend' ? noteOf(body.approver, '延期批准人', true) : undefined
        const draft = action === 'submit_review' ? body.reply : undefined
        if (action === 'submit_review') {
          if (!draft) throw badRequest('请填写答复内容')
          const text = draft.text.trim()
          if (length(text) > FOIA_TEXT_MAX) throw badRequest(`答复正文最多${FOIA_TEXT_MAX}字`)
          if ((draft.type === 'refused' || draft.type === 'partial') && !draft.ground?.trim()) throw badRequest('不予公开须写明法律依据')
          if (draft.type === 'not_held' && !draft.holder?.trim()) throw badRequest('请填写掌握该信息的机关')
        }
        await idempotent(request, reply, `POST /admin/information-requests/:id/${action}`, { id, action, body }, async (trx) => {
          const locked = await repo.lock(trx, id)
          if (!locked) throw notFound('找不到该申请')
          const from = locked.status as FoiaStatus
          const decision = decide(action, user.role, user.id, { status: from, extended: locked.extended === 1, draftedBy: locked.drafted_by }, draft?.type)
          if (!decision.ok) throw new ApiError(decision.status, decision.status === 403 ? 'forbidden' : 'conflict', decision.message)
          const at = now().toISOString()
          const t = today()
          let update: RequestUpdate = { status: decision.to, updated_at: at }
          let eventNote = note
          switch (action) {
            case 'request_correction':
              update = { ...update, due_date: null, correction_note: note! }
              break
            case 'correct':
              update = correctionUpdate(locked)
              break
            case 'extend':
              update = { ...update, extended: 1, extension_approver: approver!, extension_reason: note!, due_date: foiaDueDate(locked.received_on, true) }
              eventNote = `批准人：${approver}；${note}`
              break
            case 'submit_review': {
              const month = locked.submitted_on.slice(0, 7)
              const nth = await repo.countInMonth(trx, locked.id_number, month, locked.created_at)
              const fee = foiaFee(draft!.pages ?? 0, nth)
              update = {
                ...update,
                reply_type: draft!.type,
                reply_ground: draft!.type === 'refused' || draft!.type === 'partial' ? draft!.ground!.trim() : null,
                reply_holder: draft!.type === 'not_held' ? draft!.holder!.trim() : null,
                reply_text: draft!.text.trim(),
                reply_pages: draft!.pages ?? null,
                fee_amount: fee?.amount ?? null,
                fee_basis: fee?.basis ?? null,
                drafted_by: user.id,
              }
              eventNote = FOIA_REPLY_LABELS[draft!.type] + (fee ? `（信息处理费 ${fee.amount} 元）` : '')
              break
            }
            case 'return':
              update = { ...update, status: locked.reply_type === 'no_correction' ? 'correction' : 'processing', drafted_by: null }
              break
            case 'reply':
              update = { ...update, replied_at: at, replied_on: t }
              eventNote = FOIA_REPLY_LABELS[locked.reply_type as FoiaReplyType]
              break
            default:
              break
          }
          await repo.update(trx, id, update)
          await repo.appendEvent(trx, id, action, actor(request), at, eventNote)
          await auditInTransaction(
            app,
            request,
            { action: `foia.${action}`, targetType: 'informationRequest', targetId: id, detail: { from, to: update.status ?? from } },
            trx,
          )
          // an online applicant hears of 补正, 答复 and 办结 in 我的消息 (and WeChat), with the step
          const notice = FOIA_NOTICES[action]
          if (notice && locked.user_id)
            await app.messages.foiaStepTaken(
              trx,
              { userId: locked.user_id, requestId: id, number: locked.number, orgName: orgName(locked.org_code), notice },
              at,
            )
          return { id }
        })
        app.messages.afterCommit()
        request.log.info({ informationRequestId: id, action }, 'information request step')
        return detailOf((await repo.get(id))!, request, true)
      },
    )

    app.post(
      `${BASE}/:id/disclose`,
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, response: { 200: RequestDetailOut, ...errors } },
        onRequest: requireRole(...FOIA_OFFICERS),
        preHandler: writeLimit,
      },
      async (request, reply) => {
        const id = request.params.id
        await covered(request, id)
        await idempotent(request, reply, 'POST /admin/information-requests/:id/disclose', { id }, async (trx) => {
          const locked = await repo.lock(trx, id)
          if (!locked) throw notFound('找不到该申请')
          if (locked.status !== 'answered' && locked.status !== 'closed') throw new ApiError(409, 'conflict', '答复后才能转为主动公开')
          if (locked.reply_type !== 'full' && locked.reply_type !== 'partial')
            throw new ApiError(409, 'conflict', '只有予以公开或部分公开的信息可以转为主动公开')
          if (locked.disclosure_item_id) throw new ApiError(409, 'conflict', '该申请已转为主动公开草稿')
          const topics = (await trx.selectFrom('topics').select('id').orderBy('position').execute()).flatMap((t) => (t.id ? [t.id] : []))
          const itemId = await createItem(trx, {
            type: 'faq',
            orgCode: locked.org_code,
            draft: {
              question: `如何获取「${locked.info_title}」？`,
              answer: `${locked.info_title}${locked.doc_number ? `（${locked.doc_number}）` : ''}已依申请公开，现转为主动公开。${locked.reply_text ? `\n${locked.reply_text}` : ''}\n（来源：${orgName(locked.org_code)}依申请公开答复）`,
              topic: disclosureTopic(`${locked.info_title} ${locked.description ?? ''}`, topics),
              keywords: ['依申请公开', '政府信息公开'],
            },
            author: actor(request),
            now: now(),
          })
          const at = now().toISOString()
          await repo.update(trx, id, { disclosure_item_id: itemId, updated_at: at })
          await repo.appendEvent(trx, id, 'disclose', actor(request), at, itemId)
          await auditInTransaction(app, request, { action: 'foia.disclose', targetType: 'informationRequest', targetId: id, detail: { itemId } }, trx)
          return { id }
        })
        return detailOf((await repo.get(id))!, request, true)
      },
    )
  }
}
