/** 宣讲点单: the lecture menu and the ordering workflow (issue 5). */
import type { Id, Role } from './entities'
import type { Page } from './paging'

export type LectureFormat = 'onsite' | 'online'
export interface LectureTopic {
  id: Id
  title: string
  department: string
  topic: string
  summary: string
  durationMin: number
  formats: LectureFormat[]
  lecturers: { id: Id; name: string; title: string }[]
  rating: { average: number; count: number }
}

export type LectureOrderStatus = 'submitted' | 'dispatched' | 'accepted' | 'scheduled' | 'delivered' | 'rated' | 'cancelled' | 'rejected'

export type LectureAction = 'dispatch' | 'accept' | 'decline' | 'schedule' | 'complete' | 'cancel' | 'reject' | 'rate'
export const LECTURE_ACTIONS: readonly LectureAction[] = ['dispatch', 'accept', 'decline', 'schedule', 'complete', 'cancel', 'reject', 'rate']
export const LECTURE_STATUSES: readonly LectureOrderStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'scheduled',
  'delivered',
  'rated',
  'cancelled',
  'rejected',
]

export const lectureStatusLabel: Record<LectureOrderStatus, string> = {
  submitted: '已点单',
  dispatched: '已派单',
  accepted: '已接单',
  scheduled: '已排期',
  delivered: '已完成',
  rated: '已评价',
  cancelled: '已取消',
  rejected: '已驳回',
}

export type TimeOfDay = 'morning' | 'afternoon' | 'evening'
export const timeOfDayLabel: Record<TimeOfDay, string> = { morning: '上午', afternoon: '下午', evening: '晚上' }
export const lectureFormatLabel: Record<LectureFormat, string> = { onsite: '到村现场', online: '线上直播' }

export interface LectureOrderEvent {
  action: 'submit' | LectureAction
  /** the status the order reached */
  status: LectureOrderStatus
  byRole: Role
  byName: string
  at: string
  /** the reason, assignment, schedule or comment of the step, as plain text */
  note?: string
}

export interface LectureOrder {
  id: Id
  topicId: Id
  topicTitle: string
  format: LectureFormat
  villageCode: string
  /** 县市区 乡镇街道 村社区, e.g. 椒江区 海门街道 城隍浦社区 */
  regionName: string
  countyCode: string
  townshipCode: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
  audienceSize: number
  contactName: string
  /** masked unless the caller is the dispatcher or the assigned lecturer */
  contactPhone: string
  notes?: string
  /** who ordered: a resident, or service-point staff ordering for their village (代点单) */
  orderer: { name: string; role: Role }
  onBehalf: boolean
  status: LectureOrderStatus
  lecturerId?: Id
  lecturerName?: string
  schedule?: { date: string; time: string; place: string }
  report?: { attendance: number; summary: string; photos: string[]; signedIn: number }
  rating?: { stars: number; comment?: string; at: string }
  timeline: LectureOrderEvent[]
  /** what the caller may do next (the server's rules; the client only shows them) */
  actions: LectureAction[]
  createdAt: string
  updatedAt: string
}

export interface LectureOrderInput {
  topicId: Id
  /** one of the topic's formats; the topic's first when left out */
  format?: LectureFormat
  villageCode: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
  audienceSize: number
  contactName: string
  contactPhone: string
  notes?: string
}

export interface DispatchInput {
  lecturerId: Id
  note?: string
}
export interface ReasonInput {
  reason: string
}
export interface ScheduleInput {
  date: string
  /** HH:mm, Beijing time */
  time: string
  place: string
}
export interface CompleteInput {
  attendance: number
  summary: string
  photos?: string[]
}
export interface RateInput {
  stars: number
  comment?: string
}

export interface LectureReview {
  stars: number
  comment?: string
  at: string
  regionName: string
}

export interface LectureTopicDetail extends LectureTopic {
  reviews: LectureReview[]
}

export interface LectureOrderQuery {
  status?: LectureOrderStatus
  county?: string
  page?: number
  pageSize?: number
}

/** a lecture on the calendar: public facts only, no contact */
export interface LectureCalendarEntry {
  orderId: Id
  topicTitle: string
  format: LectureFormat
  status: LectureOrderStatus
  date: string
  time: string
  place: string
  countyCode: string
  townshipCode: string
  /** 乡镇街道 name, e.g. 海门街道 */
  townshipName: string
  regionName: string
  lecturerName?: string
}

