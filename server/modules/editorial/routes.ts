/**
 * The console's content workflow (分级维护 · 先审后发), for each of policies, interpretations,
 * faqs and banners under /admin/<type>:
 *
 *   GET  /admin/<type>?q=&status=&org=&topic=&from=&to=&sort=&order=&page=&pageSize=
 *   POST /admin/<type> {orgCode, draft}                       (Idempotency-Key)
 *   GET  /admin/<type>/:id · PUT /admin/<type>/:id {revision, draft} · GET /admin/<type>/:id/versions
 *   POST /admin/<type>/:id/check                              (runs the 送审 checks, changes nothing)
 *   POST /admin/<type>/:id/{submit,approve,reject,publish,withdraw} {revision, reason?, at?}
 *   GET  /admin/review-queue · GET|PUT /admin/orgs/:code/settings
 *
 * An account acts on items of its organisation and below (403 otherwise, reads included); every
 * write compares the item's revision in SQL (409 「已被他人修改」, nothing changed) and is audited
 * in its own transaction. Publishing and withdrawing copy into / delete from the public tables in
 * that transaction and drop the micro-cache of the public reads before answering.
 */
import type { FastifyRequest } from 'fastify'
import {
  EDITORIAL_PATHS,
  EDITORIAL_ROLES,
  EDITORIAL_TYPES,
  type EditorialAction,
  type EditorialDrafts,
  type EditorialItem as EditorialItemEntity,
  type EditorialStatus,
  type EditorialType,
  type Role,
} from '../../../common/contract'
import { badRequest, conflict, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams, PageOf } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import type { DB } from '../../db/schema'
import type { Kysely } from 'kysely'
import { auditInTransaction } from '../audit/plugin'
import { isOrgCode, orgCovers, orgPrefixPattern } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash } from '../idempotency'
import { shanghaiToday } from '../../../common/shanghai-date'
import { runChecks } from './checks'
import { createItem, titleOf } from './create-item'
import { validateDraft } from './validate'
import { createContentChecker, type ContentChecker } from '../../content-check'
import type { WechatConfig } from '../../wechat/jscode2session'
import { PUBLIC_PATHS, publishDraft, unpublish } from './publish'
import { recordItemUploads } from './uploads'
import {
  allowsSelfReview,
  getItemRow,
  getVersionRow,
  type ItemRow,
  listItemRows,
  listVersionRows,
  loadItem,
  pageFrom,
  saveOrgSettings,
  updateAtRevision,
  versionFrom,
  withClosing,
} from './repository'
import {
  EditorialCheck,
  EditorialCreate,
  EditorialItem,
  EditorialPublish,
  EditorialQuery,
  EditorialReject,
  EditorialSummary,
  EditorialTransition,
  EditorialUpdate,
  EditorialVersion,
  editorialMessages,
  IdempotencyHeaders,
  OrgParams,
  OrgSettings,
  OrgSettingsInput,
} from './schemas'
import { canEdit, nextStatus, publishTime, REJECT_REASON_MAX, refusal, STALE_REVISION } from './workflow'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const OTHER_ORG = '不能操作其他单位的内容'
export const SELF_REVIEW = '不能审核自己提交的内容'
const READERS: Role[] = ['editor', 'reviewer', 'admin']
const ACTIONS: readonly EditorialAction[] = ['submit', 'approve', 'reject', 'publish', 'withdraw']

/** the organisation the account acts for; an account without one acts on nothing */
export function staffOrg(request: FastifyRequest): string {
  const code = request.user?.org?.code
  if (!code || !isOrgCode(code)) throw forbidden('该账号未设置所属单位，不能操作内容')
  return code
}

export interface EditorialRoutesOptions {
  /** with WeChat configured, 送审 also asks msgSecCheck about an account that has an openid */
  wechat?: WechatConfig
  contentChecker?: ContentChecker
}

