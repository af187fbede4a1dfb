/**
 * POST /api/v1/uploads: one file (multipart/form-data, field `file`) from a staff member whose
 * work needs one (UPLOAD_ROLES): a photo ≤ 5 MB, a whole JPEG/PNG/WebP by its bytes (sniff.ts),
 * or, for editors, reviewers and admins (a policy's attachment), a PDF ≤ 20 MB; within the
 * user's daily quota; answers 201 {url, type, size} with the URL it is served at,
 * /media/uploads/<random>.<ext>. Served (setupUploads) with nosniff, its own type and a CSP that
 * lets nothing run should a browser ever open one as a document: to anyone, cached for a year,
 * once public (attached to a delivered lecture's report, or used by a published console item);
 * to staff whose organisation covers a console item that uses it, and to its owner (bearer
 * token), `private, no-store`; 404 to everyone else, as for an unknown name. Uploads nothing
 * uses are deleted after 24 hours by a sweep at start and every hour.
 */
import { tmpdir } from 'node:os'
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Role, UPLOAD_FIELD, UPLOAD_MAX_BYTES, UPLOAD_PDF_MAX_BYTES, UPLOAD_PDF_ROLES, UPLOAD_URL_PREFIX } from '../../../common/contract'
import { ApiError, badRequest, forbidden, idempotencyKeyReused, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { type LimitRule, rateLimited } from '../../plugins/rate-limit'
import { ErrorBody } from '../../schemas/common'
import { IdempotencyHeaders } from '../consultations/schemas'
import { SqliteStore } from '../../store/sqlite'
import { StoreConflict } from '../../db/conflict'
import type { RoutePlugin } from '../../type-provider'
import { UPLOAD_QUOTA, UploadQuotaExceeded, UploadRepository } from './repository'
import { sniffUpload } from './sniff'

declare module 'fastify' {
  interface FastifyInstance {
    /** uploaded files (lecture completion photos) */
    uploads: UploadRepository
  }
}

export const UPLOAD_LIMITS = {
  perUser: { name: 'upload', max: 30, windowMs: 3600_000, per: 'user', message: '上传照片过于频繁' },
  perIp: { name: 'upload-ip', max: 120, windowMs: 3600_000, per: 'ip', message: '上传照片过于频繁' },
} satisfies Record<string, LimitRule>

/**
 * who may upload: the lecturer's completion photos today; editors, reviewers and admins for the
 * console's pictures to come. A resident has no use for it, and it is no file host for strangers.
 */
export const UPLOAD_ROLES: readonly Role[] = ['lecturer', 'editor', 'reviewer', 'admin']
export const UPLOAD_FORBIDDEN = '只有宣讲员和内容编辑、审核、管理人员可以上传照片'
export const QUOTA_EXCEEDED = `今天上传的照片已达上限（${UPLOAD_QUOTA.files} 张或 ${UPLOAD_QUOTA.bytes / 1024 / 1024} MB）`
/** how often unattached uploads older than a day are looked for */
export const SWEEP_INTERVAL_MS = 3600_000

export const NOT_AN_IMAGE = '仅支持 JPG、PNG、WebP 图片'
export const TOO_LARGE = `照片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`
/** what editors, reviewers and admins are told: they may also upload a policy's PDF */
export const NOT_AN_IMAGE_OR_PDF = '仅支持 JPG、PNG、WebP 图片或 PDF 文件'
export const PDF_TOO_LARGE = `PDF 文件不能超过 ${UPLOAD_PDF_MAX_BYTES / 1024 / 1024} MB`

/** whether `role` may upload a PDF (a policy's attachment) */
export const mayUploadPdf = (role: Role): boolean => (UPLOAD_PDF_ROLES as readonly Role[]).includes(role)

const UploadResult = Type.Object({
  url: Type.String(),
  type: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp'), Type.Literal('application/pdf')]),
  size: Type.Integer(),
})

/**
 * The repository on the app (`app.uploads`), its files under `dir`; without a dir (tests,
 * component tests) a temp dir removed when the app closes.
 */
export function setupUploads(app: FastifyInstance, dir: string | undefined): UploadRepository {
  if (!(app.store instanceof SqliteStore)) throw new Error('uploads need the SQLite store')
  let uploadsDir = dir
  if (!uploadsDir) {
    const temp = mkdtempSync(join(tmpdir(), 'zct-uploads-'))
    app.addHook('onClose', async () => rmSync(temp, { recursive: true, force: true }))
    uploadsDir = temp
  }
  const repo = new UploadRepository(resolve(uploadsDir), app.store.database, app.store.now)
  app.decorate('uploads', repo)
  // a route of its own rather than a static folder: who may fetch an upload depends on its row.
  // More specific than /media/* (mock/media), so it wins for /media/uploads/<name>.
  app.get<{ Params: { name: string } }>(`${UPLOAD_URL_PREFIX}:name`, async (request, reply) => {
    const user = request.user
    const viewer = user ? { id: user.id, role: user.role, ...(user.org?.code ? { orgCode: user.org.code } : {}) } : undefined
    const served = await repo.servedTo(request.params.name, viewer)
    const size = served && (await stat(served.path).catch(() => undefined))?.size
    if (!served || size === undefined) throw notFound(request.params.name.endsWith('.pdf') ? '找不到该文件' : '找不到该照片')
    // one byte range (a video's player seeks, and Safari plays no mp4 without ranges)
    const range = byteRange(request.headers.range, size)
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send()
    if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    return (
      reply
        .header('content-type', served.type)
        .header('accept-ranges', 'bytes')
        .header('content-length', String(range ? range.end - range.start + 1 : size))
        // a random name never holds other bytes; one nobody else may see is kept by no cache
        .header('cache-control', served.public ? 'public, max-age=31536000, immutable' : 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
        .header('content-disposition', 'inline')
        .send(createReadStream(served.path, range ? { start: range.start, end: range.end } : {}))
    )
  })
  // unattached uploads older than a day: at start, then every hour (unref'd: it never holds the process open)
  const sweep = () =>
    repo.sweep().then(
      (names) => names.length > 0 && app.log.info({ deleted: names.length }, 'unattached uploads deleted'),
      (err: unknown) => app.log.error({ err }, 'upload sweep failed'),
    )
  let timer: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    await sweep()
    timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS)
    // (under jsdom, for component tests, a timer is a number)
    ;(timer as { unref?: () => void }).unref?.()
  })
  app.addHook('onClose', async () => clearInterval(timer))
  return repo
}

