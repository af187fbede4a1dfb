/** TypeBox schemas of the question-bank and campaign console routes (the contract: common/contract/question-banks.ts). */
import { Type } from '@sinclair/typebox'
import { BANK_LIMITS, BANK_QUESTION_TYPES, CAMPAIGN_LIMITS, IDEMPOTENCY_KEY_MAX, OPTION_KEYS, PAGE_MAX, PAGE_SIZE_MAX } from '../../../common/contract'
import { ErrorCode, StringEnum } from '../../schemas/common'
import { Campaign } from '../quiz/campaign-schemas'

const OrgCode = Type.String({ pattern: '^\\d{6}(\\d{3})?$' })
const Page = {
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 }),
}
const Status = StringEnum(['upcoming', 'ongoing', 'ended'] as const)
const Lock = StringEnum(['open', 'locked', 'frozen'] as const)
const CampaignRef = Type.Object({ id: Type.String(), title: Type.String(), status: Status })

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const BankParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const QuestionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), qid: Type.String({ minLength: 1, maxLength: 64 }) })

export const BankQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  org: Type.Optional(Type.String({ maxLength: 9 })),
  topic: Type.Optional(Type.String({ maxLength: 64 })),
  ...Page,
})

export const BankInput = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    orgCode: OrgCode,
    topic: Type.String({ maxLength: 64 }),
  },
  { additionalProperties: false },
)
export const BankUpdate = Type.Object({ name: Type.String({ maxLength: 200 }), topic: Type.String({ maxLength: 64 }) }, { additionalProperties: false })
export const VersionInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: BANK_LIMITS.note })) }, { additionalProperties: false })

const summaryFields = {
  id: Type.String(),
  name: Type.String(),
  orgCode: Type.String(),
  orgName: Type.String(),
  topic: Type.String(),
  version: Type.Integer(),
  questionCount: Type.Integer(),
  lock: Lock,
  updatedAt: Type.String(),
}
export const BankSummary = Type.Object(summaryFields)
export const BankVersion = Type.Object({
  version: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Type.String(),
  note: Type.String(),
  questionCount: Type.Integer(),
  topicCounts: Type.Record(Type.String(), Type.Integer()),
  lock: Lock,
  campaigns: Type.Array(CampaignRef),
})
export const Bank = Type.Object({ ...summaryFields, versions: Type.Array(BankVersion) })

/** a question as written: checked field by field in Chinese by validate.ts, the schema only bounds sizes */
export const QuestionInput = Type.Object(
  {
    type: StringEnum(BANK_QUESTION_TYPES),
    stem: Type.String({ maxLength: 2000 }),
    options: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: OPTION_KEYS.length }),
    answer: Type.Array(Type.String({ maxLength: 1 }), { maxItems: OPTION_KEYS.length }),
    explanation: Type.String({ maxLength: 4000 }),
    topic: Type.String({ maxLength: 64 }),
    policyId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
)

export const Question = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  version: Type.Integer(),
  position: Type.Integer(),
  type: StringEnum(BANK_QUESTION_TYPES),
  stem: Type.String(),
  options: Type.Array(Type.Object({ key: Type.String(), text: Type.String() })),
  answer: Type.Array(Type.String()),
  explanation: Type.String(),
  topic: Type.String(),
  policyId: Type.Optional(Type.String()),
  updatedAt: Type.String(),
})

export const QuestionQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  topic: Type.Optional(Type.String({ maxLength: 64 })),
  type: Type.Optional(StringEnum(BANK_QUESTION_TYPES)),
  ...Page,
})

export const WriteQuery = Type.Object({ newVersion: Type.Boolean({ default: false }) })

export const QuestionSaved = Type.Object({ question: Type.Optional(Question), version: Type.Integer(), newVersion: Type.Boolean() })

export const ImportQuery = Type.Object({ dryRun: Type.Boolean({ default: true }), newVersion: Type.Boolean({ default: false }) })

