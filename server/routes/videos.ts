import { ErrorBody, IdParams, PageOf, readErrors } from '../schemas/common'
import { Video, VideoLikeInput, VideoLikeState, VideoQuery, VideoViewResult } from '../schemas/videos'
import { notFound } from '../errors'
import { requireRole } from '../plugins/auth'
import { WRITE_LIMITS } from '../modules/abuse/limits'
import { clientKey } from '../plugins/rate-limit'
import { viewerKeyer } from '../modules/server-secrets/repository'
import type { RoutePlugin } from '../type-provider'

const writeErrors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody }
const NOT_FOUND = '找不到该视频'

const videoRoutes: RoutePlugin = async (app) => {
  app.get('/videos', { schema: { querystring: VideoQuery, response: { 200: PageOf(Video), ...readErrors } }, config: { memo: true } }, async (request) =>
    app.store.listVideos(request.query),
  )

  app.get('/videos/:id', { schema: { params: IdParams, response: { 200: Video, ...readErrors } }, config: { memo: true } }, async (request) => {
    const video = app.store.getVideo(request.params.id)
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
      const result = app.store.recordVideoView(request.params.id, viewer)
      if (!result) throw notFound(NOT_FOUND)
      return result
    },
  )

  app.get(
    '/videos/:id/like',
    { schema: { params: IdParams, response: { 200: VideoLikeState, ...writeErrors } }, onRequest: requireRole(), config: { cache: 'no-store' } },
    async (request) => {
      const video = app.store.getVideo(request.params.id)
      if (!video) throw notFound(NOT_FOUND)
      return { likes: video.likes, liked: app.store.isVideoLiked(video.id, request.user!.id) }
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
      const result = app.store.setVideoLike(request.params.id, request.user!.id, request.body.liked)
      if (!result) throw notFound(NOT_FOUND)
      return result
    },
  )
}

export default videoRoutes
