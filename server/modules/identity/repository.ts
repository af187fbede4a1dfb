/**
 * Residents' identities over the query layer (Kysely, SQLite or PostgreSQL: one implementation).
 * `bindMobile` and the `merge` it may do run in one transaction; on PostgreSQL the binding of one
 * number is serialised by an advisory lock (see there).
 */
import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { User } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import type { AuthProvider } from '../auth/types'
import { QuizRepository } from '../quiz/repository'
import { tellAccountsMerged } from './merged'

export interface IdentityRow {
  id: string
  provider: AuthProvider
  external_id: string
  nickname: string
  role: User['role']
  mobile: string | null
}

/** a column that references users (id) */
interface Reference {
  table: string
  column: string
}

/** a unique index (or primary key / UNIQUE constraint) of a referencing table that includes its column */
interface UniqueKey {
  columns: string[]
  /** the WHERE of a partial index, as the database prints it */
  predicate: string | null
}

type Executor = Db['kysely'] | Transaction<DB>

const IDENTITY_COLUMNS = ['id', 'provider', 'external_id', 'nickname', 'role', 'mobile'] as const

/** the first key of PostgreSQL's two-key advisory locks taken here: "bind a mobile" */
const BIND_MOBILE_LOCK = 20_261_203

export class IdentityRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  byId(id: string): Promise<IdentityRow | undefined> {
    return this.db.kysely.selectFrom('users').select(IDENTITY_COLUMNS).where('id', '=', id).executeTakeFirst() as Promise<IdentityRow | undefined>
  }

  byMobile(mobile: string, executor: Executor = this.db.kysely): Promise<IdentityRow | undefined> {
    return executor.selectFrom('users').select(IDENTITY_COLUMNS).where('mobile', '=', mobile).executeTakeFirst() as Promise<IdentityRow | undefined>
  }

  /** the resident of this provider and id, created with `nickname` (and `mobile`) the first time */
  async findOrCreateResident(provider: AuthProvider, externalId: string, nickname: string, mobile?: string): Promise<IdentityRow> {
    // no conflict target: a concurrent creation of the same account (or of another one with this
    // mobile, users_by_mobile) on PostgreSQL makes this a no-op instead of an error
    await this.db.kysely
      .insertInto('users')
      .values({
        id: randomUUID(),
        provider,
        external_id: externalId,
        nickname,
        role: 'resident',
        region_code: null,
        created_at: this.now().toISOString(),
        mobile: mobile ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const row = (await this.db.kysely
      .selectFrom('users')
      .select(IDENTITY_COLUMNS)
      .where('provider', '=', provider)
      .where('external_id', '=', externalId)
      .executeTakeFirst()) as IdentityRow | undefined
    if (row) return row
    // the insert lost to another account with this mobile: that one is the number's resident
    const holder = mobile === undefined ? undefined : await this.byMobile(mobile)
    if (!holder) throw new Error(`resident ${provider}:${externalId} neither found nor created`)
    return holder
  }

  async setNickname(id: string, nickname: string): Promise<void> {
    await this.db.kysely.updateTable('users').set({ nickname }).where('id', '=', id).execute()
  }

  /**
   * Binds `mobile` to `intoId`. When another resident already has it (an H5 account signed in by
   * SMS), `accept` is asked first (it throws to refuse: the caller's rules, with the holder as it
   * is inside the transaction), then that resident becomes this one: every row of every table that
   * references users (found from the schema, so tables added later are included) moves to
   * `intoId`, sessions too, so the H5 device stays signed in as the same person. Where a table
   * allows one row per user (a like, a lesson position, a standing in a campaign …) and both have
   * one, the bound account's row is kept and the other's dropped. Returns the id merged away, if any.
   */
  async bindMobile(intoId: string, mobile: string, accept: (holder: IdentityRow) => void = () => {}): Promise<{ mergedFrom?: string }> {
    const bound = await this.db.kysely.transaction().execute(async (trx): Promise<{ mergedFrom?: string }> => {
      if (this.db.dialect === 'postgres') {
        // one binding of this number at a time across connections; every statement below reads
        // what the previous binding committed (READ COMMITTED takes a snapshot per statement), so
        // of two accounts binding one number at once the second sees the first as the holder and
        // `accept` refuses it, instead of both merging or the second failing on users_by_mobile.
        // (SQLite needs nothing: this transaction holds the only connection.)
        await sql`SELECT pg_advisory_xact_lock(${BIND_MOBILE_LOCK}, hashtext(${mobile}))`.execute(trx)
      }
      const other = await this.byMobile(mobile, trx)
      if (other?.id === intoId) return {}
      if (other) {
        accept(other)
        await trx.updateTable('users').set({ mobile: null }).where('id', '=', other.id).execute()
        await this.merge(trx, other.id, intoId)
      }
      await trx.updateTable('users').set({ mobile }).where('id', '=', intoId).execute()
      return other ? { mergedFrom: other.id } : {}
    })
    // committed: copies outside the database (the quiz's Redis boards) follow
    if (bound.mergedFrom) await tellAccountsMerged(this.db, { fromId: bound.mergedFrom, intoId })
    return bound
  }

  /** every query through `trx`: on SQLite one outside it would wait for the connection it holds */
  private async merge(trx: Transaction<DB>, fromId: string, intoId: string): Promise<void> {
    const references = await this.referencesToUsers(trx)
    // a running attempt of the account merged away would collide with one of the kept account
    // (one running attempt per user and campaign): it ends as expired, as an abandoned one does
    if (references.some((r) => r.table === 'quiz_attempts')) {
      await trx.updateTable('quiz_attempts').set({ status: 'expired' }).where('user_id', '=', fromId).where('status', '=', 'active').execute()
    }
    // a campaign both took part in keeps the kept account's standing, and the board's totals lose
    // the other (the generic move below would drop the row but leave it counted)
    if (references.some((r) => r.table === 'quiz_standings')) {
      await new QuizRepository(this.db, () => new Date(), { executor: trx, cache: {} }).dropMergedStandings(fromId, intoId)
    }
    // a video both liked stays liked once: its total loses the duplicate
    if (references.some((r) => r.table === 'video_likes')) {
      await trx
        .updateTable('videos')
        .set({ likes: sql<number>`CASE WHEN likes > 0 THEN likes - 1 ELSE 0 END` })
        .where('id', 'in', trx.selectFrom('video_likes').select('video_id').where('user_id', '=', fromId))
        .where('id', 'in', trx.selectFrom('video_likes').select('video_id').where('user_id', '=', intoId))
        .execute()
    }
    for (const { table, column } of references) {
      // the rows of the account merged away that would break a unique key once moved (the kept
      // account has its own) are dropped; the rest move. (SQLite's UPDATE OR IGNORE, portably.)
      for (const key of await this.uniqueKeysWith(trx, table, column)) {
        const others = key.columns.filter((c) => c !== column)
        const same = others.map((c) => sql`o.${sql.id(c)} = ${sql.id(table)}.${sql.id(c)}`)
        // in the subquery the predicate's bare column names are o's (the nearest FROM)
        const predicate = key.predicate === null ? sql`` : sql` AND (${sql.raw(key.predicate)})`
        await sql`DELETE FROM ${sql.id(table)} WHERE ${sql.id(column)} = ${fromId}${predicate}
          AND EXISTS (SELECT 1 FROM ${sql.id(table)} AS o WHERE o.${sql.id(column)} = ${intoId}${predicate}
          ${same.length ? sql` AND ${sql.join(same, sql` AND `)}` : sql``})`.execute(trx)
      }
      await sql`UPDATE ${sql.id(table)} SET ${sql.id(column)} = ${intoId} WHERE ${sql.id(column)} = ${fromId}`.execute(trx)
    }
    await trx.deleteFrom('users').where('id', '=', fromId).execute()
  }

  /** every (table, column) with a foreign key to users (id), tables in the order they were made */
  private async referencesToUsers(trx: Transaction<DB>): Promise<Reference[]> {
    if (this.db.dialect === 'postgres') {
      const { rows } = await sql<Reference>`
        SELECT t.relname AS "table", a.attname AS "column"
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.confrelid = to_regclass('users') AND cardinality(c.conkey) = 1 AND r.attname = 'id'
        ORDER BY t.oid, a.attnum`.execute(trx)
      return rows
    }
    const { rows } = await sql<Reference>`
      SELECT m.name AS "table", k."from" AS "column"
      FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS k
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND k."table" = 'users' AND (k."to" = 'id' OR k."to" IS NULL)
      ORDER BY m.rowid, k.id`.execute(trx)
    return rows
  }

  /** the unique keys of `table` that include `column` (keys over expressions are left out) */
  private async uniqueKeysWith(trx: Transaction<DB>, table: string, column: string): Promise<UniqueKey[]> {
    const byIndex = new Map<string, UniqueKey>()
    if (this.db.dialect === 'postgres') {
      const { rows } = await sql<{ name: string; col: string; predicate: string | null }>`
        SELECT i.indexrelid::text AS name, a.attname AS col, pg_get_expr(i.indpred, i.indrelid) AS predicate
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass(${table}) AND i.indisunique AND i.indexprs IS NULL
        ORDER BY i.indexrelid, k.n`.execute(trx)
      for (const r of rows) {
        const key = byIndex.get(r.name) ?? { columns: [], predicate: r.predicate }
        key.columns.push(r.col)
        byIndex.set(r.name, key)
      }
    } else {
      const { rows } = await sql<{ name: string; col: string | null; partial: number; definition: string | null }>`
        SELECT l.name AS name, i.name AS col, l.partial AS partial, m.sql AS definition
        FROM pragma_index_list(${table}) AS l
        JOIN pragma_index_info(l.name) AS i
        LEFT JOIN sqlite_schema AS m ON m.type = 'index' AND m.name = l.name
        WHERE l."unique" = 1
        ORDER BY l.name, i.seqno`.execute(trx)
      const expressions = new Set(rows.filter((r) => r.col === null).map((r) => r.name))
      for (const r of rows) {
        if (expressions.has(r.name)) continue
        const key = byIndex.get(r.name) ?? { columns: [], predicate: r.partial ? partialWhere(r.definition) : null }
        key.columns.push(r.col!)
        byIndex.set(r.name, key)
      }
    }
    return [...byIndex.values()].filter((k) => k.columns.includes(column))
  }
}

/** the WHERE of SQLite's `CREATE UNIQUE INDEX … ON t (…) WHERE …` */
function partialWhere(definition: string | null): string {
  const match = definition && /\)\s*WHERE\s+([\s\S]+)$/i.exec(definition)
  if (!match) throw new Error(`partial index without a readable WHERE: ${definition}`)
  return match[1].trim().replace(/;$/, '')
}
