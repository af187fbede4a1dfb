/** JSON schemas of the console's lecture desk (TypeBox), with the Chinese messages of their fields. */
import { Type } from '@sinclair/typebox'
import { LECTURE_STATUSES } from '../../../common/contract'
import { PageQuery, StringEnum } from '../../schemas/common'

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const TimeOfDay = StringEnum(['morning', 'afternoon', 'evening'] as const)
const OrgCode = Type.String({ pattern: '^\\d{6}(\\d{3})?$' })
const ShortId = Type.String({ minLength: 1, maxLength: 64 })

export const Slot = Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), timeOfDay: TimeOfDay }, { additionalProperties: false })

export const TopicInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 60 }),
    summary: Type.String({ minLength: 1, maxLength: 500 }),
    department: Type.String({ minLength: 1, maxLength: 60 }),
    topic: ShortId,
    durationMin: Type.Integer({ minimum: 15, maximum: 240 }),
    formats: Type.Array(StringEnum(['onsite', 'online'] as const), { minItems: 1, maxItems: 2, uniqueItems: true }),
    policyIds: Type.Array(ShortId, { maxItems: 20, uniqueItems: true }),
    orgCode: OrgCode,
    active: Type.Boolean(),
  },
  { additionalProperties: false },
)

export const topicMessages = {
  title: '请填写专题名称（60字以内）',
  summary: '请填写专题简介（500字以内）',
  department: '请填写主讲单位（60字以内）',
  topic: '请选择政策主题',
  durationMin: '时长应在15到240分钟之间',
  formats: '请至少选择一种宣讲形式',
  policyIds: '关联政策最多20条，且不能重复',
  orgCode: '请选择维护单位',
  active: '请选择是否上架',
  'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符',
}

export const LecturerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    orgCode: OrgCode,
    topicIds: Type.Array(ShortId, { maxItems: 50, uniqueItems: true }),
    weeklySlots: Type.Array(Slot, { maxItems: 21 }),
    blockedDates: Type.Array(Day, { maxItems: 366, uniqueItems: true }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
)

export const lecturerMessages = {
  name: '请填写宣讲员姓名（20字以内）',
  title: '请填写职务或简介（60字以内）',
  orgCode: '请选择所属单位',
  topicIds: '请从宣讲菜单中选择专题',
  weeklySlots: '每周可安排时段不正确',
  blockedDates: '不可安排日期应为 YYYY-MM-DD，且不能重复',
  active: '请选择是否启用',
  'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符',
}

export const TopicQuery = Type.Intersect([
  PageQuery,
  Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), active: Type.Optional(StringEnum(['', 'true', 'false'] as const)) }),
])

export const LecturerQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 50 })),
    topicId: Type.Optional(Type.String({ maxLength: 64 })),
    org: Type.Optional(Type.String({ maxLength: 9 })),
  }),
])

const OrderFilters = {
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(StringEnum(['', ...LECTURE_STATUSES] as const)),
  county: Type.Optional(Type.String({ maxLength: 6 })),
  lecturerId: Type.Optional(Type.String({ maxLength: 64 })),
}

export const OrderQuery = Type.Intersect([PageQuery, Type.Object(OrderFilters)])
export const ExportQuery = Type.Object(OrderFilters)

export const queryMessages = {
  q: '搜索词最多50字',
  status: '状态不正确',
  county: '区县代码不正确',
  from: '开始日期应为 YYYY-MM-DD',
  to: '结束日期应为 YYYY-MM-DD',
}

export const CalendarQuery = Type.Object({ from: Day, to: Day })

export const AssignInput = Type.Object({ lecturerId: ShortId, note: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false })
export const RejectInput = Type.Object({ reason: Type.String({ maxLength: 400 }) }, { additionalProperties: false })
export const PhotosInput = Type.Object(
  { photos: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 1, maxItems: 9, uniqueItems: true }) },
  { additionalProperties: false },
)

export const stepMessages = {
  lecturerId: '请选择宣讲员',
  note: '派单说明最多200字',
  reason: '请填写原因（200字以内）',
  photos: '请上传1到9张照片',
  'idempotency-key': 'Idempotency-Key 须为 1 到 128 个字符',
}

const Lecturer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  orgCode: Type.String(),
  topicIds: Type.Array(Type.String()),
  weeklySlots: Type.Array(Slot),
  blockedDates: Type.Array(Type.String()),
  active: Type.Boolean(),
  account: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  openOrders: Type.Integer(),
})
export { Lecturer as DeskLecturer }

export const DeskTopic = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  department: Type.String(),
  topic: Type.String(),
  durationMin: Type.Integer(),
  formats: Type.Array(Type.String()),
  policyIds: Type.Array(Type.String()),
  orgCode: Type.String(),
  active: Type.Boolean(),
  lecturers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
})

export const DeskOrderSummary = Type.Object({
  id: Type.String(),
  topicId: Type.String(),
  topicTitle: Type.String(),
  countyCode: Type.String(),
  regionName: Type.String(),
  placeName: Type.String(),
  dateFrom: Type.String(),
  dateTo: Type.String(),
  timeOfDay: Type.String(),
  audienceSize: Type.Integer(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  status: Type.String(),
  lecturerId: Type.Optional(Type.String()),
  lecturerName: Type.Optional(Type.String()),
  schedule: Type.Optional(Type.Object({ date: Type.String(), time: Type.String(), place: Type.String() })),
  photos: Type.Integer(),
  createdAt: Type.String(),
})

export const Candidate = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  orgCode: Type.String(),
  available: Type.Boolean(),
  freeDates: Type.Array(Type.String()),
  notes: Type.Array(Type.String()),
})

export const Calendar = Type.Object({
  lecturerId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  entries: Type.Array(
    Type.Object({
      orderId: Type.String(),
      topicTitle: Type.String(),
      regionName: Type.String(),
      status: Type.String(),
      date: Type.String(),
      dateTo: Type.String(),
      timeOfDay: Type.String(),
      time: Type.Optional(Type.String()),
      place: Type.Optional(Type.String()),
    }),
  ),
  blockedDates: Type.Array(Type.String()),
  weeklySlots: Type.Array(Slot),
})
