/**
 * Which lecturer of the menu an account speaks for. A lecturer account carries the lecturer's
 * name (dev login: role lecturer with the name; a WeChat account is named by the admin), and the
 * menu's lecturers are unique by name, so the name links them.
 */
import type { LectureTopic, User } from '../../src/contract'

export type Lecturer = LectureTopic['lecturers'][number]

export function lecturerDirectory(topics: LectureTopic[]): Map<string, Lecturer> {
  const byId = new Map<string, Lecturer>()
  for (const t of topics) for (const l of t.lecturers) byId.set(l.id, l)
  return byId
}

export function lecturerIdOf(user: User, topics: LectureTopic[]): string | undefined {
  if (user.role !== 'lecturer') return undefined
  for (const l of lecturerDirectory(topics).values()) if (l.name === user.nickname) return l.id
  return undefined
}
