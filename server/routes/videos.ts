import { IdParams, PageOf, readErrors } from '../schemas/common'
import { Video, VideoQuery } from '../schemas/videos'
import { notFound } from '../errors'
import type { RoutePlugin } from '../type-provider'

const videoRoutes: RoutePlugin = async (app) => {
  app.get(
    '/videos',
    { schema: { querystring: VideoQuery, response: { 200: PageOf(Video), ...readErrors } } },
    async (request) => app.store.listVideos(request.query),
  )

  app.get('/videos/:id', { schema: { params: IdParams, response: { 200: Video, ...readErrors } } }, async (request) => {
    const video = app.store.getVideo(request.params.id)
    if (!video) throw notFound('找不到该视频')
    return video
  })
}

export default videoRoutes
