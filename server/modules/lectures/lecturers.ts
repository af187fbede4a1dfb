/**
 * The lecturers of the menu. Which lecturer an account speaks for is an explicit link
 * (users.lecturer_id, set when an admin creates the account or by dev login for the demo names:
 * server/modules/staff-scope), never the account's display name, which anyone creating an account
 * could copy.
 */
import type { LectureTopic } from '../../../common/contract'

export type Lecturer = LectureTopic['lecturers'][number]

export function lecturerDirectory(topics: LectureTopic[]): Map<string, Lecturer> {
  const byId = new Map<string, Lecturer>()
  for (const t of topics) for (const l of t.lecturers) byId.set(l.id, l)
  return byId
}
