/**
 * What staff scope needs from the database: the explicit link between a lecturer account and its
 * lecturer of the menu (users.lecturer_id, migration 013), the organisation a lecturer belongs to,
 * and the region of a consultation before a reply touches it.
 */
import type { Database } from 'better-sqlite3'
import { CITY_ORG_CODE } from '../auth/org-scope'

export class StaffScopeRepository {
  constructor(private readonly db: Database) {}

  /** the lecturer of the menu this account speaks for; only a lecturer account with a link has one */
  lecturerIdOf(userId: string): string | undefined {
    const row = this.db.prepare("SELECT lecturer_id FROM users WHERE id = ? AND role = 'lecturer'").get(userId) as { lecturer_id: string | null } | undefined
    return row?.lecturer_id ?? undefined
  }

  /** the account linked to a lecturer, if any */
  accountOfLecturer(lecturerId: string): { userId: string; orgCode?: string } | undefined {
    const row = this.db.prepare('SELECT id, org_code FROM users WHERE lecturer_id = ?').get(lecturerId) as { id: string; org_code: string | null } | undefined
    return row && { userId: row.id, ...(row.org_code ? { orgCode: row.org_code } : {}) }
  }

  /**
   * The organisation a lecturer belongs to: that of the account linked to it; a lecturer of the
   * menu without an account (or whose account has none) is the city's (the menu is the city's).
   */
  lecturerOrg(lecturerId: string): string {
    return this.accountOfLecturer(lecturerId)?.orgCode ?? CITY_ORG_CODE
  }

  /** links the account to the lecturer; false when another account already speaks for it */
  linkLecturer(userId: string, lecturerId: string): boolean {
    const taken = this.accountOfLecturer(lecturerId)
    if (taken && taken.userId !== userId) return false
    this.db.prepare('UPDATE users SET lecturer_id = ? WHERE id = ?').run(lecturerId, userId)
    return true
  }

  /** the region of a consultation; undefined for an unknown id */
  consultationRegion(id: string): string | undefined {
    const row = this.db.prepare('SELECT region_code FROM consultations WHERE id = ?').get(id) as { region_code: string } | undefined
    return row?.region_code
  }
}
