import { Type } from '@sinclair/typebox'
import { QA_QUERY_MAX } from '../../../common/contract'
import { Faq } from '../content/schemas'

export const QaSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: QA_QUERY_MAX }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
  /** type-ahead: not logged as a 问答缺口 */
  suggest: Type.Optional(Type.Boolean()),
})

export const QaSearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      faq: Faq,
      score: Type.Number(),
      matched: Type.Array(Type.String()),
    }),
  ),
  confident: Type.Boolean(),
})
