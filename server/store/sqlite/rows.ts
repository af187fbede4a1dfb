/** SQLite rows → contract entities. NULL columns become absent fields, never `null`. */
import type { LectureTopic } from '../../../common/contract'

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