/**
 * The one range of a `Range: bytes=…` header within a file of `size` bytes: undefined for no
 * header, several ranges or another unit (the whole file is sent); 'unsatisfiable' for one that
 * starts past the end.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

/** a 413 or 400 as the multipart parser raised it, in Chinese (`tooLarge`: the limit the caller had) */
function multipartError(err: unknown, tooLarge: string): ApiError | undefined {
  const code = (err as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return code === 'FST_REQ_FILE_TOO_LARGE' ? new ApiError(413, 'bad_request', tooLarge) : badRequest('一次只能上传一张照片')
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return badRequest('请选择要上传的照片')
  // busboy's own complaints about a malformed body (no boundary, cut short …)
  if (err instanceof Error && /multipart|boundary|Unexpected end/i.test(err.message)) return badRequest('请选择要上传的照片')
  return undefined
}

/** the rest of a refused body is read and dropped, so the client gets its answer rather than a reset */
function drain(request: FastifyRequest): void {
  if (!request.raw.readableEnded) request.raw.resume()
}

export const uploadRoutes: RoutePlugin = async (app) => {
  // the plugin's ceiling (this scope holds only POST /uploads); each request reads with its caller's limit
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_PDF_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  })

  app.post(
    '/uploads',
    {
      schema: {
        headers: IdempotencyHeaders,
        response: { 201: UploadResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
      config: {
        cache: 'no-store',
        validationMessages: { 'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符' },
        // uploads by staff (lecturers' photos) are in the audit log, with the upload's address
        audit: { action: 'upload.create', target: 'upload' },
      },
      onRequest: [
        requireRole(),
        async (request) => {
          if (!UPLOAD_ROLES.includes(request.user!.role)) throw forbidden(UPLOAD_FORBIDDEN)
        },
      ],
      preHandler: [app.limit(UPLOAD_LIMITS.perUser), app.limit(UPLOAD_LIMITS.perIp)],
    },
    async (request, reply) => {
      const quotaRefusal = (err: UploadQuotaExceeded) => {
        reply.header('retry-after', String(Math.ceil(err.retryAfterMs / 1000)))
        return rateLimited(QUOTA_EXCEEDED, err.retryAfterMs)
      }
      // before reading a body that could not be kept (a retry of a stored upload still replays)
      const retryKey = request.headers['idempotency-key'] as string | undefined
      try {
        if (!(retryKey && (await app.uploads.isReplay(request.user!.id, retryKey)))) await app.uploads.checkQuota(request.user!.id)
      } catch (err) {
        if (!(err instanceof UploadQuotaExceeded)) throw err
        drain(request)
        throw quotaRefusal(err)
      }
      if (!request.isMultipart()) throw badRequest('请选择要上传的照片')
      // a lecturer sends photos only; staff of the console may send a policy's PDF, 20 MB
      const pdfAllowed = mayUploadPdf(request.user!.role)
      const maxBytes = pdfAllowed ? UPLOAD_PDF_MAX_BYTES : UPLOAD_MAX_BYTES
      const tooLarge = pdfAllowed ? PDF_TOO_LARGE : TOO_LARGE
      const declared = Number(request.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
        drain(request)
        throw new ApiError(413, 'bad_request', tooLarge)
      }
      let bytes: Buffer | undefined
      try {
        for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
          if (part.type !== 'file') continue
          if (part.fieldname !== UPLOAD_FIELD || bytes) {
            await part.toBuffer().catch(() => undefined)
            throw badRequest('一次只能上传一张照片')
          }
          bytes = await part.toBuffer()
        }
      } catch (err) {
        drain(request)
        throw multipartError(err, tooLarge) ?? err
      }
      if (!bytes || bytes.length === 0) throw badRequest('请选择要上传的照片')
      const sniffed = sniffUpload(bytes)
      const type = sniffed === 'application/pdf' && !pdfAllowed ? undefined : sniffed
      if (!type) throw badRequest(pdfAllowed ? NOT_AN_IMAGE_OR_PDF : NOT_AN_IMAGE)
      if (type !== 'application/pdf' && bytes.length > UPLOAD_MAX_BYTES) throw new ApiError(413, 'bad_request', TOO_LARGE)
      const key = request.headers['idempotency-key'] as string | undefined
      try {
        const { result, replayed } = await app.uploads.save(request.user!.id, bytes, type, key)
        request.log.info({ upload: result.url, type, size: result.size, replayed }, 'upload stored')
        request.auditTargetId = result.url
        // a replay answers the first upload, which is recorded already
        if (replayed) request.audited = true
        return reply.code(201).header('cache-control', 'no-store').send(result)
      } catch (err) {
        if (err instanceof StoreConflict) throw idempotencyKeyReused()
        if (err instanceof UploadQuotaExceeded) throw quotaRefusal(err)
        throw err
      }
    },
  )
}
