import { Type } from '@sinclair/typebox'
import { readErrors } from '../schemas/common'
import { LectureTopic, LectureTopicQuery } from '../schemas/lecture-topics'
import type { RoutePlugin } from '../type-provider'

const lectureTopicRoutes: RoutePlugin = async (app) => {
  app.get(
    '/lecture-topics',
    { schema: { querystring: LectureTopicQuery, response: { 200: Type.Array(LectureTopic), ...readErrors } } },
    async (request) => app.store.listLectureTopics(request.query),
  )
}

export default lectureTopicRoutes
