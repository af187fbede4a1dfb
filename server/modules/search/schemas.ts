/** TypeBox schemas of GET /search (the contract: common/contract/search.ts). */
import { Type } from '@sinclair/typebox'
import { PAGE_MAX, PAGE_SIZE_MAX, SEARCH_QUERY_MAX, SEARCH_TYPES } from '../../../common/contract'
import { StringEnum } from '../../schemas/common'
import { Faq, PolicyValidity } from '../content/schemas'

const TYPE = `(${SEARCH_TYPES.join('|')})`

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: SEARCH_QUERY_MAX })),
  types: Type.Optional(Type.String({ maxLength: 100, pattern: `^(${TYPE}(,${TYPE})*)?$` })),
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX })),
  suggest: Type.Optional(Type.Boolean()),
})

const Ranges = Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer() }))

export const SearchHit = Type.Object({
  type: StringEnum(SEARCH_TYPES),
  id: Type.String(),
  title: Type.String(),
  titleHighlights: Ranges,
  snippet: Type.String(),
  snippetHighlights: Ranges,
  topic: Type.String(),
  department: Type.Optional(Type.String()),
  docNumber: Type.Optional(Type.String()),
  validity: Type.Optional(PolicyValidity),
  publishedAt: Type.Optional(Type.String()),
  cover: Type.Optional(Type.String()),
  kind: Type.Optional(StringEnum(['illustrated', 'qa', 'video'] as const)),
  durationSec: Type.Optional(Type.Number()),
  lessonCount: Type.Optional(Type.Integer()),
})

export const SearchResult = Type.Object({
  q: Type.String(),
  answer: Type.Optional(
    Type.Object({
      hit: Type.Object({ faq: Faq, score: Type.Number(), matched: Type.Array(Type.String()) }),
      questionHighlights: Ranges,
      policy: Type.Optional(Type.Object({ id: Type.String(), title: Type.String(), docNumber: Type.String() })),
      interpretation: Type.Optional(Type.Object({ id: Type.String(), title: Type.String() })),
    }),
  ),
  groups: Type.Array(
    Type.Object({
      type: StringEnum(SEARCH_TYPES),
      items: Type.Array(SearchHit),
      total: Type.Integer(),
      page: Type.Integer(),
      pageSize: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
})
