/**
 * What staff scope needs from the database: the explicit link between a lecturer account and its
 * lecturer of the menu (users.lecturer_id, migration 013), the organisation a lecturer belongs to,
 * and the region of a consultation before a reply touches it. Give it a transaction
 * (`{ dialect, kysely: trx }`) to run inside one.
 */
import type { Db } from '../../db/database'
import { isUniqueViolation } from '../../db/unique-violation'
import { CITY_ORG_CODE } from '../auth/org-scope'

export class StaffScopeRepository {
  constructor(private readonly db: Pick<Db, 'dialect' | 'kysely'>) {}

  /** the lecturer of the menu this account speaks for; only a lecturer account with a link has one */
  async lecturerIdOf(userId: string): Promise<string | undefined> {
    const row = await this.db.kysely.selectFrom('users').select('lecturer_id').where('id', '=', userId).where('role', '=', 'lecturer').executeTakeFirst()
    return row?.lecturer_id ?? undefined
  }

  /** the account linked to a lecturer, if any */
  async accountOfLecturer(lecturerId: string): Promise<{ userId: string; orgCode?: string } | undefined> {
    const row = await this.db.kysely.selectFrom('users').select(['id', 'org_code']).where('lecturer_id', '=', lecturerId).executeTakeFirst()
    return row && { userId: row.id!, ...(row.org_code ? { orgCode: row.org_code } : {}) }
  }

  /**
   * The organisation a lecturer belongs to: that of the account linked to it; a lecturer of the
   * menu without an account (or whose account has none) is the city's (the menu is the city's).
   */
  async lecturerOrg(lecturerId: string): Promise<string> {
    return (await this.accountOfLecturer(lecturerId))?.orgCode ?? CITY_ORG_CODE
  }

  /**
   * Links the account to the lecturer; false when another account already speaks for it. The
   * unique index on users.lecturer_id (013) decides between concurrent links: the loser's UPDATE
   * fails, and is answered false like the read-side check.
   */
  async linkLecturer(userId: string, lecturerId: string): Promise<boolean> {
    const taken = await this.accountOfLecturer(lecturerId)
    if (taken && taken.userId !== userId) return false
    try {
      await this.db.kysely.updateTable('users').set({ lecturer_id: lecturerId }).where('id', '=', userId).execute()
    } catch (err) {
      if (isUniqueViolation(err)) return false
      throw err
    }
    return true
  }

  /** the region of a consultation; undefined for an unknown id */
  async consultationRegion(id: string): Promise<string | undefined> {
    const row = await this.db.kysely.selectFrom('consultations').select('region_code').where('id', '=', id).executeTakeFirst()
    return row?.region_code
  }
}
