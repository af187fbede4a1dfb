/** SQLite rows → contract entities. NULL columns become absent fields, never `null`. */
import type { Campaign, Faq, Interpretation, InterpretationSummary, Lesson, Policy, PolicySummary, User, Video } from '../../../common/contract'
import type { ConsultationRecord, IdempotencyRecord } from '../store'

export const POLICY_SUMMARY_COLUMNS = 'id, title, doc_number, department, topic, published_at, effective_from, validity, summary'

export interface PolicyRow {
  id: string
  title: string
  doc_number: string
  department: string
  topic: string
  published_at: string
  effective_from: string | null
  validity: Policy['validity']
  summary: string
}

export interface PolicyDetailRow extends PolicyRow {
  issuer: string
  body: string
}

export function policySummaryFrom(r: PolicyRow): PolicySummary {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    department: r.department,
    topic: r.topic,
    publishedAt: r.published_at,
    ...(r.effective_from !== null ? { effectiveFrom: r.effective_from } : {}),
    validity: r.validity,
    summary: r.summary,
  }
}

export function policyFrom(r: PolicyDetailRow): Policy {
  const body = JSON.parse(r.body) as Pick<Policy, 'sections' | 'validityNote' | 'replacedBy' | 'interpretationIds'>
  return {
    ...policySummaryFrom(r),
    issuer: r.issuer,
    sections: body.sections,
    ...(body.validityNote !== undefined ? { validityNote: body.validityNote } : {}),
    ...(body.replacedBy !== undefined ? { replacedBy: body.replacedBy } : {}),
    interpretationIds: body.interpretationIds,
  }
}

export const INTERPRETATION_SUMMARY_COLUMNS = 'id, title, kind, topic, department, policy_id, cover, summary, published_at, featured'

export interface InterpretationRow {
  id: string
  title: string
  kind: Interpretation['kind']
  topic: string
  department: string
  policy_id: string
  cover: string
  summary: string
  published_at: string
  featured: number
}

export interface InterpretationDetailRow extends InterpretationRow {
  validity: Interpretation['validity']
  body: string
}

export function interpretationSummaryFrom(r: InterpretationRow): InterpretationSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    topic: r.topic,
    department: r.department,
    policyId: r.policy_id,
    cover: r.cover,
    summary: r.summary,
    publishedAt: r.published_at,
    featured: r.featured === 1,
  }
}

export function interpretationFrom(r: InterpretationDetailRow): Interpretation {
  const body = JSON.parse(r.body) as Pick<Interpretation, 'blocks' | 'videoIds'>
  return { ...interpretationSummaryFrom(r), validity: r.validity, blocks: body.blocks, videoIds: body.videoIds }
}

export interface FaqRow {
  id: string
  question: string
  answer: string
  topic: string
  keywords: string
  policy_id: string | null
  interpretation_id: string | null
}

export function faqFrom(r: FaqRow): Faq {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    topic: r.topic,
    keywords: JSON.parse(r.keywords) as string[],
    ...(r.policy_id !== null ? { policyId: r.policy_id } : {}),
    ...(r.interpretation_id !== null ? { interpretationId: r.interpretation_id } : {}),
  }
}

export interface VideoRow {
  id: string
  title: string
  topic: string
  src: string
  poster: string
  captions: string
  duration_sec: number
  views: number
  likes: number
  interpretation_id: string | null
  published_at: string
}

export function videoFrom(r: VideoRow): Video {
  return {
    id: r.id,
    title: r.title,
    topic: r.topic,
    src: r.src,
    poster: r.poster,
    captions: r.captions,
    durationSec: r.duration_sec,
    views: r.views,
    likes: r.likes,
    ...(r.interpretation_id !== null ? { interpretationId: r.interpretation_id } : {}),
    publishedAt: r.published_at,
  }
}

export interface CourseRow {
  id: string
  title: string
  topic: string
  department: string
  cover: string
  summary: string
}

export interface LessonRow {
  id: string
  course_id: string
  title: string
  src: string
  poster: string
  captions: string
  duration_sec: number
}

export function lessonFrom(r: LessonRow): Lesson {
  return { id: r.id, title: r.title, src: r.src, poster: r.poster, captions: r.captions, durationSec: r.duration_sec }
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
