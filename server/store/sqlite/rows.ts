/** SQLite rows → contract entities. NULL columns become absent fields, never `null`. */
import type { Campaign, LectureTopic } from '../../../common/contract'

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
