/**
 * Hot statements compiled once. Kysely builds an operation tree and compiles it to SQL on every
 * execution: about 50 µs of CPU per statement, more than SQLite needs to run a point read, and a
 * submit (with its session lookup) runs several. A `Prepared` statement runs its builder once per
 * database and shape, with markers (`value(i)`) in place of the values; each run puts the values in
 * their places in the compiled parameters and hands the compiled query to the executor it is given
 * (a transaction or not, either database). Its SQL text never changes, so SQLite's statement cache
 * (database.ts) hits, and on PostgreSQL it runs as a named prepared statement (`namedOnPostgres`):
 * parsed and planned once per connection instead of on every call.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely'
import { type Db, namedOnPostgres } from './database'
import type { DB } from './schema'

/** what stands for the i-th value while a prepared statement is compiled */
const MARKER = '\u0000prepared-value:'

/** the i-th value of a prepared statement; typed `never`, so it fits any column */
export const value = (i: number): never => `${MARKER}${i}` as never

/** `rows` rows of `width` values each, numbered in order */
export const rowsOf = <R>(rows: number, width: number, row: (at: (k: number) => never) => R): R[] =>
  Array.from({ length: rows }, (_, i) => row((k) => value(i * width + k)))

/** `shape` names what changes the SQL besides the values (a number of rows); keep the shapes few */
export class Prepared<Row> {
  private readonly compiled = new Map<string, { query: CompiledQuery<Row>; slots: readonly (number | { constant: unknown })[] }>()

  constructor(private readonly build: (db: Kysely<DB>, shape: number) => Compilable<Row>) {}

  run(on: { db: Db; executor: Kysely<DB> }, values: readonly unknown[], shape = 0): Promise<QueryResult<Row>> {
    const key = `${on.db.dialect}:${shape}`
    let entry = this.compiled.get(key)
    if (!entry) {
      const query = this.build(on.db.kysely, shape).compile()
      if (on.db.dialect === 'postgres') namedOnPostgres(query.sql)
      const slots = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? Number(p.slice(MARKER.length)) : { constant: p }))
      entry = { query, slots }
      this.compiled.set(key, entry)
    }
    const { query, slots } = entry
    const parameters = slots.map((slot) => (typeof slot === 'number' ? values[slot] : slot.constant))
    return on.executor.executeQuery<Row>({ ...query, parameters })
  }
}
