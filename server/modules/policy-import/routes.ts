/**
 * POST /api/v1/admin/policies/import?dryRun=true|false&orgCode=… — a policy list (CSV or XLSX,
 * multipart field `file`, ≤ 2 MB, ≤ 2000 rows) made into policy drafts of the organisation, all
 * or none (issue 14, Import). A dry run (the default) answers every row and its errors and writes
 * nothing. A real import with any row in error answers 400 with the same rows and writes nothing;
 * otherwise every row becomes a 草稿 in one transaction, with one audit entry `policy.import`.
 * Editors and admins, for their organisation and below (403 elsewhere). A retried import with the
 * same Idempotency-Key answers the first import again instead of importing twice.
 */
import multipart from '@fastify/multipart'
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { ImportResult as ImportResultBody, ImportRow, PolicyDraft } from '../../../common/contract'
import { StoreConflict } from '../../db/conflict'
import { ApiError, badRequest, forbidden, idempotencyKeyReused } from '../../errors'
import { requireRole } from '../../plugins/auth'
import type { LimitRule } from '../../plugins/rate-limit'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { isOrgCode, orgCovers } from '../auth/org-scope'
import { REPLAYED_HEADER } from '../consultations/routes'
import { createItem, newItemId } from '../editorial/create-item'
import { validateDraft } from '../editorial/validate'
import { findIdempotencyRecord, KeyTaken, rememberIdempotent, requestHash, withIdempotency } from '../idempotency'
import { IMPORT_MAX_BYTES, ImportFileError, parsePolicyList, TOO_LARGE, docNumberKey } from './parse'
import { takenDocNumbers } from './repository'
import { ImportHeaders, ImportQuery, ImportRefused, ImportResult, importMessages } from './schemas'

export const IMPORT_SCOPE = 'POST /admin/policies/import'
export const IMPORT_FIELD = 'file'
export const IMPORT_LIMITS = {
  perUser: { name: 'policy-import', max: 60, windowMs: 3600_000, per: 'user', message: '导入政策过于频繁' },
} satisfies Record<string, LimitRule>

const NO_FILE = '请选择要导入的 CSV 或 XLSX 文件'
const ONE_FILE = '一次只能导入一个文件'

/** rolls the import back: a row turned out to be in error inside the transaction (a 文号 taken meanwhile) */
class RowsInError extends Error {
  constructor(readonly result: ImportResultBody) {
    super('import rows in error')
  }
}

const summarise = (rows: ImportRow[], dryRun: boolean, created: string[] = []): ImportResultBody => {
  const invalid = rows.filter((r) => r.errors.length > 0).length
  return { dryRun, rows, valid: rows.length - invalid, invalid, created }
}

function markTaken(rows: ImportRow[], taken: Map<string, 'published' | 'workflow'>): void {
  for (const row of rows) {
    const owner = row.docNumber ? taken.get(docNumberKey(row.docNumber)) : undefined
    if (owner === 'published') row.errors.push('文号已存在：政策库中已有该文号的政策')
    if (owner === 'workflow') row.errors.push('文号已存在：工作台中已有该文号的政策')
  }
}

/** the policy draft a row becomes: the editor completes topic, summary and text before 送审 */
function draftOf(row: ImportRow, orgCode: string): PolicyDraft {
  // a joint issue (台州市医疗保障局 台州市财政局) is filed under its lead department
  const department = [...(row.issuer.split(/[\s、,，;；]+/)[0] ?? '')].slice(0, 50).join('')
  return {
    title: row.title,
    docNumber: row.docNumber,
    issuer: row.issuer,
    department,
    topic: '',
    regionCode: orgCode,
    ...(row.writtenAt ? { writtenAt: row.writtenAt } : {}),
    publishedAt: row.publishedAt ?? '',
    summary: '',
    sections: [],
    ...(row.sourceUrl ? { sourceUrl: row.sourceUrl } : {}),
    validity: row.validity ?? 'valid',
  }
}

/** the rest of a refused body is read and dropped, so the client gets its answer rather than a reset */
function drain(request: FastifyRequest): void {
  if (!request.raw.readableEnded) request.raw.resume()
}

async function readFile(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw badRequest(NO_FILE)
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES + 64 * 1024) {
    drain(request)
    throw badRequest(TOO_LARGE)
  }
  let file: { bytes: Buffer; filename: string } | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue
      if (part.fieldname !== IMPORT_FIELD || file) {
        await part.toBuffer().catch(() => undefined)
        throw badRequest(ONE_FILE)
      }
      file = { bytes: await part.toBuffer(), filename: part.filename ?? '' }
    }
  } catch (err) {
    drain(request)
    if (err instanceof ApiError) throw err
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw badRequest(TOO_LARGE)
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw badRequest(ONE_FILE)
    if ((typeof code === 'string' && code.startsWith('FST_')) || (err instanceof Error && /multipart|boundary|Unexpected end/i.test(err.message))) {
      throw badRequest(NO_FILE)
    }
    throw err
  }
  if (!file || file.bytes.length === 0) throw badRequest(NO_FILE)
  return file
}

