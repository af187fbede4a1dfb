/** 宣讲 in the console (issue 15): topics, lecturers with availability, the dispatch desk and the lecturers' calendars. */
import type { Id } from './entities'
import type { LectureFormat, LectureOrderStatus, TimeOfDay } from './lectures'

/** a weekday (1 = 周一 … 7 = 周日) and a part of the day a lecturer is usually free */
export interface LecturerSlot {
  weekday: number
  timeOfDay: TimeOfDay
}

export interface DeskLecturer {
  id: Id
  name: string
  title: string
  /** the organisation the lecturer belongs to (the city's when none was set) */
  orgCode: string
  topicIds: Id[]
  /** empty: no fixed slots (free any day not blocked) */
  weeklySlots: LecturerSlot[]
  /** YYYY-MM-DD days the lecturer cannot lecture */
  blockedDates: string[]
  active: boolean
  /** the staff account that speaks for this lecturer, if one is linked */
  account?: { id: Id; name: string }
  /** orders now dispatched, accepted or scheduled to this lecturer */
  openOrders: number
}

export interface DeskLecturerInput {
  name: string
  title: string
  orgCode: string
  topicIds: Id[]
  weeklySlots: LecturerSlot[]
  blockedDates: string[]
  active: boolean
}

export interface DeskTopic {
  id: Id
  title: string
  summary: string
  department: string
  /** the policy topic (养老, 医保 …) */
  topic: string
  durationMin: number
  formats: LectureFormat[]
  policyIds: Id[]
  orgCode: string
  active: boolean
  lecturers: { id: Id; name: string }[]
}

export interface DeskTopicInput {
  title: string
  summary: string
  department: string
  topic: string
  durationMin: number
  formats: LectureFormat[]
  policyIds: Id[]
  orgCode: string
  active: boolean
}

/** one lecturer as the assign dialog shows them for an order */
export interface LecturerCandidate {
  id: Id
  name: string
  title: string
  orgCode: string
  available: boolean
  /** the days of the order's window the lecturer is free in its part of the day */
  freeDates: string[]
  /** why not available, or what to mind (another order at the same time) */
  notes: string[]
}

export interface LecturerCalendarEntry {
  orderId: Id
  topicTitle: string
  regionName: string
  status: LectureOrderStatus
  /** the scheduled day, or the first day of the wished window when not scheduled yet */
  date: string
  dateTo: string
  timeOfDay: TimeOfDay
  time?: string
  place?: string
}

export interface LecturerCalendar {
  lecturerId: Id
  from: string
  to: string
  entries: LecturerCalendarEntry[]
  blockedDates: string[]
  weeklySlots: LecturerSlot[]
}

export const LECTURE_DESK_PATHS = {
  topics: '/admin/lecture-topics',
  lecturers: '/admin/lecturers',
  orders: '/admin/lecture-orders',
} as const

/** a row of the dispatch desk: the contact masked (the detail shows the dispatcher the full number) */
export interface DeskOrderSummary {
  id: Id
  topicId: Id
  topicTitle: string
  countyCode: string
  regionName: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
  audienceSize: number
  contactName: string
  contactPhone: string
  status: LectureOrderStatus
  lecturerId?: Id
  lecturerName?: string
  schedule?: { date: string; time: string; place: string }
  photos: number
  createdAt: string
}
