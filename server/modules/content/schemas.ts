import { Type } from '@sinclair/typebox'
import { FilterKey, PageQuery, StringEnum } from '../../schemas/common'

export const PolicyValidity = StringEnum(['valid', 'revised', 'repealed'] as const)

const policySummaryFields = {
  id: Type.String(),
  title: Type.String(),
  docNumber: Type.String(),
  department: Type.String(),
  topic: Type.String(),
  publishedAt: Type.String(),
  effectiveFrom: Type.Optional(Type.String()),
  validity: PolicyValidity,
  summary: Type.String(),
}

export const PolicySummary = Type.Object(policySummaryFields)

export const Policy = Type.Object({
  ...policySummaryFields,
  issuer: Type.String(),
  sections: Type.Array(Type.Object({ heading: Type.String(), paragraphs: Type.Array(Type.String()) })),
  validityNote: Type.Optional(Type.String()),
  replacedBy: Type.Optional(Type.String()),
  interpretationIds: Type.Array(Type.String()),
})

export const PolicyQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100 })),
    topic: Type.Optional(FilterKey),
    dept: Type.Optional(Type.String({ maxLength: 100 })),
  }),
])
