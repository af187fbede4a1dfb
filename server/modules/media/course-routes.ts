import { Type } from '@sinclair/typebox'
import { ErrorBody, IdParams, readErrors } from '../../schemas/common'
import { CourseSummary, CourseWithProgress, LessonProgress, ProgressInput } from './course-schemas'
import { notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { WRITE_LIMITS } from '../abuse/limits'
import type { RoutePlugin } from '../../type-provider'

const writeErrors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody }

const courseRoutes: RoutePlugin = async (app) => {
  app.get('/courses', { schema: { response: { 200: Type.Array(CourseSummary), ...readErrors } }, config: { memo: true } }, async () => app.store.listCourses())

  // progress is the caller's own: never shared-cached
  app.get(
    '/courses/:id',
    { schema: { params: IdParams, response: { 200: CourseWithProgress, ...readErrors } }, config: { cache: 'per-user' } },
    async (request) => {
      const course = app.store.getCourse(request.params.id)
      if (!course) throw notFound('找不到该课程')
      return { ...course, progress: request.user ? app.store.listLessonProgress(request.user.id, course.id) : [] }
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
      const saved = app.store.saveLessonProgress(request.user!.id, request.params.id, request.body.lessonId, request.body.positionSec)
      if (!saved) throw notFound('找不到该课时')
      return saved
    },
  )
}

export default courseRoutes
