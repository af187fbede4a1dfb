import { Type } from '@sinclair/typebox'
import { CampaignSummary } from '../quiz/campaign-schemas'
import { Banner } from '../banners/schemas'
import { FilterKey, PageQuery, StringEnum } from '../../schemas/common'

// topics
export const Topic = Type.Object({ id: Type.String(), name: Type.String(), icon: Type.String() })

// regions
const RegionLevel = StringEnum(['county', 'township', 'village'] as const)

/**
 * 县市区 → 乡镇街道 → 村社区, spelled out three levels deep instead of a recursive $ref: the
 * tree never goes deeper, and a flat schema serialises without schema references.
 */
const Village = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel })
const Township = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  children: Type.Optional(Type.Array(Village)),
})
export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  children: Type.Optional(Type.Array(Township)),
})

const RegionRef = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel })
export const RegionEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  ancestors: Type.Array(RegionRef),
  childCount: Type.Integer(),
})
const RegionCode = Type.String({ pattern: '^[0-9]{6,12}$', maxLength: 12 })
export const RegionChildrenQuery = Type.Object({ parent: Type.Optional(Type.Union([RegionCode, Type.Literal('')])) })
export const RegionSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 20 }),
  level: Type.Optional(RegionLevel),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
})
export const RegionParams = Type.Object({ code: RegionCode })

// policies
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
  closesAt: Type.Optional(Type.String()),
  closed: Type.Optional(Type.Boolean()),
}

export const PolicySummary = Type.Object(policySummaryFields)

export const Policy = Type.Object({
  ...policySummaryFields,
  issuer: Type.String(),
  sections: Type.Array(Type.Object({ heading: Type.String(), paragraphs: Type.Array(Type.String()) })),
  validityNote: Type.Optional(Type.String()),
  replacedBy: Type.Optional(Type.String()),
  interpretationIds: Type.Array(Type.String()),
  writtenAt: Type.Optional(Type.String()),
  attachment: Type.Optional(Type.Object({ url: Type.String(), name: Type.String() })),
  sourceUrl: Type.Optional(Type.String()),
  repealedAt: Type.Optional(Type.String()),
  regionCode: Type.Optional(Type.String()),
})

export const PolicyQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100 })),
    topic: Type.Optional(FilterKey),
    dept: Type.Optional(Type.String({ maxLength: 100 })),
  }),
])

// interpretations
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
      // the data grid it was drawn from (common/charts/chart-spec.ts)
      source: Type.Optional(
        Type.Object({
          kind: Type.Union([Type.Literal('bar'), Type.Literal('line'), Type.Literal('pie')]),
          title: Type.String(),
          categoryLabel: Type.String(),
          seriesName: Type.String(),
          unit: Type.String(),
          data: Type.Array(Type.Tuple([Type.String(), Type.Number()])),
        }),
      ),
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

// FAQs
export const Faq = Type.Object({
  id: Type.String(),
  question: Type.String(),
  answer: Type.String(),
  topic: Type.String(),
  keywords: Type.Array(Type.String()),
  /** 相似问法 */
  similar: Type.Optional(Type.Array(Type.String())),
  policyId: Type.Optional(Type.String()),
  interpretationId: Type.Optional(Type.String()),
})

// home
export const Home = Type.Object({
  featured: Type.Array(InterpretationSummary),
  topics: Type.Array(Topic),
  latestPolicies: Type.Array(PolicySummary),
  campaigns: Type.Array(CampaignSummary),
  banners: Type.Optional(Type.Array(Banner)),
})

/** GET /policies/:id/related: what a policy page links besides its interpretations */
export const PolicyRelated = Type.Object({
  videos: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), durationSec: Type.Number(), poster: Type.String() })),
  faqs: Type.Array(Type.Object({ id: Type.String(), question: Type.String() })),
})
