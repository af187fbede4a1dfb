/** TypeBox schemas of the 问答缺口 routes (the contract: common/contract/qa-gaps.ts). */
import { Type } from '@sinclair/typebox'
import { EDITORIAL_STATUSES, PAGE_MAX, PAGE_SIZE_MAX, QA_GAP_STATUSES } from '../../../common/contract'
import { StringEnum } from '../../schemas/common'
import { Org } from '../auth/session-schemas'
import { LIMITS } from '../editorial/validate'

const Day = Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })

export const QaGap = Type.Object({
  id: Type.String(),
  org: Org,
  status: StringEnum(QA_GAP_STATUSES),
  wording: Type.String(),
  count: Type.Integer(),
  searchCount: Type.Integer(),
  firstSeen: Type.String(),
  lastSeen: Type.String(),
  samples: Type.Array(Type.Object({ wording: Type.String(), count: Type.Integer() })),
  faq: Type.Optional(Type.Object({ id: Type.String(), title: Type.String(), status: StringEnum(EDITORIAL_STATUSES), live: Type.Boolean() })),
  handledBy: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  handledAt: Type.Optional(Type.String()),
})

export const QaGapQuery = Type.Object({
  status: Type.Optional(Type.Union([StringEnum(QA_GAP_STATUSES), Type.Literal('')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 }),
})

export const QaGapFaqInput = Type.Object(
  {
    question: Type.Optional(Type.String({ maxLength: LIMITS.question * 2 })),
    answer: Type.Optional(Type.String({ maxLength: LIMITS.answer * 2 })),
    topic: Type.Optional(Type.String({ maxLength: 64 })),
    keywords: Type.Optional(Type.Array(Type.String({ maxLength: LIMITS.keyword * 2 }), { maxItems: LIMITS.keywords })),
  },
  { additionalProperties: false },
)

export const QaGapAttachInput = Type.Object({ faqId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })

export const QaGapActionResult = Type.Object({ gap: QaGap, itemId: Type.Optional(Type.String()) })

export const qaGapMessages = {
  status: '状态应为 open、faq、attached 或 ignored',
  q: '搜索词最多 50 个字符',
  from: '日期格式应为 YYYY-MM-DD',
  to: '日期格式应为 YYYY-MM-DD',
  question: `问题不能超过 ${LIMITS.question} 个字`,
  answer: `回答不能超过 ${LIMITS.answer} 个字`,
  topic: '主题不正确',
  keywords: `关键词最多 ${LIMITS.keywords} 个，每个不超过 ${LIMITS.keyword} 个字`,
  faqId: '请选择要并入的问答',
}
