/**
 * 问答缺口 in the console:
 *
 *   GET  /admin/qa-gaps?status=&q=&from=&to=&page=&pageSize=   groups, most asked first
 *   GET  /admin/qa-gaps.csv?status=&q=&from=&to=               the same as CSV (audited as qa-gap.export)
 *   POST /admin/qa-gaps/:id/faq     {question?, answer?, topic?, keywords?}  a new FAQ draft (简明问答,
 *        version 1, 草稿) prefilled with the group's wording, its other wordings as 相似问法 where they
 *        fit (never one that carried personal data); 送审 → 审核 → 发布 as any FAQ
 *   POST /admin/qa-gaps/:id/attach  {faqId}   the group's wordings become 相似问法 of the FAQ's next
 *        version (a draft again, through review as any edit), within the 相似问法 limits
 *   POST /admin/qa-gaps/:id/ignore
 *
 * Editors and admins act on the groups of their organisation and below (403 otherwise), readers
 * (reviewers too) list them. Writes are rate-limited, take an Idempotency-Key, and are audited in
 * their transaction, with the editorial entry of the FAQ they make or change.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import { Type } from '@sinclair/typebox'
import {
  EDITORIAL_ROLES,
  QA_GAP_STATUS_LABELS,
  type EditorialDrafts,
  type EditorialStatus,
  type FaqDraft,
  type QaGap as QaGapEntity,
  type QaGapActionResult as QaGapActionResultEntity,
  type QaGapStatus,
  type Role,
} from '../../../common/contract'
import { addDays, shanghaiToday } from '../../../common/shanghai-date'
import type { DB } from '../../db/schema'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { orgCovers, orgPrefixPattern } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { createItem, titleOf } from '../editorial/create-item'
import { getItemRow, getVersionRow, updateAtRevision } from '../editorial/repository'
import { OTHER_ORG, staffOrg } from '../editorial/routes'
import { IdempotencyHeaders } from '../editorial/schemas'
import { listedSensitiveWord } from '../editorial/checks'
import { LIMITS, validateDraft } from '../editorial/validate'
import { canEdit, refusal } from '../editorial/workflow'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash } from '../idempotency'
import { gapsFrom, getGapRow, handleGap, listGapRows, samplesOf, type GapFilter } from './repository'
import { QaGap, QaGapActionResult, QaGapAttachInput, QaGapFaqInput, QaGapQuery, qaGapMessages } from './schemas'
import { csvCell } from '../dashboard/csv'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody }
const READERS: Role[] = ['editor', 'reviewer', 'admin']
const EXPORT_MAX = 5000
/** a group may still be turned into a FAQ or attached after it was ignored */
const ACTIONABLE: readonly QaGapStatus[] = ['open', 'ignored']

/** a wording as a FAQ 相似问法: trimmed, without its closing punctuation (as the 相似问法 are written) */
export const asSimilar = (wording: string): string => wording.replace(/[\s?？。!！.，,]+$/u, '').trim()

/** how two wordings compare when deciding whether a FAQ already has one: width, case, spaces and punctuation aside */
const sameWording = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '')

/**
 * A FAQ's 相似问法 with a gap group's wordings added where they fit: not one it already has (or
 * its question), within ≤ LIMITS.similar of ≤ LIMITS.similarText characters, without a word of
 * the sensitive-word list, and never one that carried personal data (its masked 张*丰 /
 * 138****5678 would be published). Says why the others were left out, for the refusal.
 */
export function withGapWordings(faq: { question: string; similar?: readonly string[] }, wordings: readonly string[]) {
  const similar = [...(faq.similar ?? [])]
  const known = new Set([faq.question, ...similar].map(sameWording))
  const left = { tooLong: 0, full: false, personal: false, sensitive: undefined as string | undefined }
  for (const text of wordings.map(asSimilar).filter(Boolean)) {
    if (known.has(sameWording(text))) continue
    known.add(sameWording(text))
    if (text.includes('*')) left.personal = true
    else if ([...text].length > LIMITS.similarText) left.tooLong++
    else if (listedSensitiveWord(text)) left.sensitive ??= listedSensitiveWord(text)
    else if (similar.length >= LIMITS.similar) left.full = true
    else similar.push(text)
  }
  return { similar, added: similar.length - (faq.similar?.length ?? 0), left }
}

/** the first instant of a Shanghai day, as the ISO time the table keeps */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()

