/**
 * POST /api/v1/uploads: one photo (multipart/form-data, field `file`) from a signed-in user,
 * ≤ 5 MB, JPEG/PNG/WebP by its bytes; answers 201 {url, type, size} with the URL it is served at,
 * /media/uploads/<random>.<ext> (setupUploadMedia: nosniff, its own type, a year's cache, and a
 * CSP that lets nothing run should a browser ever open one as a document).
 */
import { tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { UPLOAD_FIELD, UPLOAD_MAX_BYTES, UPLOAD_URL_PREFIX } from '../../../src/contract'
import { ApiError, badRequest, idempotencyKeyReused } from '../../errors'
import { requireRole } from '../../plugins/auth'
import type { LimitRule } from '../../plugins/rate-limit'
import { ErrorBody } from '../../schemas/common'
import { IdempotencyHeaders } from '../../schemas/consultations'
import { SqliteStore } from '../../store/sqlite'
import { StoreConflict } from '../../store/store'
import type { RoutePlugin } from '../../type-provider'
import { UploadRepository } from './repository'
import { sniffImage } from './sniff'

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

export const NOT_AN_IMAGE = '仅支持 JPG、PNG、WebP 图片'
export const TOO_LARGE = `照片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`

const UploadResult = Type.Object({
  url: Type.String(),
  type: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp')]),
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
  const repo = new UploadRepository(resolve(uploadsDir), app.store.db)
  app.decorate('uploads', repo)
  // more specific than /media/ (mock/media), so it wins for /media/uploads/*
  app.register(fastifyStatic, {
    root: repo.dir,
    prefix: UPLOAD_URL_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    list: false,
    // a random name never holds other bytes
    cacheControl: false,
    setHeaders: (res) => {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable')
      res.setHeader('x-content-type-options', 'nosniff')
      res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      res.setHeader('content-disposition', 'inline')
    },
  })
  return repo
}

/** a 413 or 400 as the multipart parser raised it, in Chinese */
function multipartError(err: unknown): ApiError | undefined {
  const code = (err as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return code === 'FST_REQ_FILE_TOO_LARGE' ? new ApiError(413, 'bad_request', TOO_LARGE) : badRequest('一次只能上传一张照片')
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
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  })

  app.post(
    '/uploads',
    {
      schema: {
        headers: IdempotencyHeaders,
        response: { 201: UploadResult, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
      config: {
        cache: 'no-store',
        validationMessages: { 'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符' },
        // uploads by staff (lecturers' photos) are in the audit log, with the upload's address
        audit: { action: 'upload.create', target: 'upload' },
      },
      onRequest: requireRole(),
      preHandler: [app.limit(UPLOAD_LIMITS.perUser), app.limit(UPLOAD_LIMITS.perIp)],
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest('请选择要上传的照片')
      const declared = Number(request.headers['content-length'])
      if (Number.isFinite(declared) && declared > UPLOAD_MAX_BYTES + 64 * 1024) {
        drain(request)
        throw new ApiError(413, 'bad_request', TOO_LARGE)
      }
      let bytes: Buffer | undefined
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue
          if (part.fieldname !== UPLOAD_FIELD || bytes) {
            await part.toBuffer().catch(() => undefined)
            throw badRequest('一次只能上传一张照片')
          }
          bytes = await part.toBuffer()
        }
      } catch (err) {
        drain(request)
        throw multipartError(err) ?? err
      }
      if (!bytes || bytes.length === 0) throw badRequest('请选择要上传的照片')
      const type = sniffImage(bytes)
      if (!type) throw badRequest(NOT_AN_IMAGE)
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
        throw err
      }
    },
  )
}
