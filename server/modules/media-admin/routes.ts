/**
 * The files of a console video (视频与课堂, issue 15); the videos and courses themselves are
 * editorial items (server/modules/editorial, /admin/videos and /admin/courses):
 *
 *   POST /admin/videos/files     multipart, field `file`: an mp4 ≤ 500 MB, streamed to disk (never
 *                                held in memory), its type known by its bytes (an `ftyp` box),
 *                                its length and size read with ffprobe when installed, else from
 *                                its own moov/mvhd/tkhd boxes → 201 {url, size, durationSec, width, height, probedWith}
 *   POST /admin/videos/captions  {text, durationSec?}: WebVTT, checked (header, cue timings in
 *                                order and within the video, no markup) → 201 {url, cues}; a 400
 *                                lists each problem with its line number, in Chinese
 *
 * Editors and admins of an organisation only; rate-limited per user; an Idempotency-Key replays
 * the first answer; audited. The files are uploads (the uploads table): private to their owner
 * and the staff whose organisation covers an item using them, public once that item is published,
 * swept after a day when no draft names them.
 */
import { createHash, randomBytes } from 'node:crypto'
import { open, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { CAPTIONS_MAX_BYTES, MEDIA_UPLOAD_ROLES, UPLOAD_FIELD, VIDEO_MAX_BYTES } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { ApiError, badRequest } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { auditInTransaction } from '../audit/plugin'
import { REPLAYED_HEADER } from '../consultations/routes'
import { IdempotencyHeaders } from '../consultations/schemas'
import { staffOrg } from '../editorial/routes'
import { uploadUrl } from '../uploads/repository'
import { looksLikeMp4, probeVideo } from './mp4-probe'
import { checkCaptions } from './vtt'

export const NOT_MP4 = '仅支持 MP4 视频文件'
export const VIDEO_TOO_LARGE = `视频不能超过 ${VIDEO_MAX_BYTES / 1024 / 1024} MB`
export const VIDEO_UNREADABLE = '无法读取视频的时长和分辨率，请上传 H.264 编码的 MP4 文件'
export const CAPTIONS_TOO_LARGE = `字幕文件不能超过 ${CAPTIONS_MAX_BYTES / 1024} KB`

export const MEDIA_LIMITS = {
  video: { name: 'media-video', max: 30, windowMs: 3600_000, per: 'user', message: '上传视频过于频繁' },
  captions: { name: 'media-captions', max: 200, windowMs: 3600_000, per: 'user', message: '上传字幕过于频繁' },
} as const

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody }

const VideoFileResult = Type.Object({
  url: Type.String(),
  size: Type.Integer(),
  durationSec: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  probedWith: Type.Union([Type.Literal('ffprobe'), Type.Literal('mp4')]),
})
const CaptionsInput = Type.Object({
  text: Type.String({ maxLength: CAPTIONS_MAX_BYTES }),
  durationSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 3600 })),
})
const CaptionsResult = Type.Object({ url: Type.String(), cues: Type.Integer() })

/** the rest of a refused body is read and dropped, so the client gets its answer rather than a reset */
function drain(request: FastifyRequest): void {
  if (!request.raw.readableEnded) request.raw.resume()
}

const roles = [...MEDIA_UPLOAD_ROLES]

interface Stored {
  name: string
  type: string
  size: number
  sha256: string
}