export function policyImportRoutes(): RoutePlugin {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 8, headerPairs: 50 },
    })

    app.post(
      '/admin/policies/import',
      {
        schema: {
          querystring: ImportQuery,
          headers: ImportHeaders,
          response: {
            200: ImportResult,
            201: ImportResult,
            400: ImportRefused,
            401: ErrorBody,
            403: ErrorBody,
            422: ErrorBody,
            429: ErrorBody,
            503: ErrorBody,
          },
        },
        config: { cache: 'no-store', validationMessages: importMessages, audit: { action: 'policy.import', target: 'org' } },
        onRequest: requireRole('editor', 'admin'),
        preHandler: app.limit(IMPORT_LIMITS.perUser),
      },
      async (request, reply) => {
        const user = request.user!
        const { orgCode, dryRun } = request.query
        const own = user.org?.code
        if (!own || !isOrgCode(own)) {
          drain(request)
          throw forbidden('该账号未设置所属单位，不能导入政策')
        }
        if (!isOrgCode(orgCode)) {
          drain(request)
          throw badRequest(importMessages.orgCode)
        }
        if (!orgCovers(own, orgCode)) {
          drain(request)
          throw forbidden('只能为本单位及下级单位导入政策')
        }
        // a dry run is a read: only imports are in the audit log
        if (dryRun) request.audited = true

        const { bytes, filename } = await readFile(request)
        const db = app.store.database.kysely
        const key = dryRun ? undefined : request.headers['idempotency-key']
        const hash = requestHash({ orgCode, file: createHash('sha256').update(bytes).digest('hex') })
        if (key) {
          const earlier = await findIdempotencyRecord(db, user.id, IMPORT_SCOPE, key)
          if (earlier) {
            if (earlier.requestHash !== hash) throw idempotencyKeyReused()
            return reply
              .code(earlier.status as 201)
              .header(REPLAYED_HEADER, 'true')
              .send(earlier.body as ImportResultBody)
          }
        }

        let rows: ImportRow[]
        try {
          rows = await parsePolicyList(bytes, filename)
        } catch (err) {
          if (err instanceof ImportFileError) throw badRequest(err.message)
          throw err
        }
        for (const row of rows) {
          if (row.errors.length > 0) continue
          const { fields } = validateDraft('policy', draftOf(row, orgCode))
          row.errors.push(...Object.values(fields))
        }

        const refuse = (result: ImportResultBody) => {
          const fields = Object.fromEntries(result.rows.filter((r) => r.errors.length > 0).map((r) => [`rows[${r.row}]`, r.errors.join('；')]))
          return reply.code(400).send({
            error: { code: 'bad_request' as const, message: `有 ${result.invalid} 行存在错误，未导入任何政策，请修改后重新导入`, fields },
            ...result,
          })
        }

        if (dryRun) {
          markTaken(rows, await takenDocNumbers(db))
          return reply.code(200).send(summarise(rows, true))
        }

        const author = { id: user.id, name: user.nickname }
        try {
          const { result, replayed } = await withIdempotency<ImportResultBody, { result: ImportResultBody; replayed: boolean }>(
            db,
            { userId: user.id, scope: IMPORT_SCOPE, key, requestHash: hash },
            async (trx) => {
              // inside the transaction: a 文号 another import took meanwhile is caught here
              markTaken(rows, await takenDocNumbers(trx))
              const checked = summarise(rows, false)
              if (checked.invalid > 0) throw new RowsInError(checked)
              const now = app.store.now()
              const ids = rows.map(() => newItemId('policy'))
              const result = summarise(rows, false, ids)
              if (
                key &&
                !(await rememberIdempotent(trx, {
                  userId: user.id,
                  scope: IMPORT_SCOPE,
                  key,
                  requestHash: hash,
                  status: 201,
                  body: result,
                  createdAt: now.toISOString(),
                }))
              ) {
                throw new KeyTaken()
              }
              for (const [i, row] of rows.entries()) {
                await createItem(trx, { type: 'policy', id: ids[i], orgCode, draft: draftOf(row, orgCode), author, now })
              }
              await auditInTransaction(app, request, { targetId: orgCode, detail: { count: ids.length } }, trx)
              return { result, replayed: false }
            },
            (body) => ({ result: body, replayed: true }),
          )
          if (replayed) reply.header(REPLAYED_HEADER, 'true')
          request.log.info({ orgCode, count: result.created.length, replayed }, 'policies imported')
          return reply.code(201).send(result)
        } catch (err) {
          if (err instanceof RowsInError) return refuse(err.result)
          if (err instanceof StoreConflict) throw idempotencyKeyReused()
          throw err
        }
      },
    )
  }
}
