/** SQLite rows → contract entities. NULL columns become absent fields, never `null`. */
import type { Campaign, LectureTopic, User } from '../../../common/contract'
import type { ConsultationRecord, IdempotencyRecord } from '../store'

export interface LectureTopicRow {
  id: string
  title: string
  department: string
  topic: string
  summary: string
  duration_min: number
  formats: string
  lecturers: string
  rating_average: number
  rating_count: number
}

export function lectureTopicFrom(r: LectureTopicRow): LectureTopic {
  return {
    id: r.id,
    title: r.title,
    department: r.department,
    topic: r.topic,
    summary: r.summary,
    durationMin: r.duration_min,
    formats: JSON.parse(r.formats) as LectureTopic['formats'],
    lecturers: JSON.parse(r.lecturers) as LectureTopic['lecturers'],
    rating: { average: r.rating_average, count: r.rating_count },
  }
}

export interface CampaignRow {
  id: string
  title: string
  department: string
  cover: string
  starts_at: string
  ends_at: string
  participants: number
  description: string
  rules: string
  topics: string
}

/** status is a placeholder here: the store derives it from the clock */
export function campaignFrom(r: CampaignRow): Campaign {
  return {
    id: r.id,
    title: r.title,
    department: r.department,
    cover: r.cover,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: 'upcoming',
    participants: r.participants,
    description: r.description,
    rules: JSON.parse(r.rules) as Campaign['rules'],
    topics: JSON.parse(r.topics) as string[],
  }
}

export interface UserRow {
  id: string
  nickname: string
  role: User['role']
  region_code: string | null
  /** selected where the organisation matters (sessions, accounts) */
  org_code?: string | null
  department?: string | null
}

/** `orgNames` names the organisation (code → name); a code it does not know shows itself */
export function userFrom(r: UserRow, orgNames?: ReadonlyMap<string, string>): User {
  return {
    id: r.id,
    nickname: r.nickname,
    role: r.role,
    ...(r.region_code !== null ? { regionCode: r.region_code } : {}),
    ...(r.org_code ? { org: { code: r.org_code, name: orgNames?.get(r.org_code) ?? r.org_code, ...(r.department ? { department: r.department } : {}) } } : {}),
  }
}

export interface ConsultationRow {
  id: string
  user_id: string
  topic: string
  question: string
  region_code: string
  phone: string | null
  status: ConsultationRecord['status']
  created_at: string
  reply_text: string | null
  reply_department: string | null
  replied_by: string | null
  replied_at: string | null
}

export function consultationFrom(r: ConsultationRow): ConsultationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    topic: r.topic,
    question: r.question,
    regionCode: r.region_code,
    ...(r.phone !== null ? { phone: r.phone } : {}),
    status: r.status,
    createdAt: r.created_at,
    ...(r.reply_text !== null && r.reply_department !== null && r.replied_at !== null
      ? { reply: { text: r.reply_text, department: r.reply_department, repliedAt: r.replied_at } }
      : {}),
    ...(r.replied_by !== null ? { repliedBy: r.replied_by } : {}),
  }
}

export interface IdempotencyRow {
  request_hash: string
  response_status: number
  response_body: string
  created_at: string
}

export function idempotencyFrom(r: IdempotencyRow): IdempotencyRecord {
  return {
    requestHash: r.request_hash,
    status: r.response_status,
    body: JSON.parse(r.response_body) as unknown,
    createdAt: r.created_at,
  }
}
