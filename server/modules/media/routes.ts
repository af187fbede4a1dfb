import { Type } from '@sinclair/typebox'
import { ErrorBody, IdParams, PageOf, readErrors } from '../../schemas/common'
import { CourseSummary, CourseWithProgress, LessonProgress, ProgressInput, Video, VideoLikeInput, VideoLikeState, VideoQuery, VideoViewResult } from './schemas'
import { notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { WRITE_LIMITS } from '../abuse/limits'
import { clientKey } from '../../plugins/rate-limit'
import { viewerKeyer } from '../server-secrets/repository'
import type { RoutePlugin } from '../../type-provider'

const writeErrors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody }
const NOT_FOUND = '找不到该视频'

/** 短视频 (/videos) and 网络课堂 (/courses) */
const mediaRoutes: RoutePlugin = async (app) => {
  await app.register(videoRoutes)
  await app.register(courseRoutes)
}

const videoRoutes: RoutePlugin = async (app) => {
  const media = app.store.media
  app.get('/videos', { schema: { querystring: VideoQuery, response: { 200: PageOf(Video), ...readErrors } }, config: { memo: true } }, async (request) =>
    media.listVideos(request.query),
  )

  app.get('/videos/:id', { schema: { params: IdParams, response: { 200: Video, ...readErrors } }, config: { memo: true } }, async (request) => {
    const video = await media.getVideo(request.params.id)
    if (!video) throw notFound(NOT_FOUND)
    return video
  })

  // A view per viewer per window: the signed-in user, or else the address alone (an IPv6 client by
  // its /64), as an HMAC under this data directory's secret — never stored in the clear, and not
  // reversible by hashing every address; not address and browser, which let anyone count again
  // by changing the User-Agent. Posts are limited per address too.
  const anonymousViewer = viewerKeyer(app.store.database)
  app.post(
    '/videos/:id/views',
    { schema: { params: IdParams, response: { 200: VideoViewResult, ...writeErrors } }, preHandler: app.limit(WRITE_LIMITS.videoViewPerIp) },
    async (request) => {
      const viewer = request.user ? `user:${request.user.id}` : `anon:${await anonymousViewer(clientKey(request.ip))}`
      const result = await media.recordVideoView(request.params.id, viewer)
      if (!result) throw notFound(NOT_FOUND)
      return result
    },
  )

  app.get(
    '/videos/:id/like',
    { schema: { params: IdParams, response: { 200: VideoLikeState, ...writeErrors } }, onRequest: requireRole(), config: { cache: 'no-store' } },
    async (request) => {
      const video = await media.getVideo(request.params.id)
      if (!video) throw notFound(NOT_FOUND)
      return { likes: video.likes, liked: await media.isVideoLiked(video.id, request.user!.id) }
    },
  )

  // PUT of the desired state: repeating it changes nothing, so a retried like never counts twice.
  app.put(
    '/videos/:id/like',
    {
      schema: { params: IdParams, body: VideoLikeInput, response: { 200: VideoLikeState, ...writeErrors } },
      onRequest: requireRole(),
      preHandler: [app.limit(WRITE_LIMITS.videoLikePerUser), app.limit(WRITE_LIMITS.videoLikePerIp)],
    },
    async (request) => {
      const result = await media.setVideoLike(request.params.id, request.user!.id, request.body.liked)
      if (!result) throw notFound(NOT_FOUND)
      return result
    },
  )
}

const courseRoutes: RoutePlugin = async (app) => {
  const media = app.store.media
  app.get('/courses', { schema: { response: { 200: Type.Array(CourseSummary), ...readErrors } }, config: { memo: true } }, async () => media.listCourses())

  // progress is the caller's own: never shared-cached
  app.get(
    '/courses/:id',
    { schema: { params: IdParams, response: { 200: CourseWithProgress, ...readErrors } }, config: { cache: 'per-user' } },
    async (request) => {
      const course = await media.getCourse(request.params.id)
      if (!course) throw notFound('找不到该课程')
      return { ...course, progress: request.user ? await media.listLessonProgress(request.user.id, course.id) : [] }
    },
  )

  // the latest position wins, so a resent save is harmless
  app.put(
    '/courses/:id/progress',
    {
      schema: { params: IdParams, body: ProgressInput, response: { 200: LessonProgress, ...writeErrors } },
      config: { validationMessages: { lessonId: '请指定课时', positionSec: '参数错误：positionSec 必须是 0 到 86400 之间的秒数' } },
      onRequest: requireRole(),
      preHandler: [app.limit(WRITE_LIMITS.courseProgressPerUser), app.limit(WRITE_LIMITS.courseProgressPerIp)],
    },
    async (request) => {
      const saved = await media.saveLessonProgress(request.user!.id, request.params.id, request.body.lessonId, request.body.positionSec)
      if (!saved) throw notFound('找不到该课时')
      return saved
    },
  )
}

export default mediaRoutes
