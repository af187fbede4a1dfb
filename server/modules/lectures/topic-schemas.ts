import { Type } from '@sinclair/typebox'
import { FilterKey, StringEnum } from '../../schemas/common'

export const LectureTopic = Type.Object({
  id: Type.String(),
  title: Type.String(),
  department: Type.String(),
  topic: Type.String(),
  summary: Type.String(),
  durationMin: Type.Number(),
  formats: Type.Array(StringEnum(['onsite', 'online'] as const)),
  lecturers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), title: Type.String() })),
  rating: Type.Object({ average: Type.Number(), count: Type.Integer() }),
})

export const LectureTopicQuery = Type.Object({ topic: Type.Optional(FilterKey) })
