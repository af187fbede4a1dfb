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
})

export const VideoQuery = Type.Composite([PageQuery, Type.Object({ topic: Type.Optional(FilterKey) })])

export const VideoViewResult = Type.Object({ views: Type.Integer(), counted: Type.Boolean() })
export const VideoLikeInput = Type.Object({ liked: Type.Boolean() })
export const VideoLikeState = Type.Object({ likes: Type.Integer(), liked: Type.Boolean() })
