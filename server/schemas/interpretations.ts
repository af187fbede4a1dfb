import { Type } from '@sinclair/typebox'
import { FilterKey, PageQuery, StringEnum } from './common'
import { PolicyValidity } from '../modules/content/schemas'

const interpretationSummaryFields = {
  id: Type.String(),
  title: Type.String(),
  kind: StringEnum(['illustrated', 'qa', 'video'] as const),
  topic: Type.String(),
  department: Type.String(),
  policyId: Type.String(),
  cover: Type.String(),
  summary: Type.String(),
  publishedAt: Type.String(),
  featured: Type.Boolean(),
}

export const InterpretationSummary = Type.Object(interpretationSummaryFields)

const FaqItem = Type.Object({ id: Type.String(), question: Type.String(), answer: Type.String() })

/** one variant per block type: `type` is the discriminator the serialiser matches on */
export const Block = Type.Union([
  Type.Object({ type: Type.Literal('heading'), text: Type.String() }),
  Type.Object({ type: Type.Literal('paragraph'), text: Type.String() }),
  Type.Object({
    type: Type.Literal('image'),
    src: Type.String(),
    alt: Type.String(),
    caption: Type.Optional(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('keyFigures'),
    items: Type.Array(Type.Object({ value: Type.String(), unit: Type.Optional(Type.String()), caption: Type.String() })),
  }),
  Type.Object({
    type: Type.Literal('timeline'),
    items: Type.Array(Type.Object({ date: Type.String(), title: Type.String(), detail: Type.Optional(Type.String()) })),
  }),
  Type.Object({
    type: Type.Literal('chart'),
    title: Type.String(),
    chart: Type.Object({
      // an ECharts option: free-form, serialised as is
      option: Type.Record(Type.String(), Type.Unknown()),
      table: Type.Object({
        columns: Type.Array(Type.String()),
        rows: Type.Array(Type.Array(Type.Union([Type.String(), Type.Number()]))),
      }),
    }),
  }),
  Type.Object({
    type: Type.Literal('table'),
    title: Type.Optional(Type.String()),
    columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Type.String())),
  }),
  Type.Object({
    type: Type.Literal('callout'),
    tone: StringEnum(['key', 'notice'] as const),
    title: Type.String(),
    text: Type.String(),
  }),
  Type.Object({ type: Type.Literal('faq'), items: Type.Array(FaqItem) }),
])

export const Interpretation = Type.Object({
  ...interpretationSummaryFields,
  validity: PolicyValidity,
  blocks: Type.Array(Block),
  videoIds: Type.Array(Type.String()),
})

export const InterpretationQuery = Type.Composite([
  PageQuery,
  Type.Object({
    policyId: Type.Optional(FilterKey),
    topic: Type.Optional(FilterKey),
  }),
])
