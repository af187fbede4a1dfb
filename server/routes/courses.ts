import { Type } from '@sinclair/typebox'
import { IdParams, readErrors } from '../schemas/common'
import { CourseSummary, CourseWithProgress } from '../schemas/courses'
import { notFound } from '../errors'
import type { RoutePlugin } from '../type-provider'

const courseRoutes: RoutePlugin = async (app) => {
  app.get('/courses', { schema: { response: { 200: Type.Array(CourseSummary), ...readErrors } } }, async () =>
    app.store.listCourses(),
  )

  // progress is the caller's own (PUT /courses/:id/progress, a later issue): never shared-cached
  app.get(
    '/courses/:id',
    { schema: { params: IdParams, response: { 200: CourseWithProgress, ...readErrors } }, config: { cache: 'per-user' } },
    async (request) => {
      const course = app.store.getCourse(request.params.id)
      if (!course) throw notFound('找不到该课程')
      return { ...course, progress: [] }
    },
  )
}

export default courseRoutes