const importFields = {
  dryRun: Type.Boolean(),
  rows: Type.Array(
    Type.Object({ row: Type.Integer(), stem: Type.String(), errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })) }),
  ),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  created: Type.Integer(),
  version: Type.Integer(),
  newVersion: Type.Boolean(),
}
export const ImportResult = Type.Object(importFields)
export const ImportRefused = Type.Object({
  error: Type.Object({ code: ErrorCode, message: Type.String(), fields: Type.Optional(Type.Record(Type.String(), Type.String())) }),
  ...Type.Partial(Type.Object(importFields)).properties,
})

// --- campaigns ----------------------------------------------------------------------------------

const IsoTime = Type.String({ maxLength: 40 })
const campaignInputFields = {
  orgCode: OrgCode,
  title: Type.String({ maxLength: 500 }),
  rulesText: Type.String({ maxLength: 10_000 }),
  startsAt: IsoTime,
  endsAt: IsoTime,
  topicQuota: Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0, maximum: CAMPAIGN_LIMITS.questionsPerAttempt }), { maxProperties: 30 }),
  secondsPerQuestion: Type.Integer({ minimum: 1, maximum: 3600 }),
  attemptsPerDay: Type.Integer({ minimum: 0, maximum: 100 }),
  scoreCounts: StringEnum(['best', 'latest'] as const),
  regions: Type.Array(Type.String({ maxLength: 12 }), { maxItems: 200 }),
  prizeNote: Type.Optional(Type.String({ maxLength: 5000 })),
  bankId: Type.String({ minLength: 1, maxLength: 64 }),
  bankVersion: Type.Integer({ minimum: 1, maximum: 100_000 }),
}
export const CampaignInput = Type.Object(campaignInputFields, { additionalProperties: false })
/** an edit sends the fields it changes; which may change depends on the campaign's status */
export const CampaignUpdate = Type.Partial(Type.Object(campaignInputFields, { additionalProperties: false }))

export const AdminCampaign = Type.Object({
  id: Type.String(),
  orgCode: Type.String(),
  orgName: Type.String(),
  title: Type.String(),
  rulesText: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Status,
  topicQuota: Type.Record(Type.String(), Type.Integer()),
  questionsPerAttempt: Type.Integer(),
  secondsPerQuestion: Type.Integer(),
  attemptsPerDay: Type.Integer(),
  scoreCounts: StringEnum(['best', 'latest'] as const),
  regions: Type.Array(Type.String()),
  prizeNote: Type.Optional(Type.String()),
  participants: Type.Integer(),
  bank: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() })),
  editable: StringEnum(['all', 'safe', 'none'] as const),
})

export const CampaignQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), status: Type.Optional(Status), ...Page })

export const CampaignPreview = Type.Object({
  campaign: Campaign,
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      type: StringEnum(['single', 'multiple', 'judge'] as const),
      stem: Type.String(),
      topic: Type.String(),
      options: Type.Array(Type.Object({ key: Type.String(), text: Type.String() })),
    }),
  ),
  secondsPerQuestion: Type.Integer(),
  totalSeconds: Type.Integer(),
})

export const messages = {
  orgCode: '请选择所属单位（6 位县市区或 9 位乡镇街道代码）',
  type: '题型只能是单选或多选',
  options: `选项最多 ${OPTION_KEYS.length} 个`,
  answer: '答案须为选项字母（A–F）',
  secondsPerQuestion: '每题限时须为整数秒',
  attemptsPerDay: '每日答题次数须为整数',
  scoreCounts: '计分方式只能是最高分或最近一次',
  bankVersion: '请选择题库版本',
  bankId: '请选择题库',
  topicQuota: `每个主题的题数须为 0 到 ${CAMPAIGN_LIMITS.questionsPerAttempt} 之间的整数`,
  dryRun: 'dryRun 只能是 true 或 false',
  newVersion: 'newVersion 只能是 true 或 false',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
