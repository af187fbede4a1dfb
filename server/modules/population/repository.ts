/**
 * 常住人口 per county and township (quiz_region_residents, with the year and source of migration 022)
 * and its append-only history. The per-capita boards read the figures on every request
 * (quiz/service.ts regionalBoardRows), so a change counts from the next read.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'

export interface FigureRow {
  regionCode: string
  residents: number
  year?: number
  source?: string
  updatedAt?: string
  updatedBy?: string
}

export interface HistoryRow {
  id: number
  regionCode: string
  before?: number
  after: number
  year: number
  source: string
  actorName: string
  changedAt: string
}

export interface FigureChange {
  regionCode: string
  before?: number
  after: number
}

export class PopulationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async figures(): Promise<Map<string, FigureRow>> {
    const rows = await this.db.selectFrom('quiz_region_residents').select(['region_code', 'residents', 'year', 'source', 'updated_at', 'updated_by']).execute()
    return new Map(
      rows.map((r) => [
        r.region_code,
        {
          regionCode: r.region_code,
          residents: Number(r.residents),
          ...(r.year !== null ? { year: r.year } : {}),
          ...(r.source ? { source: r.source } : {}),
          ...(r.updated_at ? { updatedAt: r.updated_at } : {}),
          ...(r.updated_by ? { updatedBy: r.updated_by } : {}),
        },
      ]),
    )
  }

  /** writes the changed figures and their history (call inside a transaction) */
  async apply(changes: readonly FigureChange[], meta: { year: number; source: string; actorId: string; actorName: string; at: string }): Promise<void> {
    for (const c of changes) {
      await this.db
        .insertInto('quiz_region_residents')
        .values({ region_code: c.regionCode, residents: c.after, year: meta.year, source: meta.source, updated_at: meta.at, updated_by: meta.actorName })
        .onConflict((oc) =>
          oc.column('region_code').doUpdateSet((eb) => ({
            residents: eb.ref('excluded.residents'),
            year: eb.ref('excluded.year'),
            source: eb.ref('excluded.source'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
          })),
        )
        .execute()
    }
    if (changes.length === 0) return
    await this.db
      .insertInto('quiz_population_history')
      .values(
        changes.map((c) => ({
          region_code: c.regionCode,
          before: c.before ?? null,
          after: c.after,
          year: meta.year,
          source: meta.source,
          actor_id: meta.actorId,
          actor_name: meta.actorName,
          changed_at: meta.at,
        })),
      )
      .execute()
  }

  /** newest first; `pattern` a LIKE pattern of the codes the caller covers */
  async history(pattern: string, regionCode: string | undefined, page: number, pageSize: number): Promise<{ rows: HistoryRow[]; total: number }> {
    let q = this.db.selectFrom('quiz_population_history').where('region_code', 'like', pattern)
    if (regionCode) q = q.where('region_code', '=', regionCode)
    const [rows, total] = await Promise.all([
      q
        .select(['id', 'region_code', 'before', 'after', 'year', 'source', 'actor_name', 'changed_at'])
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ])
    return {
      rows: rows.map((r) => ({
        id: Number(r.id),
        regionCode: r.region_code,
        ...(r.before !== null ? { before: Number(r.before) } : {}),
        after: Number(r.after),
        year: r.year,
        source: r.source,
        actorName: r.actor_name,
        changedAt: r.changed_at,
      })),
      total: Number(total.n),
    }
  }
}
