import { Type } from '@sinclair/typebox'

export const Faq = Type.Object({
  id: Type.String(),
  question: Type.String(),
  answer: Type.String(),
  topic: Type.String(),
  keywords: Type.Array(Type.String()),
  policyId: Type.Optional(Type.String()),
  interpretationId: Type.Optional(Type.String()),
})
