import { Type } from '@sinclair/typebox'
import { FilterKey, PageQuery } from '../../schemas/common'

export const Video = Type.Object({
  id: Type.String(),
  title: Type.String(),
  topic: Type.String(),
  src: Type.String(),
  poster: Type.String(),
  captions: Type.String(),
  durationSec: Type.Number(),
  views: Type.Integer(),
  likes: Type.Integer(),
  interpretationId: Type.Optional(Type.String()),
  publishedAt: Type.String(),
  policy: Type.Optional(Type.Object({ id: Type.String(), title: Type.String() })),
})

export const VideoQuery = Type.Composite([PageQuery, Type.Object({ topic: Type.Optional(FilterKey) })])

export const VideoViewResult = Type.Object({ views: Type.Integer(), counted: Type.Boolean() })
export const VideoLikeInput = Type.Object({ liked: Type.Boolean() })
export const VideoLikeState = Type.Object({ likes: Type.Integer(), liked: Type.Boolean() })

const courseSummaryFields = {
  id: Type.String(),
  title: Type.String(),
  topic: Type.String(),
  department: Type.String(),
  cover: Type.String(),
  summary: Type.String(),
  lessonCount: Type.Integer(),
  totalSec: Type.Number(),
}

export const CourseSummary = Type.Object(courseSummaryFields)

const Lesson = Type.Object({
  id: Type.String(),
  title: Type.String(),
  src: Type.String(),
  poster: Type.String(),
  captions: Type.String(),
  durationSec: Type.Number(),
})

export const LessonProgress = Type.Object({
  lessonId: Type.String(),
  positionSec: Type.Number(),
  completed: Type.Boolean(),
  updatedAt: Type.String(),
})

export const CourseWithProgress = Type.Object({
  ...courseSummaryFields,
  lessons: Type.Array(Lesson),
  progress: Type.Array(LessonProgress),
})

export const ProgressInput = Type.Object({
  lessonId: Type.String({ minLength: 1, maxLength: 64 }),
  positionSec: Type.Number({ minimum: 0, maximum: 86400 }),
})
