/**
 * Brings the regions table to the committed region tree (mock/regions, the statistics bureau's codes)
 * at every start, in the seeding transaction: new regions are added, renamed or moved ones updated,
 * and regions of an older tree that the new one lacks retired rather than deleted, since
 * consultations, lecture orders and quiz entries may refer to them. A county or township added to a
 * database whose departments were seeded before gets its default departments too.
 */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Region } from '../../common/contract'
import { defaultDepartments } from '../modules/orgs/seed-departments'
import type { DB } from './schema'

interface Row {
  code: string
  name: string
  level: Region['level']
  parent_code: string | null
  position: number
}

/** rows in tree order: every parent before its children */
export function regionRows(tree: readonly Region[]): Row[] {
  const rows: Row[] = []
  const walk = (nodes: readonly Region[], parent: string | null) =>
    nodes.forEach((r, i) => {
      rows.push({ code: r.code, name: r.name, level: r.level, parent_code: parent, position: i })
      if (r.children) walk(r.children, r.code)
    })
  walk(tree, null)
  return rows
}

export interface RegionSync {
  added: number
  updated: number
  retired: number
}

export async function syncRegions(trx: Kysely<DB>, tree: readonly Region[]): Promise<RegionSync> {
  const wanted = regionRows(tree)
  const existing = new Map(
    (await trx.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'position', 'retired']).execute()).map((r) => [r.code!, r]),
  )
  const added = wanted.filter((r) => !existing.has(r.code))
  const changed = wanted.filter((r) => {
    const e = existing.get(r.code)
    return (
      e !== undefined && (e.name !== r.name || e.level !== r.level || e.parent_code !== r.parent_code || e.position !== r.position || Number(e.retired) !== 0)
    )
  })
  const keep = new Set(wanted.map((r) => r.code))
  const gone = [...existing.values()].filter((e) => !keep.has(e.code!) && Number(e.retired) === 0).map((e) => e.code!)

  // five parameters a row: 1,000 rows a statement stays below both databases' limits
  for (let i = 0; i < added.length; i += 1000)
    await trx
      .insertInto('regions')
      .values(added.slice(i, i + 1000))
      .execute()
  for (const r of changed)
    await trx
      .updateTable('regions')
      .set({ name: r.name, level: r.level, parent_code: r.parent_code, position: r.position, retired: 0 })
      .where('code', '=', r.code)
      .execute()
  for (let i = 0; i < gone.length; i += 1000)
    await trx
      .updateTable('regions')
      .set({ retired: 1 })
      .where('code', 'in', gone.slice(i, i + 1000))
      .execute()

  const newOrgs = added.filter((r) => r.level !== 'village')
  if (newOrgs.length > 0) {
    const { rows } = await sql<{ present: number | boolean }>`SELECT EXISTS (SELECT 1 FROM org_departments) AS present`.execute(trx)
    // an empty org_departments is seeded whole by seedDepartments, after this
    if (rows[0].present) {
      const values = newOrgs.flatMap((o) =>
        defaultDepartments(o.level as 'county' | 'township', o.name).map((name, position) => ({ org_code: o.code, name, position })),
      )
      for (let i = 0; i < values.length; i += 1000)
        await trx
          .insertInto('org_departments')
          .values(values.slice(i, i + 1000))
          .onConflict((oc) => oc.doNothing())
          .execute()
    }
  }
  return { added: added.length, updated: changed.length, retired: gone.length }
}