export const mediaAdminRoutes: RoutePlugin = async (app) => {
  await app.register(multipart, { limits: { fileSize: VIDEO_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 } })
  const db = () => app.store.database.kysely
  const dir = () => app.uploads.dir
  const staff = async (request: FastifyRequest) => {
    staffOrg(request)
  }

  const earlier = async (userId: string, key: string | undefined) =>
    key
      ? db().selectFrom('uploads').select(['name', 'size', 'type']).where('user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst()
      : undefined

  /** the upload's row (and the video's probe) in one transaction with the audit record */
  const record = async (request: FastifyRequest, file: Stored, key: string | undefined, more?: (trx: Kysely<DB>) => Promise<void>) => {
    const at = app.store.now().toISOString()
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('uploads')
          .values({
            name: file.name,
            user_id: request.user!.id,
            type: file.type,
            size: file.size,
            sha256: file.sha256,
            idempotency_key: key ?? null,
            created_at: at,
          })
          .execute()
        await more?.(trx)
        await auditInTransaction(app, request, { targetId: uploadUrl(file.name), detail: { type: file.type, size: file.size } }, trx)
      })
  }

  app.post(
    '/admin/videos/files',
    {
      schema: { headers: IdempotencyHeaders, response: { 201: VideoFileResult, ...errors } },
      config: {
        cache: 'no-store',
        audit: { action: 'media.video_file', target: 'upload' },
        validationMessages: { 'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符' },
      },
      onRequest: [requireRole(...roles), staff],
      preHandler: app.limit(MEDIA_LIMITS.video),
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] as string | undefined
      const replay = await earlier(request.user!.id, key)
      if (replay) {
        drain(request)
        const probe = await db().selectFrom('video_files').selectAll().where('name', '=', replay.name!).executeTakeFirst()
        if (!probe) throw badRequest('该 Idempotency-Key 已用于其他上传')
        request.audited = true
        return reply
          .code(201)
          .header(REPLAYED_HEADER, 'true')
          .send({
            url: uploadUrl(replay.name!),
            size: replay.size,
            durationSec: Math.round(probe.duration_ms / 1000),
            width: probe.width,
            height: probe.height,
            probedWith: probe.probed_with as 'ffprobe' | 'mp4',
          })
      }
      if (!request.isMultipart()) throw badRequest('请选择要上传的视频')
      const declared = Number(request.headers['content-length'])
      if (Number.isFinite(declared) && declared > VIDEO_MAX_BYTES + 64 * 1024) {
        drain(request)
        throw new ApiError(413, 'bad_request', VIDEO_TOO_LARGE)
      }
      const name = `${randomBytes(16).toString('hex')}.mp4`
      const path = join(dir(), name)
      let stored: Stored | undefined
      try {
        for await (const part of request.parts({ limits: { fileSize: VIDEO_MAX_BYTES } })) {
          if (part.type !== 'file') continue
          if (part.fieldname !== UPLOAD_FIELD || stored) {
            part.file.resume()
            throw badRequest('一次只能上传一个视频')
          }
          const hash = createHash('sha256')
          let size = 0
          let head = Buffer.alloc(0)
          const watch = new Transform({
            transform(chunk: Buffer, _enc, done) {
              if (head.length < 12) {
                head = Buffer.concat([head, chunk]).subarray(0, 12)
                if (head.length >= 12 && !looksLikeMp4(head)) return done(badRequest(NOT_MP4))
              }
              size += chunk.length
              hash.update(chunk)
              done(null, chunk)
            },
          })
          const out = await open(path, 'wx')
          try {
            await pipeline(part.file, watch, out.createWriteStream())
            if ((part.file as { truncated?: boolean }).truncated) throw new ApiError(413, 'bad_request', VIDEO_TOO_LARGE)
          } finally {
            await out.close().catch(() => undefined)
          }
          if (!looksLikeMp4(head)) throw badRequest(NOT_MP4)
          stored = { name, type: 'video/mp4', size, sha256: hash.digest('hex') }
        }
      } catch (err) {
        drain(request)
        await unlink(path).catch(() => undefined)
        const code = (err as { code?: string }).code
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ApiError(413, 'bad_request', VIDEO_TOO_LARGE)
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw badRequest('一次只能上传一个视频')
        if (err instanceof ApiError) throw err
        if (typeof code === 'string' && code.startsWith('FST_')) throw badRequest('请选择要上传的视频')
        if (err instanceof Error && /multipart|boundary|Unexpected end/i.test(err.message)) throw badRequest('请选择要上传的视频')
        throw err
      }
      if (!stored || stored.size === 0) {
        await unlink(path).catch(() => undefined)
        throw badRequest('请选择要上传的视频')
      }
      const probe = await probeVideo(path)
      if (!probe || probe.durationMs <= 0) {
        await unlink(path).catch(() => undefined)
        throw badRequest(VIDEO_UNREADABLE)
      }
      try {
        await record(request, stored, key, async (trx) => {
          await trx
            .insertInto('video_files')
            .values({ name, duration_ms: probe.durationMs, width: probe.width, height: probe.height, probed_with: probe.probedWith })
            .execute()
        })
      } catch (err) {
        await unlink(path).catch(() => undefined)
        throw err
      }
      request.log.info({ upload: uploadUrl(name), size: stored.size, probedWith: probe.probedWith }, 'video stored')
      return reply.code(201).send({
        url: uploadUrl(name),
        size: stored.size,
        durationSec: Math.round(probe.durationMs / 1000),
        width: probe.width,
        height: probe.height,
        probedWith: probe.probedWith,
      })
    },
  )

  app.post(
    '/admin/videos/captions',
    {
      schema: { headers: IdempotencyHeaders, body: CaptionsInput, response: { 201: CaptionsResult, ...errors } },
      config: {
        cache: 'no-store',
        audit: { action: 'media.captions', target: 'upload' },
        validationMessages: { text: CAPTIONS_TOO_LARGE, durationSec: '视频时长应为 1 到 86400 秒', 'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符' },
      },
      onRequest: [requireRole(...roles), staff],
      preHandler: app.limit(MEDIA_LIMITS.captions),
    },
    async (request, reply) => {
      const { text, durationSec } = request.body
      if (Buffer.byteLength(text) > CAPTIONS_MAX_BYTES) throw new ApiError(413, 'bad_request', CAPTIONS_TOO_LARGE)
      const checked = checkCaptions(text, durationSec !== undefined ? durationSec * 1000 : undefined)
      if (checked.problems.length > 0) {
        throw badRequest(`字幕有 ${checked.problems.length} 处问题：${checked.problems[0].message}`, {
          checks: checked.problems.map((p) => ({ level: 'error' as const, code: 'captions', field: `line:${p.line}`, message: p.message })),
        })
      }
      const bytes = Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8')
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const key = request.headers['idempotency-key']
      const replay = await earlier(request.user!.id, key)
      if (replay) {
        request.audited = true
        return reply
          .code(201)
          .header(REPLAYED_HEADER, 'true')
          .send({ url: uploadUrl(replay.name!), cues: checked.cues })
      }
      const name = `${randomBytes(16).toString('hex')}.vtt`
      const path = join(dir(), name)
      await writeFile(path, bytes, { flag: 'wx' })
      try {
        await record(request, { name, type: 'text/vtt', size: bytes.length, sha256 }, key)
      } catch (err) {
        await unlink(path).catch(() => undefined)
        throw err
      }
      return reply.code(201).send({ url: uploadUrl(name), cues: checked.cues })
    },
  )
}