export function editorialRoutes(options: EditorialRoutesOptions = {}): RoutePlugin {
  return async (app) => {
    const checker = options.contentChecker ?? createContentChecker({ wechat: options.wechat })
    /** the content check of the caller, its openid read before any transaction (the check may call WeChat) */
    const contentCheck = async (request: FastifyRequest) => {
      const openid = await app.store.auth.wechatOpenid(request.user!.id)
      return { checker, log: request.log, ...(openid ? { openid } : {}) }
    }
    const db = () => app.store.database.kysely
    const names = () => app.store.orgNames()
    const writeLimit = app.limit({ name: 'editorial-write', max: 600, windowMs: 60 * 60_000, per: 'user', message: '操作过于频繁' })
    const staffRef = (request: FastifyRequest) => ({ id: request.user!.id, name: request.user!.nickname })

    /** the item if the account may act on it: 404 unknown (or of another type), 403 of another organisation */
    const covered = async (request: FastifyRequest, type: EditorialType, id: string): Promise<ItemRow> => {
      const own = staffOrg(request)
      const row = await getItemRow(db(), id)
      if (!row || row.type !== type) throw notFound('找不到该内容')
      if (!orgCovers(own, row.org_code)) throw forbidden(OTHER_ORG)
      return row
    }

    const fieldErrors = <T extends EditorialType>(type: T, draft: unknown): EditorialDrafts[T] => {
      const checked = validateDraft(type, draft)
      const count = Object.keys(checked.fields).length
      if (count > 0) throw badRequest(`有 ${count} 处填写不正确：${Object.values(checked.fields)[0]}`, { fields: checked.fields })
      return checked.draft
    }

    const loaded = async (trx: Kysely<DB>, id: string): Promise<EditorialItemEntity> => (await loadItem(trx, id, names()))!

    for (const type of EDITORIAL_TYPES) {
      const base = `/admin/${EDITORIAL_PATHS[type]}`
      const createScope = `POST ${base}`

      app.get(
        base,
        {
          schema: { querystring: EditorialQuery, response: { 200: PageOf(EditorialSummary), ...errors } },
          config: { cache: 'no-store', validationMessages: editorialMessages },
          onRequest: requireRole(...READERS),
        },
        async (request) => {
          const own = staffOrg(request)
          const { org, status, ...rest } = request.query
          if (org && (!isOrgCode(org) || !orgCovers(own, org))) throw forbidden('不能查看其他单位的内容')
          const filter = { ...rest, ...(org ? { org } : {}), ...(status ? { status } : {}), type, scope: orgPrefixPattern(own) }
          const page = pageFrom(await listItemRows(db(), filter, app.store.database.dialect === 'postgres'), filter, names())
          return type === 'policy' ? withClosing(db(), page, shanghaiToday(app.store.now())) : page
        },
      )

      app.post(
        base,
        {
          schema: { headers: IdempotencyHeaders, body: EditorialCreate, response: { 201: EditorialItem, ...errors } },
          config: { validationMessages: editorialMessages, audit: { action: 'editorial.create', target: type } },
          onRequest: requireRole(...EDITORIAL_ROLES.edit),
          preHandler: writeLimit,
        },
        async (request, reply) => {
          const own = staffOrg(request)
          const { orgCode } = request.body
          if (!isOrgCode(orgCode)) throw badRequest(editorialMessages.orgCode)
          if (!orgCovers(own, orgCode)) throw forbidden(OTHER_ORG)
          const draft = fieldErrors(type, request.body.draft)
          const user = request.user!
          const key = request.headers['idempotency-key']
          const hash = requestHash({ orgCode, draft })
          const replay = async () => {
            const earlier = key ? await findIdempotencyRecord(db(), user.id, createScope, key) : undefined
            if (!earlier) return undefined
            if (earlier.requestHash !== hash) throw idempotencyKeyReused()
            return earlier.body as EditorialItemEntity
          }
          const earlier = await replay()
          if (earlier) return reply.code(201).header(REPLAYED_HEADER, 'true').send(earlier)
          try {
            const item = await db()
              .transaction()
              .execute(async (trx) => {
                const id = await createItem(trx, { type, orgCode, draft, author: staffRef(request), now: app.store.now() })
                await recordItemUploads(trx, { itemId: id, type, draft, userId: user.id, orgCode: own })
                const item = await loaded(trx, id)
                if (key) {
                  const claimed = await rememberIdempotent(trx, {
                    userId: user.id,
                    scope: createScope,
                    key,
                    requestHash: hash,
                    status: 201,
                    body: item,
                    createdAt: app.store.now().toISOString(),
                  })
                  // the same key sent twice at once: the first request made the item, this one rolls back and replays it
                  if (!claimed) throw new KeyTaken()
                }
                await auditInTransaction(app, request, { targetId: id, detail: { version: 1, to: 'draft', orgCode } }, trx)
                return item
              })
            return reply.code(201).send(item)
          } catch (err) {
            if (!(err instanceof KeyTaken)) throw err
            const first = await replay()
            if (!first) throw err
            return reply.code(201).header(REPLAYED_HEADER, 'true').send(first)
          }
        },
      )

      app.get(
        `${base}/:id`,
        {
          schema: { params: IdParams, response: { 200: EditorialItem, ...errors } },
          config: { cache: 'no-store' },
          onRequest: requireRole(...READERS),
        },
        async (request) => {
          await covered(request, type, request.params.id)
          const item = await loadItem(db(), request.params.id, names())
          if (!item) throw notFound('找不到该内容')
          return item
        },
      )

      app.get(
        `${base}/:id/versions`,
        {
          schema: { params: IdParams, response: { 200: { type: 'array', items: EditorialVersion }, ...errors } },
          config: { cache: 'no-store' },
          onRequest: requireRole(...READERS),
        },
        async (request) => {
          const row = await covered(request, type, request.params.id)
          return (await listVersionRows(db(), row.id)).map((v) => versionFrom(v, row.published_version))
        },
      )

      app.post(
        `${base}/:id/check`,
        {
          schema: { params: IdParams, response: { 200: { type: 'array', items: EditorialCheck }, ...errors } },
          config: { cache: 'no-store' },
          onRequest: requireRole(...READERS),
        },
        async (request) => {
          const row = await covered(request, type, request.params.id)
          const version = await getVersionRow(db(), row.id, row.version)
          return runChecks(type, JSON.parse(version!.draft) as EditorialDrafts[typeof type], {
            db: db(),
            itemId: row.id,
            orgCode: row.org_code,
            contentCheck: await contentCheck(request),
          })
        },
      )

      app.put(
        `${base}/:id`,
        {
          schema: { params: IdParams, body: EditorialUpdate, response: { 200: EditorialItem, ...errors } },
          config: { validationMessages: editorialMessages, audit: { action: 'editorial.update', target: type } },
          onRequest: requireRole(...EDITORIAL_ROLES.edit),
          preHandler: writeLimit,
        },
        async (request) => {
          const id = request.params.id
          await covered(request, type, id)
          const draft = fieldErrors(type, request.body.draft)
          const author = staffRef(request)
          const at = app.store.now().toISOString()
          const fields = draft as { topic?: string; reviewDate?: string }
          return db()
            .transaction()
            .execute(async (trx) => {
              const row = (await getItemRow(trx, id))!
              if (row.revision !== request.body.revision) throw conflict(STALE_REVISION)
              const from = row.status as EditorialStatus
              if (!canEdit(from)) throw conflict(refusal(from, 'edit'))
              const version = row.version + 1
              // the compare-and-set first: a concurrent save with the same revision waits on the row and then finds it changed
              const saved = await updateAtRevision(trx, id, row.revision, {
                status: 'draft',
                version,
                title: titleOf(type, draft),
                topic: fields.topic || null,
                review_date: fields.reviewDate || null,
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
              if (!saved) throw conflict(STALE_REVISION)
              await recordItemUploads(trx, { itemId: id, type, draft, userId: author.id, orgCode: staffOrg(request) })
              await trx
                .insertInto('editorial_versions')
                .values({ item_id: id, version, draft: JSON.stringify(draft), author_id: author.id, author_name: author.name, created_at: at })
                .execute()
              await auditInTransaction(app, request, { targetId: id, detail: { version, from, to: 'draft' } }, trx)
              return loaded(trx, id)
            })
        },
      )

      for (const action of ACTIONS) {
        const changesPublic = action === 'publish' || action === 'withdraw'
        const body = action === 'reject' ? EditorialReject : action === 'publish' ? EditorialPublish : EditorialTransition
        app.post(
          `${base}/:id/${action}`,
          {
            schema: { params: IdParams, body, response: { 200: EditorialItem, ...errors } },
            config: {
              validationMessages: editorialMessages,
              audit: { action: `editorial.${action}`, target: type },
              ...(changesPublic ? { invalidates: PUBLIC_PATHS[type] } : {}),
            },
            onRequest: requireRole(...EDITORIAL_ROLES[action]),
            preHandler: writeLimit,
          },
          async (request) => {
            const id = request.params.id
            await covered(request, type, id)
            const input = request.body as { revision: number; reason?: string; at?: string }
            const reviewer = staffRef(request)
            const now = app.store.now()
            const at = now.toISOString()
            const reason = input.reason?.trim()
            if (action === 'reject') {
              if (!reason) throw badRequest('请填写退回理由', { fields: { reason: '请填写退回理由' } })
              if ([...reason].length > REJECT_REASON_MAX) throw badRequest(editorialMessages.reason, { fields: { reason: editorialMessages.reason } })
            }
            const when = action === 'publish' ? publishTime(input.at, now) : undefined
            if (when?.kind === 'invalid') throw badRequest(when.message, { fields: { at: when.message } })
            const textCheck = action === 'submit' ? await contentCheck(request) : undefined

            const item = await db()
              .transaction()
              .execute(async (trx) => {
                const row = (await getItemRow(trx, id))!
                if (row.revision !== input.revision) throw conflict(STALE_REVISION)
                const from = row.status as EditorialStatus
                const to = nextStatus(from, action, { scheduled: when?.kind === 'scheduled', live: row.published_version !== null })
                if (!to) throw conflict(refusal(from, action))
                const version = await getVersionRow(trx, id, row.version)
                const draft = JSON.parse(version!.draft) as EditorialDrafts[typeof type]
                const patch: Parameters<typeof updateAtRevision>[3] = { status: to, updated_at: at }
                const detail: Record<string, unknown> = { version: row.version, from, to }

                if (action === 'submit') {
                  const checks = await runChecks(type, draft, { db: trx, itemId: id, orgCode: row.org_code, contentCheck: textCheck })
                  const failed = checks.filter((c) => c.level === 'error')
                  if (failed.length) throw badRequest(`送审检查未通过：${failed.map((c) => c.message).join('；')}`, { checks })
                  Object.assign(patch, { submitted_at: at, checks: JSON.stringify(checks), reject_reason: null })
                } else if (action === 'approve' || action === 'reject') {
                  let selfReview = false
                  if (version!.author_id === reviewer.id) {
                    if (action === 'approve' && !(await allowsSelfReview(trx, row.org_code))) throw forbidden(SELF_REVIEW)
                    selfReview = action === 'approve'
                  }
                  Object.assign(patch, { reviewer_id: reviewer.id, reviewer_name: reviewer.name, reviewed_at: at, self_review: selfReview ? 1 : 0 })
                  if (action === 'reject') {
                    patch.reject_reason = reason!
                    detail.reason = reason
                  }
                  if (selfReview) detail.selfReview = true
                } else if (action === 'publish') {
                  if (when?.kind === 'scheduled') {
                    patch.scheduled_at = when.at.toISOString()
                    detail.scheduledAt = patch.scheduled_at
                  } else {
                    Object.assign(patch, published(row, at))
                  }
                } else if (from === 'scheduled') {
                  patch.scheduled_at = null
                } else {
                  Object.assign(patch, { published_version: null, withdrawn_at: at })
                }

                if (!(await updateAtRevision(trx, id, row.revision, patch))) throw conflict(STALE_REVISION)
                if (to === 'published') await publishDraft(trx, type, id, draft, now)
                // 撤回 of the live version: also when a new version is being worked on (its status stays)
                if (action === 'withdraw' && from !== 'scheduled') await unpublish(trx, type, id)
                await auditInTransaction(app, request, { targetId: id, detail }, trx)
                return loaded(trx, id)
              })
            // 政策找人: a policy published with a rule is matched against stored situations, after the commit
            if (type === 'policy' && (action === 'publish' || action === 'withdraw')) void app.policyMatcher?.kick()
            return item
          },
        )
      }
    }

    app.get(
      '/admin/review-queue',
      {
        schema: { querystring: EditorialQuery, response: { 200: PageOf(EditorialSummary), ...errors } },
        config: { cache: 'no-store', validationMessages: editorialMessages },
        onRequest: requireRole(...EDITORIAL_ROLES.approve),
      },
      async (request) => {
        const own = staffOrg(request)
        const { org, status: _status, ...rest } = request.query
        void _status
        if (org && (!isOrgCode(org) || !orgCovers(own, org))) throw forbidden('不能查看其他单位的内容')
        const filter = { ...rest, ...(org ? { org } : {}), status: 'in_review' as const, scope: orgPrefixPattern(own), reviewer: request.user!.id }
        return pageFrom(await listItemRows(db(), filter, app.store.database.dialect === 'postgres'), filter, names())
      },
    )

    const settingsOrg = (request: FastifyRequest, code: string) => {
      if (!isOrgCode(code)) throw badRequest('单位代码不正确')
      if (!orgCovers(staffOrg(request), code)) throw forbidden('不能管理其他单位的设置')
      return code
    }

    app.get(
      '/admin/orgs/:code/settings',
      { schema: { params: OrgParams, response: { 200: OrgSettings, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole(...READERS) },
      async (request) => {
        const code = settingsOrg(request, request.params.code)
        return { code, allowSelfReview: await allowsSelfReview(db(), code) }
      },
    )

    app.put(
      '/admin/orgs/:code/settings',
      {
        schema: { params: OrgParams, body: OrgSettingsInput, response: { 200: OrgSettings, ...errors } },
        config: { validationMessages: editorialMessages, audit: { action: 'org.settings', target: 'org' } },
        onRequest: requireRole('admin'),
        preHandler: writeLimit,
      },
      async (request) => {
        const code = settingsOrg(request, request.params.code)
        const allowSelfReview = request.body.allowSelfReview
        await db()
          .transaction()
          .execute(async (trx) => {
            await saveOrgSettings(trx, code, allowSelfReview, request.user!.id, app.store.now().toISOString())
            await auditInTransaction(app, request, { targetId: code, detail: { allowSelfReview } }, trx)
          })
        return { code, allowSelfReview }
      },
    )
  }
}

/** the columns of an item whose working version goes live now */
export function published(row: Pick<ItemRow, 'version' | 'first_published_at'>, at: string) {
  return { published_version: row.version, published_at: at, first_published_at: row.first_published_at ?? at, scheduled_at: null, withdrawn_at: null }
}
