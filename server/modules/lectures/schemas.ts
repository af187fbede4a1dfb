import { Type } from '@sinclair/typebox'
import {
  ROLES,
  LECTURE_COMMENT_MAX,
  LECTURE_CONTACT_NAME_MAX,
  LECTURE_NOTE_MAX,
  LECTURE_PHOTOS_MAX,
  LECTURE_PLACE_MAX,
  LECTURE_REASON_MAX,
  LECTURE_STATUSES,
  LECTURE_SUMMARY_MAX,
  MOBILE_PATTERN,
} from '../../../common/contract'
import { PageQuery, SafeInteger, StringEnum } from '../../schemas/common'
import { LectureTopic } from './topic-schemas'

const Status = StringEnum(LECTURE_STATUSES)
const Action = StringEnum(['submit', 'dispatch', 'accept', 'decline', 'schedule', 'complete', 'cancel', 'reject', 'rate'] as const)
const StepAction = StringEnum(['dispatch', 'accept', 'decline', 'schedule', 'complete', 'cancel', 'reject', 'rate'] as const)
const Format = StringEnum(['onsite', 'online'] as const)
const TimeOfDay = StringEnum(['morning', 'afternoon', 'evening'] as const)
const Role = StringEnum(ROLES)
const DateString = Type.String({ maxLength: 10 })

export const LectureOrderEvent = Type.Object({
  action: Action,
  status: Status,
  byRole: Role,
  byName: Type.String(),
  at: Type.String(),
  note: Type.Optional(Type.String()),
})

export const LectureOrder = Type.Object({
  id: Type.String(),
  topicId: Type.String(),
  topicTitle: Type.String(),
  format: Format,
  villageCode: Type.String(),
  regionName: Type.String(),
  countyCode: Type.String(),
  townshipCode: Type.String(),
  placeName: Type.String(),
  dateFrom: Type.String(),
  dateTo: Type.String(),
  timeOfDay: TimeOfDay,
  audienceSize: Type.Integer(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  notes: Type.Optional(Type.String()),
  orderer: Type.Object({ name: Type.String(), role: Role }),
  onBehalf: Type.Boolean(),
  status: Status,
  lecturerId: Type.Optional(Type.String()),
  lecturerName: Type.Optional(Type.String()),
  schedule: Type.Optional(Type.Object({ date: Type.String(), time: Type.String(), place: Type.String() })),
  report: Type.Optional(Type.Object({ attendance: Type.Integer(), summary: Type.String(), photos: Type.Array(Type.String()), signedIn: Type.Integer() })),
  rating: Type.Optional(Type.Object({ stars: Type.Integer(), comment: Type.Optional(Type.String()), at: Type.String() })),
  timeline: Type.Array(LectureOrderEvent),
  actions: Type.Array(StepAction),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

/** raw caps only (a megabyte body never reaches the handler); the route trims and checks */
export const LectureOrderInput = Type.Object({
  topicId: Type.String({ minLength: 1, maxLength: 64 }),
  format: Type.Optional(Format),
  villageCode: Type.String({ minLength: 1, maxLength: 32 }),
  placeName: Type.String({ maxLength: LECTURE_PLACE_MAX * 2 }),
  dateFrom: DateString,
  dateTo: DateString,
  timeOfDay: TimeOfDay,
  audienceSize: SafeInteger(),
  contactName: Type.String({ maxLength: LECTURE_CONTACT_NAME_MAX * 2 }),
  contactPhone: Type.String({ pattern: MOBILE_PATTERN }),
  notes: Type.Optional(Type.String({ maxLength: LECTURE_NOTE_MAX * 2 })),
})

export const DispatchInput = Type.Object({
  lecturerId: Type.String({ minLength: 1, maxLength: 64 }),
  note: Type.Optional(Type.String({ maxLength: LECTURE_NOTE_MAX * 2 })),
})
export const ReasonInput = Type.Object({ reason: Type.String({ maxLength: LECTURE_REASON_MAX * 2 }) })
export const OptionalReasonInput = Type.Object({ reason: Type.Optional(Type.String({ maxLength: LECTURE_REASON_MAX * 2 })) })
export const EmptyInput = Type.Object({})
export const ScheduleInput = Type.Object({
  date: DateString,
  time: Type.String({ maxLength: 5 }),
  place: Type.String({ maxLength: LECTURE_PLACE_MAX * 2 }),
})
export const CompleteInput = Type.Object({
  attendance: SafeInteger(),
  summary: Type.String({ maxLength: LECTURE_SUMMARY_MAX * 2 }),
  photos: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: LECTURE_PHOTOS_MAX * 2 })),
})
export const RateInput = Type.Object({
  stars: SafeInteger(),
  comment: Type.Optional(Type.String({ maxLength: LECTURE_COMMENT_MAX * 2 })),
})
export const SignInInput = Type.Object({ code: Type.String({ maxLength: 64 }) })

export const LectureOrderQuery = Type.Composite([
  PageQuery,
  Type.Object({ status: Type.Optional(Status), county: Type.Optional(Type.String({ maxLength: 32 })) }),
])

export const CalendarQuery = Type.Object({
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
  county: Type.Optional(Type.String({ maxLength: 32 })),
})

export const CalendarEntry = Type.Object({
  orderId: Type.String(),
  topicTitle: Type.String(),
  format: Format,
  status: Status,
  date: Type.String(),
  time: Type.String(),
  place: Type.String(),
  countyCode: Type.String(),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  regionName: Type.String(),
  lecturerName: Type.Optional(Type.String()),
})

export const Notification = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Status,
  createdAt: Type.String(),
  read: Type.Boolean(),
  wechat: StringEnum(['pending', 'sent', 'not_sent', 'failed'] as const),
})

export const SignInCode = Type.Object({ orderId: Type.String(), code: Type.String(), payload: Type.String(), signedIn: Type.Integer() })
export const SignInResult = Type.Object({
  orderId: Type.String(),
  topicTitle: Type.String(),
  signedInAt: Type.String(),
  already: Type.Boolean(),
  signedIn: Type.Integer(),
})

export const LectureTopicDetail = Type.Composite([
  LectureTopic,
  Type.Object({
    reviews: Type.Array(Type.Object({ stars: Type.Integer(), comment: Type.Optional(Type.String()), at: Type.String(), regionName: Type.String() })),
  }),
])
