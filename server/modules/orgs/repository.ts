/**
 * The departments of each organisation (org_departments), in the order admins gave them. One
 * implementation over Kysely for SQLite and PostgreSQL; the writes take the caller's transaction.
 */
import { sql, type Kysely } from 'kysely'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { orgPrefixPattern } from '../auth/org-scope'

export class OrgsRepository {
  constructor(private readonly db: Pick<Db, 'kysely'>) {}

  transaction<T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    return this.db.kysely.transaction().execute(fn)
  }

  /** the departments of `org` and every organisation below it, by organisation code */
  async departmentsUnder(org: string): Promise<Map<string, string[]>> {
    const rows = await this.db.kysely
      .selectFrom('org_departments')
      .select(['org_code', 'name'])
      .where('org_code', 'like', orgPrefixPattern(org))
      .orderBy('org_code')
      .orderBy('position')
      .execute()
    const byOrg = new Map<string, string[]>()
    for (const r of rows) byOrg.set(r.org_code, [...(byOrg.get(r.org_code) ?? []), r.name])
    return byOrg
  }

  async departmentsOf(org: string, db: Kysely<DB> = this.db.kysely): Promise<string[]> {
    const rows = await db.selectFrom('org_departments').select('name').where('org_code', '=', org).orderBy('position').execute()
    return rows.map((r) => r.name)
  }

  /** adds a department at the end; false when the organisation has one of that name */
  async addDepartment(trx: Kysely<DB>, org: string, name: string): Promise<boolean> {
    const { rows } = await sql<{ next: number | string }>`SELECT COALESCE(MAX(position), -1) + 1 AS next FROM org_departments WHERE org_code = ${org}`.execute(
      trx,
    )
    const inserted = await trx
      .insertInto('org_departments')
      .values({ org_code: org, name, position: Number(rows[0].next) })
      .onConflict((oc) => oc.columns(['org_code', 'name']).doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
  }

  /** false when the organisation has no department of that name */
  async removeDepartment(trx: Kysely<DB>, org: string, name: string): Promise<boolean> {
    const deleted = await trx.deleteFrom('org_departments').where('org_code', '=', org).where('name', '=', name).executeTakeFirst()
    return Number(deleted.numDeletedRows) > 0
  }
}
