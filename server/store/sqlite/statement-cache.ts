import type { Database, Statement } from 'better-sqlite3'

/**
 * Prepared statements kept by their SQL text, one cache per repository: a statement is prepared on
 * first use and reused after. Not shared between repositories, because `pluck()` is a mode a
 * statement keeps once set, and one repository's mode must not leak into another's reads.
 */
export class StatementCache {
  private readonly bySql = new Map<string, Statement>()

  prepare(db: Database, sql: string): Statement {
    let statement = this.bySql.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      this.bySql.set(sql, statement)
    }
    return statement
  }
}
