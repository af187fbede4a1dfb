import { Type } from '@sinclair/typebox'
import { QA_QUERY_MAX } from '../../../common/contract'
import { Faq, PolicyValidity } from '../content/schemas'

export const QaSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: QA_QUERY_MAX }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
  /** type-ahead: not logged as a 问答缺口 */
  suggest: Type.Optional(Type.Boolean()),
})

/** 答案出处: the policy, its article and the interpretation a FAQ rests on */
export const QaSource = Type.Object({
  policy: Type.Object({ id: Type.String(), title: Type.String(), docNumber: Type.String(), validity: PolicyValidity }),
  article: Type.Optional(Type.Object({ heading: Type.String(), text: Type.String() })),
  interpretation: Type.Optional(Type.Object({ id: Type.String(), title: Type.String() })),
})

export const QaSearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      faq: Faq,
      score: Type.Number(),
      matched: Type.Array(Type.String()),
      source: Type.Optional(QaSource),
    }),
  ),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  /** last: the 问答缺口 hook reads the end of the answer (qa-gaps/record-hook.ts) */
  confident: Type.Boolean(),
})
