import { Type } from '@sinclair/typebox'
import { FilterKey, PageQuery } from './common'

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