export function qaGapRoutes(): RoutePlugin {
  return async (app) => {
    const db = () => app.store.database.kysely
    const names = () => app.store.orgNames()
    const writeLimit = app.limit({ name: 'qa-gap-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁' })
    const staffRef = (request: FastifyRequest) => ({ id: request.user!.id, name: request.user!.nickname })

    const filterOf = (
      request: FastifyRequest,
      query: { status?: string; q?: string; from?: string; to?: string },
      page: number,
      pageSize: number,
    ): GapFilter => {
      const { status, q, from, to } = query
      if (from && to && to < from) throw badRequest('结束日期不能早于开始日期')
      // dates are Shanghai days; the table keeps UTC instants
      return {
        scope: orgPrefixPattern(staffOrg(request)),
        page,
        pageSize,
        ...(status ? { status: status as QaGapStatus } : {}),
        ...(q?.trim() ? { q: q.trim() } : {}),
        ...(from ? { from: dayStart(from) } : {}),
        ...(to ? { to: dayStart(addDays(to, 1)) } : {}),
      }
    }

    app.get(
      '/admin/qa-gaps',
      {
        schema: { querystring: QaGapQuery, response: { 200: PageOf(QaGap), ...errors } },
        config: { cache: 'no-store', validationMessages: qaGapMessages },
        onRequest: requireRole(...READERS),
      },
      async (request) => {
        const { page, pageSize } = request.query
        const filter = filterOf(request, request.query, page, pageSize)
        const { rows, total } = await listGapRows(db(), filter)
        return { items: await gapsFrom(db(), rows, names()), total, page, pageSize }
      },
    )

    app.get(
      '/admin/qa-gaps.csv',
      {
        schema: { querystring: Type.Omit(QaGapQuery, ['page', 'pageSize']), response: { 200: Type.String(), ...errors } },
        config: { cache: 'no-store', validationMessages: qaGapMessages, audit: { action: 'qa-gap.export', target: 'qaGap' } },
        onRequest: requireRole(...READERS),
        preHandler: app.limit({ name: 'qa-gap-export', max: 30, windowMs: 60_000, per: 'user', message: '导出过于频繁，请稍后再试' }),
      },
      async (request, reply) => {
        const filter = filterOf(request, request.query, 1, EXPORT_MAX)
        const { rows } = await listGapRows(db(), filter)
        const gaps = await gapsFrom(db(), rows, names())
        request.auditTargetId = staffOrg(request)
        const today = shanghaiToday(app.store.now())
        const line = (cells: (string | number)[]) => cells.map(csvCell).join(',')
        const csv = [
          line(['问法', '提问次数', '状态', '单位', '首次提问', '最近提问', '其他问法', '关联问答', '其中来自搜索']),
          ...gaps.map((g) =>
            line([
              g.wording,
              g.count,
              QA_GAP_STATUS_LABELS[g.status],
              g.org.name,
              g.firstSeen,
              g.lastSeen,
              g.samples
                .filter((s) => s.wording !== g.wording)
                .map((s) => `${s.wording}（${s.count}）`)
                .join('；'),
              g.faq?.title ?? '',
              g.searchCount,
            ]),
          ),
        ].join('\r\n')
        const filename = `问答缺口-${today}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="qa-gaps-${today}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(`\uFEFF${csv}\r\n`)
      },
    )

    /** the group if the account may act on it: 404 unknown, 403 of another organisation */
    const covered = async (request: FastifyRequest, id: string) => {
      const row = await getGapRow(db(), id)
      if (!row) throw notFound('找不到该问答缺口')
      if (!orgCovers(staffOrg(request), row.org_code)) throw forbidden('不能处理其他单位的问答缺口')
      return row
    }

    const loadGap = async (trx: Kysely<DB>, id: string): Promise<QaGapEntity> => (await gapsFrom(trx, [(await getGapRow(trx, id))!], names()))[0]

    /**
     * A write once per Idempotency-Key: `replayed` answers a retry with the same key and input as
     * the first time (before any check: the first request changed what the checks see), refuses
     * other input under the key; `once` runs the write and records its answer under the key.
     */
    const keyOf = (request: FastifyRequest) => request.headers['idempotency-key'] as string | undefined
    const replayed = async <T>(request: FastifyRequest, reply: FastifyReply, scope: string, hash: string): Promise<T | undefined> => {
      const key = keyOf(request)
      const earlier = key ? await findIdempotencyRecord(db(), request.user!.id, scope, key) : undefined
      if (!earlier) return undefined
      if (earlier.requestHash !== hash) throw idempotencyKeyReused()
      reply.header(REPLAYED_HEADER, 'true')
      return earlier.body as T
    }
    const once = async <T>(
      request: FastifyRequest,
      reply: FastifyReply,
      scope: string,
      hash: string,
      write: (trx: Transaction<DB>) => Promise<T>,
    ): Promise<T> => {
      const key = keyOf(request)
      try {
        return await db()
          .transaction()
          .execute(async (trx) => {
            const result = await write(trx)
            if (key) {
              const claimed = await rememberIdempotent(trx, {
                userId: request.user!.id,
                scope,
                key,
                requestHash: hash,
                status: 200,
                body: result,
                createdAt: app.store.now().toISOString(),
              })
              // the same key sent twice at once: this one rolls back and answers the first
              if (!claimed) throw new KeyTaken()
            }
            return result
          })
      } catch (err) {
        if (!(err instanceof KeyTaken)) throw err
        const first = await replayed<T>(request, reply, scope, hash)
        if (!first) throw err
        return first
      }
    }

    const handled = (status: string) => conflict(`该问答缺口${QA_GAP_STATUS_LABELS[status as QaGapStatus] ?? '已处理'}，不能重复处理`)
    const stillActionable = (status: string) => {
      if (!ACTIONABLE.includes(status as QaGapStatus)) throw handled(status)
    }

    const writeRoute = { onRequest: requireRole(...EDITORIAL_ROLES.edit), preHandler: writeLimit }

    app.post(
      '/admin/qa-gaps/:id/faq',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: QaGapFaqInput, response: { 200: QaGapActionResult, ...errors } },
        config: { validationMessages: qaGapMessages, audit: { action: 'qa-gap.faq', target: 'qaGap' } },
        ...writeRoute,
      },
      async (request, reply) => {
        const gap = await covered(request, request.params.id)
        const scope = 'POST /admin/qa-gaps/:id/faq'
        const hash = requestHash({ id: gap.id, body: request.body })
        const earlier = await replayed<QaGapActionResultEntity>(request, reply, scope, hash)
        if (earlier) return earlier
        stillActionable(gap.status)
        const body = request.body
        const question = body.question?.trim() || gap.wording
        const others = (await samplesOf(db(), [gap.id])).get(gap.id) ?? []
        // the group's other wordings become the new FAQ's 相似问法 where they fit, so it answers each of them
        const similar = withGapWordings(
          { question },
          others.map((s) => s.wording),
        ).similar
        const checked = validateDraft('faq', { question, answer: body.answer ?? '', topic: body.topic ?? '', keywords: body.keywords ?? [], similar })
        const count = Object.keys(checked.fields).length
        if (count > 0) throw badRequest(`有 ${count} 处填写不正确：${Object.values(checked.fields)[0]}`, { fields: checked.fields })
        const draft = checked.draft
        const author = staffRef(request)
        return once(request, reply, scope, hash, async (trx) => {
          const now = app.store.now()
          const itemId = await createItem(trx, { type: 'faq', orgCode: gap.org_code, draft, author, now })
          if (!(await handleGap(trx, gap.id, ACTIONABLE, 'faq', author, now.toISOString(), itemId))) throw conflict('该问答缺口已被他人处理，请刷新后再试')
          await auditInTransaction(
            app,
            request,
            { action: 'editorial.create', targetType: 'faq', targetId: itemId, detail: { version: 1, to: 'draft', orgCode: gap.org_code, qaGap: gap.id } },
            trx,
          )
          await auditInTransaction(app, request, { targetId: gap.id, detail: { faqId: itemId, count: gap.ask_count } }, trx)
          return { gap: await loadGap(trx, gap.id), itemId }
        })
      },
    )

    app.post(
      '/admin/qa-gaps/:id/attach',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: QaGapAttachInput, response: { 200: QaGapActionResult, ...errors } },
        config: { validationMessages: qaGapMessages, audit: { action: 'qa-gap.attach', target: 'qaGap' } },
        ...writeRoute,
      },
      async (request, reply) => {
        const gap = await covered(request, request.params.id)
        const faqId = request.body.faqId
        const scope = 'POST /admin/qa-gaps/:id/attach'
        const hash = requestHash({ id: gap.id, faqId })
        const earlier = await replayed<QaGapActionResultEntity>(request, reply, scope, hash)
        if (earlier) return earlier
        stillActionable(gap.status)
        const item = await getItemRow(db(), faqId)
        if (!item || item.type !== 'faq') throw notFound('找不到要并入的问答')
        if (!orgCovers(staffOrg(request), item.org_code)) throw forbidden(OTHER_ORG)
        const author = staffRef(request)
        return once(request, reply, scope, hash, async (trx) => {
          const row = (await getItemRow(trx, faqId))!
          const from = row.status as EditorialStatus
          if (!canEdit(from)) throw conflict(`${refusal(from, 'edit')}：请在审核结束后再并入`)
          const current = JSON.parse((await getVersionRow(trx, faqId, row.version))!.draft) as EditorialDrafts['faq']
          const samples = (await samplesOf(trx, [gap.id])).get(gap.id) ?? []
          // the residents' wordings become 相似问法 (another way residents ask it: what the field is
          // for, and the ranking weighs it as question text), not keywords
          const { similar, added, left } = withGapWordings(current, [gap.wording, ...samples.map((s) => s.wording)])
          if (added === 0) {
            throw badRequest(
              left.full
                ? `该问答已有 ${LIMITS.similar} 条相似问法，不能再并入；请先在问答编辑页删减相似问法`
                : left.sensitive
                  ? `这组问法含有不适宜发布的词语「${left.sensitive}」，不能并入`
                  : left.tooLong
                    ? `这组问法超过 ${LIMITS.similarText} 个字，不能作为相似问法并入；请转为新问答，或在问答编辑页手工添加`
                    : left.personal
                      ? '这组问法含有已遮盖的个人信息，不能作为相似问法并入；请在问答编辑页手工添加'
                      : '该问答已包含这组问法',
            )
          }
          const checked = validateDraft('faq', { ...current, similar })
          const problems = Object.values(checked.fields)
          if (problems.length) throw badRequest(`并入后问答填写不正确：${problems[0]}`, { fields: checked.fields })
          const draft: FaqDraft = { ...current, similar }
          const at = app.store.now().toISOString()
          const version = row.version + 1
          const saved = await updateAtRevision(trx, faqId, row.revision, {
            status: 'draft',
            version,
            title: titleOf('faq', draft),
            updated_by_id: author.id,
            updated_by_name: author.name,
            updated_at: at,
            submitted_at: null,
            reviewer_id: null,
            reviewer_name: null,
            reviewed_at: null,
            self_review: 0,
            scheduled_at: null,
            checks: '[]',
          })
          if (!saved) throw conflict('该问答已被他人修改，请刷新后再试')
          await trx
            .insertInto('editorial_versions')
            .values({ item_id: faqId, version, draft: JSON.stringify(draft), author_id: author.id, author_name: author.name, created_at: at })
            .execute()
          if (!(await handleGap(trx, gap.id, ACTIONABLE, 'attached', author, at, faqId))) throw conflict('该问答缺口已被他人处理，请刷新后再试')
          await auditInTransaction(
            app,
            request,
            { action: 'editorial.update', targetType: 'faq', targetId: faqId, detail: { version, from, to: 'draft', qaGap: gap.id } },
            trx,
          )
          await auditInTransaction(app, request, { targetId: gap.id, detail: { faqId, added } }, trx)
          return { gap: await loadGap(trx, gap.id), itemId: faqId }
        })
      },
    )

    app.post(
      '/admin/qa-gaps/:id/ignore',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, response: { 200: QaGapActionResult, ...errors } },
        config: { audit: { action: 'qa-gap.ignore', target: 'qaGap' } },
        ...writeRoute,
      },
      async (request, reply) => {
        const gap = await covered(request, request.params.id)
        const scope = 'POST /admin/qa-gaps/:id/ignore'
        const hash = requestHash({ id: gap.id })
        const earlier = await replayed<QaGapActionResultEntity>(request, reply, scope, hash)
        if (earlier) return earlier
        if (gap.status !== 'open') throw handled(gap.status)
        return once(request, reply, scope, hash, async (trx) => {
          const at = app.store.now().toISOString()
          if (!(await handleGap(trx, gap.id, ['open'], 'ignored', staffRef(request), at))) throw conflict('该问答缺口已被他人处理，请刷新后再试')
          await auditInTransaction(app, request, { targetId: gap.id, detail: { count: gap.ask_count } }, trx)
          return { gap: await loadGap(trx, gap.id) }
        })
      },
    )
  }
}
