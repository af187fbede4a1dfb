import { Type } from '@sinclair/typebox'
import { CONSULTATION_REPLY_MAX, DESK_EVENT_LABELS, DESK_REASON_MAX, DESK_STATUSES, IDEMPOTENCY_KEY_MAX } from '../../../common/contract'
import { FilterKey, PageQuery, StringEnum } from '../../schemas/common'

const Department = Type.Object({ orgCode: Type.String(), orgName: Type.String(), name: Type.String() })
const Status = StringEnum(DESK_STATUSES)

const rowFields = {
  id: Type.String(),
  topic: Type.String(),
  topicName: Type.String(),
  question: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  phoneMasked: Type.Optional(Type.String()),
  createdAt: Type.String(),
  dueDate: Type.String(),
  overdue: Type.Boolean(),
  status: Status,
  department: Department,
  assignee: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  repliedAt: Type.Optional(Type.String()),
}

/** no `phone` key: the serializer drops a full number whatever the handler returns */
export const DeskConsultation = Type.Object(rowFields)

export const DeskPage = Type.Object({
  items: Type.Array(DeskConsultation),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  overdueOpen: Type.Integer(),
})

export const DeskDetail = Type.Object({
  ...rowFields,
  timeline: Type.Array(
    Type.Object({
      kind: StringEnum(Object.keys(DESK_EVENT_LABELS) as (keyof typeof DESK_EVENT_LABELS)[]),
      at: Type.String(),
      actorName: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
  draft: Type.Optional(Type.Object({ text: Type.String(), byName: Type.String(), at: Type.String() })),
  reply: Type.Optional(Type.Object({ text: Type.String(), department: Type.String(), repliedAt: Type.String() })),
  reviewRequired: Type.Boolean(),
})

const OrgCode = Type.String({ pattern: '^3310\\d{2}(\\d{3})?$' })
const DepartmentName = Type.String({ minLength: 1, maxLength: 64 })

export const DeskQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(Status),
    overdue: Type.Optional(Type.Boolean()),
    org: Type.Optional(OrgCode),
    department: Type.Optional(FilterKey),
    county: Type.Optional(Type.String({ pattern: '^3310\\d{2}$' })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  }),
])

export const AssignInput = Type.Object(
  { assigneeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), orgCode: Type.Optional(OrgCode), department: Type.Optional(DepartmentName) },
  { additionalProperties: false },
)

export const TransferInput = Type.Object(
  { orgCode: OrgCode, department: DepartmentName, reason: Type.String({ maxLength: DESK_REASON_MAX * 2 }) },
  { additionalProperties: false },
)

export const ReplyInput = Type.Object({ text: Type.String({ maxLength: CONSULTATION_REPLY_MAX * 2 }) }, { additionalProperties: false })

export const ReturnInput = Type.Object({ reason: Type.String({ maxLength: DESK_REASON_MAX * 2 }) }, { additionalProperties: false })

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

const FigureRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
  answered: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  overdueShare: Type.Number(),
  avgReplyWorkingDays: Type.Union([Type.Number(), Type.Null()]),
})

export const DeskFigures = Type.Object({
  unit: Type.Literal('workingDays'),
  total: FigureRow,
  byDepartment: Type.Array(FigureRow),
  byCounty: Type.Array(FigureRow),
})

export const DeskRoute = Type.Object({
  topic: Type.String(),
  topicName: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  department: Department,
  custom: Type.Boolean(),
})

export const RouteInput = Type.Object(
  { topic: Type.String({ minLength: 1, maxLength: 64 }), countyCode: Type.String({ pattern: '^3310\\d{2}$' }), orgCode: OrgCode, department: DepartmentName },
  { additionalProperties: false },
)

export const OrgParams = Type.Object({ code: OrgCode })
export const DeskSettings = Type.Object({ orgCode: Type.String(), reviewReplies: Type.Boolean() })
export const SettingsInput = Type.Object({ reviewReplies: Type.Boolean() }, { additionalProperties: false })

export const DeskResponder = Type.Object({ id: Type.String(), name: Type.String(), orgCode: Type.String(), department: Type.Optional(Type.String()) })

export const deskMessages = {
  status: '请选择正确的状态',
  org: '请选择正确的单位',
  county: '请选择正确的县（市、区）',
  orgCode: '请选择正确的单位',
  countyCode: '请选择正确的县（市、区）',
  department: '请选择部门',
  reason: '请填写原因',
  'reason.maxLength': `原因最多${DESK_REASON_MAX}字`,
  text: '请填写答复内容',
  'text.maxLength': `答复最多${CONSULTATION_REPLY_MAX}字`,
  assigneeId: '请选择答复人',
  reviewReplies: '请选择是否需要审核',
  q: '关键词最多50字',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
