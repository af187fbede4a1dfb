/** 宣讲点单: the lecture menu and the ordering workflow (issue 5). */
import type { Id, Role } from './entities'


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

export type LectureOrderStatus =
  | 'submitted'
  | 'dispatched'
  | 'accepted'
  | 'scheduled'
  | 'delivered'
  | 'rated'
  | 'cancelled'
  | 'rejected'

export type LectureAction = 'dispatch' | 'accept' | 'decline' | 'schedule' | 'complete' | 'cancel' | 'reject' | 'rate'

export interface LectureOrderEvent {
  action: 'submit' | LectureAction
  status: LectureOrderStatus
  byRole: Role
  byName: string
  at: string
  note?: string
}

export interface LectureOrder {
  id: Id
  topicId: Id
  topicTitle: string
  villageCode: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: 'morning' | 'afternoon' | 'evening'
  audienceSize: number
  contactName: string
  /** masked unless the caller is the dispatcher or the assigned lecturer */
  contactPhone: string
  notes?: string
  status: LectureOrderStatus
  lecturerId?: Id
  lecturerName?: string
  schedule?: { date: string; time: string; place: string }
  report?: { attendance: number; summary: string }
  rating?: { stars: number; comment?: string }
  timeline: LectureOrderEvent[]
  createdAt: string
}


export interface LectureOrderInput {
  topicId: Id
  villageCode: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: 'morning' | 'afternoon' | 'evening'
  audienceSize: number
  contactName: string
  contactPhone: string
  notes?: string
}

/** method + path → request and response types (merged into Endpoints) */
export interface LectureEndpoints {
  'GET /lecture-topics': { query: { topic?: string }; res: LectureTopic[] }
  'POST /lecture-orders': { body: LectureOrderInput; res: LectureOrder }
  'GET /lecture-orders/mine': { res: LectureOrder[] }
  'GET /lecture-orders/:id': { res: LectureOrder }
}