/** whether the WeChat subscription message went out */
export type NotificationDelivery = 'pending' | 'sent' | 'not_sent' | 'failed'

export interface LectureNotification {
  id: Id
  orderId: Id
  title: string
  body: string
  status: LectureOrderStatus
  createdAt: string
  read: boolean
  wechat: NotificationDelivery
}

export interface SignInCode {
  orderId: Id
  /** six digits, typed by those who cannot scan */
  code: string
  /** what the QR code holds: zct-signin:<orderId>:<code> */
  payload: string
  signedIn: number
}

export interface SignInResult {
  orderId: Id
  topicTitle: string
  signedInAt: string
  /** true when this user had already signed in (nothing new was recorded) */
  already: boolean
  signedIn: number
}

export const LECTURE_SIGN_IN_PREFIX = 'zct-signin:'
export const LECTURE_NOTE_MAX = 200
export const LECTURE_REASON_MAX = 200
export const LECTURE_SUMMARY_MAX = 500
export const LECTURE_COMMENT_MAX = 300
export const LECTURE_PLACE_MAX = 50
export const LECTURE_CONTACT_NAME_MAX = 20
export const LECTURE_AUDIENCE_MAX = 2000
export const LECTURE_ATTENDANCE_MAX = 5000
export const LECTURE_PHOTOS_MAX = 9
/** how far ahead a lecture may be ordered */
export const LECTURE_ORDER_HORIZON_DAYS = 180
/**
 * 提前预约: the first day an order may ask for is this many days after today (Beijing), so a
 * dispatcher and a lecturer have time to arrange it. The server's LECTURE_LEAD_DAYS overrides it
 * (0..30); the app reads the server's value from GET /app-config.
 */
export const LECTURE_LEAD_DAYS_DEFAULT = 3
export const LECTURE_LEAD_DAYS_MAX = 30

/** method + path → request and response types (merged into Endpoints) */
export interface LectureEndpoints {
  'GET /lecture-topics': { query: { topic?: string }; res: LectureTopic[] }
  'GET /lecture-topics/:id': { res: LectureTopicDetail }
  'POST /lecture-orders': { body: LectureOrderInput; res: LectureOrder }
  'GET /lecture-orders/mine': { res: LectureOrder[] }
  /** dispatcher and admin: oldest first (incoming by age), full phone */
  'GET /lecture-orders': { query: LectureOrderQuery; res: Page<LectureOrder> }
  /** the signed-in lecturer's assignments, soonest first */
  'GET /lecture-orders/assigned': { res: LectureOrder[] }
  'GET /lecture-orders/:id': { res: LectureOrder }
  'POST /lecture-orders/:id/dispatch': { body: DispatchInput; res: LectureOrder }
  'POST /lecture-orders/:id/accept': { body: Record<string, never>; res: LectureOrder }
  'POST /lecture-orders/:id/decline': { body: ReasonInput; res: LectureOrder }
  'POST /lecture-orders/:id/schedule': { body: ScheduleInput; res: LectureOrder }
  'POST /lecture-orders/:id/complete': { body: CompleteInput; res: LectureOrder }
  'POST /lecture-orders/:id/cancel': { body: Partial<ReasonInput>; res: LectureOrder }
  'POST /lecture-orders/:id/reject': { body: ReasonInput; res: LectureOrder }
  'POST /lecture-orders/:id/rate': { body: RateInput; res: LectureOrder }
  /** the assigned lecturer, while the lecture is scheduled */
  'GET /lecture-orders/:id/sign-in-code': { res: SignInCode }
  'POST /lecture-orders/:id/sign-in': { body: { code: string }; res: SignInResult }
  /** sign in with a typed code alone: the code names the lecture */
  'POST /lecture-sign-ins': { body: { code: string }; res: SignInResult }
  /** month: YYYY-MM */
  'GET /lecture-calendar': { query: { month: string; county?: string }; res: LectureCalendarEntry[] }
  'GET /notifications': { res: LectureNotification[] }
  'GET /notifications/unread-count': { res: { unread: number } }
  'POST /notifications/:id/read': { body: Record<string, never>; res: { unread: number } }
}
