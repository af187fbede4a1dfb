import { Type } from '@sinclair/typebox'
import {
  FOIA_ACTIONS,
  FOIA_EVENT_LABELS,
  FOIA_NOTE_MAX,
  FOIA_REPLY_TYPES,
  FOIA_STATUSES,
  FOIA_TEXT_MAX,
  IDEMPOTENCY_KEY_MAX,
  type FoiaEventKind,
} from '../../../common/contract'
import { PageQuery, StringEnum } from '../../schemas/common'

const OrgCode = Type.String({ pattern: '^3310\\d{2}(\\d{3})?$' })
const ApplicantType = StringEnum(['citizen', 'organisation'] as const)
const IdType = StringEnum(['id_card', 'passport', 'hk_macao_pass', 'credit_code'] as const)
const Format = StringEnum(['paper', 'electronic'] as const)
const Delivery = StringEnum(['mail', 'pickup', 'email', 'online'] as const)
const Status = StringEnum(FOIA_STATUSES)
const ReplyType = StringEnum(FOIA_REPLY_TYPES)

const applicationFields = {
  applicantType: ApplicantType,
  name: Type.String({ maxLength: 100 }),
  idType: IdType,
  idNumber: Type.String({ maxLength: 40 }),
  phone: Type.String({ maxLength: 20 }),
  email: Type.Optional(Type.String({ maxLength: 100 })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  infoTitle: Type.String({ maxLength: 200 }),
  docNumber: Type.Optional(Type.String({ maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: FOIA_TEXT_MAX * 2 })),
  orgCode: OrgCode,
  format: Format,
  delivery: Delivery,
}

export const ApplicationInput = Type.Object(applicationFields, { additionalProperties: false })
export const RegisterInput = Type.Object(
  { ...applicationFields, channel: StringEnum(['paper', 'letter'] as const), receivedOn: Type.Optional(Type.String({ format: 'date' })) },
  { additionalProperties: false },
)

export const ActionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), action: StringEnum(FOIA_ACTIONS) })

export const ActionInput = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: FOIA_NOTE_MAX * 2 })),
    approver: Type.Optional(Type.String({ maxLength: 100 })),
    reply: Type.Optional(
      Type.Object(
        {
          type: ReplyType,
          ground: Type.Optional(Type.String({ maxLength: 200 })),
          holder: Type.Optional(Type.String({ maxLength: 100 })),
          text: Type.String({ maxLength: FOIA_TEXT_MAX * 2 }),
          pages: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const CorrectionInput = Type.Object({ text: Type.String({ maxLength: FOIA_TEXT_MAX * 2 }) }, { additionalProperties: false })

const ReplyOut = Type.Object({
  type: ReplyType,
  typeLabel: Type.String(),
  ground: Type.Optional(Type.String()),
  holder: Type.Optional(Type.String()),
  text: Type.String(),
  fee: Type.Optional(Type.Object({ amount: Type.Integer(), basis: Type.String() })),
  repliedAt: Type.Optional(Type.String()),
})

const requestFields = {
  id: Type.String(),
  number: Type.String(),
  channel: StringEnum(['online', 'paper', 'letter'] as const),
  applicantType: ApplicantType,
  name: Type.String(),
  idType: IdType,
  idNumberMasked: Type.String(),
  idNumber: Type.Optional(Type.String()),
  phoneMasked: Type.String(),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  infoTitle: Type.String(),
  docNumber: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  orgCode: Type.String(),
  orgName: Type.String(),
  format: Format,
  delivery: Delivery,
  status: Status,
  createdAt: Type.String(),
  receivedOn: Type.String(),
  dueDate: Type.Optional(Type.String()),
  daysLeft: Type.Optional(Type.Integer()),
  overdue: Type.Boolean(),
  extended: Type.Boolean(),
  extension: Type.Optional(Type.Object({ approver: Type.String(), reason: Type.String() })),
  correctionNote: Type.Optional(Type.String()),
  draft: Type.Optional(ReplyOut),
  reply: Type.Optional(ReplyOut),
  disclosureItemId: Type.Optional(Type.String()),
}

/** a list row: no full ID number or phone, whatever the handler returns */
const { idNumber: _i, phone: _p, ...listFields } = requestFields
export const RequestRowOut = Type.Object(listFields)
export const RequestDetailOut = Type.Object({
  ...requestFields,
  timeline: Type.Array(
    Type.Object({
      kind: StringEnum(Object.keys(FOIA_EVENT_LABELS) as FoiaEventKind[]),
      at: Type.String(),
      actorName: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
  actions: Type.Array(StringEnum(FOIA_ACTIONS)),
})

export const RequestPage = Type.Object({
  items: Type.Array(RequestRowOut),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  overdueOpen: Type.Integer(),
})

export const MinePage = Type.Object({ items: Type.Array(RequestRowOut), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })

export const BoardQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(Status),
    overdue: Type.Optional(Type.Boolean()),
    dueThisWeek: Type.Optional(Type.Boolean()),
    extended: Type.Optional(Type.Boolean()),
    org: Type.Optional(OrgCode),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  }),
])

export const ReportQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), org: Type.Optional(OrgCode) })

const Counts = Type.Object({ citizen: Type.Integer(), organisation: Type.Integer(), total: Type.Integer() })
export const ReportOut = Type.Object({
  year: Type.Integer(),
  orgCode: Type.String(),
  orgName: Type.String(),
  received: Counts,
  carriedOver: Counts,
  results: Type.Array(
    Type.Object({
      type: StringEnum([...FOIA_REPLY_TYPES, 'carried_forward'] as const),
      label: Type.String(),
      citizen: Type.Integer(),
      organisation: Type.Integer(),
      total: Type.Integer(),
    }),
  ),
})

export interface BodyNode {
  code: string
  name: string
  children?: BodyNode[]
}
export const BodyNodeOut = Type.Recursive((This) => Type.Object({ code: Type.String(), name: Type.String(), children: Type.Optional(Type.Array(This)) }))

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const foiaMessages = {
  applicantType: '请选择申请人类型',
  name: '请填写申请人姓名或名称（最多100字）',
  idType: '请选择证件类型',
  idNumber: '请填写证件号码',
  phone: '请填写联系电话',
  email: '电子邮箱最多100字',
  address: '通讯地址最多200字',
  infoTitle: '请填写所需信息的名称（最多200字）',
  docNumber: '文号最多100字',
  description: `信息描述最多${FOIA_TEXT_MAX}字`,
  orgCode: '请选择申请公开的机关',
  format: '请选择获取信息的载体形式',
  delivery: '请选择获取信息的方式',
  channel: '请选择申请方式',
  receivedOn: '收到日期格式应为 YYYY-MM-DD',
  action: '没有这个办理步骤',
  note: `说明最多${FOIA_NOTE_MAX}字`,
  approver: '请填写延期批准人',
  reply: '请填写答复内容',
  'reply.type': '请选择答复类型',
  type: '请选择答复类型',
  ground: '法律依据最多200字',
  holder: '掌握信息的机关最多100字',
  text: `内容最多${FOIA_TEXT_MAX}字`,
  pages: '页数须为 0 到 100000 的整数',
  status: '请选择正确的状态',
  org: '请选择正确的单位',
  year: '请选择 2000 到 2100 之间的年份',
  q: '关键词最多50字',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
