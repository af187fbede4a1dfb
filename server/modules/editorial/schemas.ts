/** TypeBox schemas of the console's content routes (the contract: common/contract/admin.ts). */
import { Type } from '@sinclair/typebox'
import { EDITORIAL_STATUSES, EDITORIAL_TYPES, IDEMPOTENCY_KEY_MAX, PAGE_MAX, PAGE_SIZE_MAX } from '../../../common/contract'
import { StringEnum } from '../../schemas/common'
import { Org } from '../auth/session-schemas'
import { REJECT_REASON_MAX } from './workflow'

const StaffRef = Type.Object({ id: Type.String(), name: Type.String() })
const OrgCode = Type.String({ pattern: '^\\d{6}(\\d{3})?$' })
const Day = Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })

const summaryFields = {
  id: Type.String(),
  type: StringEnum(EDITORIAL_TYPES),
  title: Type.String(),
  org: Org,
  status: StringEnum(EDITORIAL_STATUSES),
  live: Type.Boolean(),
  version: Type.Integer(),
  publishedVersion: Type.Optional(Type.Integer()),
  revision: Type.Integer(),
  author: StaffRef,
  updatedBy: StaffRef,
  updatedAt: Type.String(),
  submittedAt: Type.Optional(Type.String()),
  scheduledAt: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Type.String()),
  reviewDate: Type.Optional(Type.String()),
  closesAt: Type.Optional(Type.String()),
  closed: Type.Optional(Type.Boolean()),
}

export const EditorialSummary = Type.Object(summaryFields)

export const EditorialCheck = Type.Object({
  level: StringEnum(['error', 'warning'] as const),
  code: Type.String(),
  field: Type.Optional(Type.String()),
  message: Type.String(),
})

/** a draft is checked by validateDraft (per field, in Chinese), not by the schema; it is served as stored */
const Draft = Type.Unknown()

export const EditorialItem = Type.Object({
  ...summaryFields,
  draft: Draft,
  reviewer: Type.Optional(StaffRef),
  reviewedAt: Type.Optional(Type.String()),
  rejectReason: Type.Optional(Type.String()),
  withdrawnAt: Type.Optional(Type.String()),
  selfReview: Type.Optional(Type.Boolean()),
  checks: Type.Array(EditorialCheck),
})

export const EditorialVersion = Type.Object({
  version: Type.Integer(),
  createdAt: Type.String(),
  author: StaffRef,
  draft: Draft,
  live: Type.Boolean(),
})

export const EditorialQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(Type.Union([StringEnum(EDITORIAL_STATUSES), Type.Literal('')])),
  org: Type.Optional(Type.String({ pattern: '^(\\d{6}(\\d{3})?)?$' })),
  topic: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  sort: Type.Optional(StringEnum(['updatedAt', 'title', 'status', 'reviewDate'] as const)),
  order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 }),
})

export const EditorialCreate = Type.Object({ orgCode: OrgCode, draft: Draft })
export const EditorialUpdate = Type.Object({ revision: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), draft: Draft })
export const EditorialTransition = Type.Object({ revision: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })
export const EditorialReject = Type.Object({
  revision: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  reason: Type.String({ maxLength: REJECT_REASON_MAX * 2 }),
})
export const EditorialPublish = Type.Object({
  revision: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  at: Type.Optional(Type.String({ maxLength: 40 })),
})

export const OrgSettings = Type.Object({ code: Type.String(), allowSelfReview: Type.Boolean() })
export const OrgSettingsInput = Type.Object({ allowSelfReview: Type.Boolean() })
export const OrgParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) })

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const editorialMessages = {
  orgCode: '请选择维护单位（6 位县市区或 9 位乡镇街道代码）',
  draft: '请填写内容',
  revision: '缺少版本号（revision），请刷新后再试',
  reason: `退回理由最多 ${REJECT_REASON_MAX} 字`,
  at: '定时发布时间格式不正确',
  allowSelfReview: '请选择是否允许自审',
  q: '搜索词最多 50 个字符',
  status: '状态不正确',
  org: '单位代码应为 6 位或 9 位数字',
  topic: '专题不正确',
  from: '日期格式应为 YYYY-MM-DD',
  to: '日期格式应为 YYYY-MM-DD',
  sort: '排序字段不正确',
  order: '排序方向应为 asc 或 desc',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
