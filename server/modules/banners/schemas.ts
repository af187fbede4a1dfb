import { Type } from '@sinclair/typebox'

export const Banner = Type.Object({
  id: Type.String(),
  title: Type.String(),
  image: Type.String(),
  alt: Type.String(),
  link: Type.String(),
})
