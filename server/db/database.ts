/**
 * The one query layer: Kysely over SQLite (better-sqlite3: the embedded default, a file or
 * `:memory:`) or PostgreSQL (`pg`, when DATABASE_URL is postgres://…). Every repository is
 * written once against `Db.kysely`; the two databases hold the same tables and the same values
 * (TEXT ISO times, INTEGER 0/1 flags), so a query needs no dialect branch except where SQL
 * itself differs (see `Db.dialect`).
 *
 * Concurrency, stated once:
 * - SQLite has one connection. `SerialSqliteDriver` lends it to one query or one transaction at a time
 *   (Kysely's own SQLite driver does not), so a transaction never sees another request's
 *   statements, and everything that relied on better-sqlite3's single writer still holds.
 * - PostgreSQL has a pool. Rules that must hold across concurrent requests are written as unique
 *   constraints (idempotency keys, one running attempt, one rating) with ON CONFLICT, or as a
 *   transaction that locks the row it changes (`SELECT … FOR UPDATE` via `forUpdate()`, which is a
 *   no-op on SQLite where the transaction already holds the only connection).
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  SqliteDialect,
  type SqliteDatabase,
  SqliteDriver,
} from 'kysely'
import pg from 'pg'
import type { DB } from './schema'

export type Dialect = 'sqlite' | 'postgres'

export interface Db {
  readonly dialect: Dialect
  readonly kysely: Kysely<DB>
  /** SQLite only: the better-sqlite3 handle (migrations, backups, the few places that need it) */
  readonly sqlite?: BetterSqlite3.Database
  /** PostgreSQL only: the pool (migrations take an advisory lock on one of its clients) */
  readonly pool?: pg.Pool
  close(): Promise<void>
}

export interface OpenDbOptions {
  /** postgres://… selects PostgreSQL */
  url?: string
  /** SQLite: a file path or ':memory:' (default ':memory:') */
  file?: string
  /** PostgreSQL pool size (default 10) */
  poolSize?: number
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url)
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (isPostgresUrl(options.url)) return openPostgres(options.url, options.poolSize ?? 10)
  return openSqlite(options.file ?? ':memory:')
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

// COUNT(*) and BIGINT columns come back as strings by default; every such number here is far below
// 2^53, so read them as numbers, as SQLite gives them. NUMERIC (SUM/AVG of integers) likewise.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

/** SQL text → statement name, for the statements `namedOnPostgres` was given (a fixed, small set) */
const statementNames = new Map<string, string>()

/**
 * Runs `sql` as a named prepared statement on PostgreSQL from now on: each pooled connection parses
 * (and plans) it once, then sends only its name and values. The hot statements (a submit's read and
 * write, the session lookup) were parsed and planned on every call, which cost the database more
 * CPU than running them, and the client wrote their whole text each time. Only fixed texts
 * belong here (`Prepared` statements and constants): a connection keeps every one it has parsed.
 * Answers `sql`.
 */
export function namedOnPostgres(sql: string): string {
  if (!statementNames.has(sql)) statementNames.set(sql, `zct_${statementNames.size + 1}`)
  return sql
}

/** SQL texts that end their transaction on PostgreSQL (see commitsOnPostgres) */
const committingStatements = new Set<string>()

/**
 * Makes `sql`, when run inside a transaction on PostgreSQL, its transaction's last statement: COMMIT
 * is sent right behind it, in the same round trip, and the transaction's own commit afterwards is
 * answered without one. Its result is given only once COMMIT has answered, so an error of either
 * (or a COMMIT answered ROLLBACK) fails the statement: nothing is acknowledged that was not made
 * durable. Only for a statement after which the transaction does nothing that must be undone
 * together with it: what runs after it on that connection runs on its own (autocommit), and a
 * failure afterwards no longer rolls it back. Answers `sql`; outside a transaction it runs as usual.
 */
export function commitsOnPostgres(sql: string): string {
  committingStatements.add(sql)
  return sql
}

interface PgResult {
  command: string
  rowCount: number | null
  rows: unknown[]
  fields: unknown[]
  oid: number
}

const answered = (command: string): Promise<PgResult> => Promise.resolve({ command, rowCount: null, rows: [], fields: [], oid: 0 })

/** Kysely's transaction commands (sent as `query(text, [])`) */
function transactionCommand(text: string): 'begin' | 'commit' | 'rollback' | undefined {
  if (/^\s*(begin|start transaction)\b/i.test(text)) return 'begin'
  if (/^\s*commit\s*$/i.test(text)) return 'commit'
  if (/^\s*rollback\s*$/i.test(text)) return 'rollback'
  return undefined
}

/**
 * A pooled client's `query(text, values)`, which Kysely's connections all go through:
 * - sends a named statement when `text` is one (namedOnPostgres);
 * - holds a transaction's BEGIN back and sends it with the transaction's first statement, in one
 *   write, on a pipelining client (the pool's clients are: `pipeline: true`), so the statement does
 *   not wait a round trip for BEGIN's answer. BEGIN's error, if any, fails that statement. A
 *   transaction that sent nothing ends without sending anything;
 * - sends COMMIT behind a statement of commitsOnPostgres inside a transaction, likewise.
 * Every other use of the client (one argument, a config object, migrations' own BEGIN) is untouched.
 */
function pipelineTransactions(client: pg.PoolClient): void {
  /** BEGIN (its text) not sent yet: it goes with the transaction's first statement */
  let pendingBegin: string | undefined
  let inTransaction = false
  /** the transaction was ended by a committing statement: COMMIT's answer (COMMIT, or ROLLBACK after an error) */
  let ended: 'COMMIT' | 'ROLLBACK' | undefined
  // looked up at each call, not bound once: tests wrap pg.Client.prototype.query to count statements
  const send = (text: string, values: unknown[]): Promise<PgResult> => {
    const query = pg.Client.prototype.query as (...a: unknown[]) => Promise<PgResult>
    const name = statementNames.get(text)
    return name ? query.call(client, { name, text, values }) : query.call(client, text, values)
  }
  const pipelined = async (begin: string | undefined, text: string, values: unknown[], commits: boolean): Promise<PgResult> => {
    // one write for the whole batch (each query corks and uncorks the socket on its own)
    const stream = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream
    stream?.cork?.()
    let begun: Promise<PgResult> | undefined
    let result: Promise<PgResult>
    let committed: Promise<PgResult> | undefined
    try {
      begun = begin === undefined ? undefined : send(begin, [])
      result = send(text, values)
      committed = commits ? send('commit', []) : undefined
    } finally {
      stream?.uncork?.()
    }
    const [b, r, c] = await Promise.allSettled([begun, result, committed])
    if (commits) {
      inTransaction = false
      ended = c.status === 'fulfilled' && c.value?.command === 'COMMIT' ? 'COMMIT' : 'ROLLBACK'
    }
    if (b.status === 'rejected') throw b.reason
    if (r.status === 'rejected') throw r.reason
    if (c.status === 'rejected') throw c.reason
    if (commits && ended !== 'COMMIT') throw new Error('事务提交时已回滚（COMMIT answered ROLLBACK）')
    return r.value
  }
  client.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const [text, values] = args
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values)) {
      return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args)
    }
    const command = values.length === 0 ? transactionCommand(text) : undefined
    if (command === 'begin') {
      pendingBegin = text
      inTransaction = true
      ended = undefined
      return answered('BEGIN')
    }
    if (command === 'commit' || command === 'rollback') {
      inTransaction = false
      if (pendingBegin !== undefined) {
        pendingBegin = undefined
        return answered(command.toUpperCase())
      }
      if (ended !== undefined) {
        const tag = command === 'commit' ? ended : 'ROLLBACK'
        ended = undefined
        return answered(tag)
      }
      return send(text, values)
    }
    const begin = pendingBegin
    pendingBegin = undefined
    const commits = inTransaction && ended === undefined && committingStatements.has(text)
    return begin === undefined && !commits ? send(text, values) : pipelined(begin, text, values, commits)
  } as typeof client.query
}

function openPostgres(url: string, max: number): Db {
  // pipeline: a query is written at once, not after the previous one's answer (what lets BEGIN and
  // COMMIT share a statement's round trip, above); a client used one query at a time is unchanged
  const pool = new pg.Pool({ connectionString: url, max, pipeline: true })
  // an idle client's error (the server restarted) must not crash the process; the next query reconnects
  pool.on('error', () => {})
  pool.on('connect', pipelineTransactions)
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    dialect: 'postgres',
    kysely,
    pool,
    close: () => kysely.destroy(),
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  // FULL: the WAL is fsynced at every commit, so a 201 survives a power cut. (NORMAL syncs only at
  // checkpoints.) Measured with bench:quiz (100,000 attempts, 16 connections, 2 cores): NORMAL 822
  // submits/s p99 51 ms; FULL 806 and 763 submits/s p99 44–47 ms — within the noise.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<DB>({ dialect: new SerialSqliteDialect(sqlite) })
  return {
    dialect: 'sqlite',
    kysely,
    sqlite,
    // Kysely closes the handle only if it ever ran a query; close it here either way
    close: async () => {
      await kysely.destroy()
      if (sqlite.open) sqlite.close()
    },
  }
}

/** SqliteDialect (its compiler, adapter and introspector) on `SerialSqliteDriver` */
class SerialSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite as unknown as SqliteDatabase })
  }

  override createDriver(): Driver {
    return new SerialSqliteDriver(this.sqlite)
  }
}

interface CachedStatement {
  statement: BetterSqlite3.Statement
  /** whether it returns rows (a SELECT, or a write with RETURNING): read once, it is a native getter */
  reader: boolean
}

/**
 * Kysely's driver for better-sqlite3, reduced to what a query needs and lending the one connection
 * to one query or transaction at a time (Kysely's own SQLite driver does not serialise). Each
 * statement is prepared once by its SQL text (Kysely's driver prepares on every execution, which
 * costs about as much as a small read), and a query runs with no await between Kysely and SQLite
 * beyond the connection's own.
 */
class SerialSqliteDriver implements Driver {
  private readonly statements = new Map<string, CachedStatement>()
  private readonly connection: DatabaseConnection
  /** Kysely's SQLite driver, kept for its savepoint commands (it runs them on the connection it is given) */
  private readonly savepoints: Driver
  private busy = false
  private readonly waiting: (() => void)[] = []

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.savepoints = new SqliteDriver({ database: sqlite as unknown as SqliteDatabase })
    this.connection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        try {
          return Promise.resolve(this.execute<R>(query.sql, query.parameters))
        } catch (error) {
          return Promise.reject(error as Error)
        }
      },
      streamQuery: <R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> => this.stream<R>(query),
    }
  }

  private prepared(sql: string): CachedStatement {
    let cached = this.statements.get(sql)
    if (!cached) {
      const statement = this.sqlite.prepare(sql)
      cached = { statement, reader: statement.reader }
      if (this.statements.size > 2000) this.statements.clear()
      this.statements.set(sql, cached)
    }
    return cached
  }

  private execute<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    const { statement, reader } = this.prepared(sql)
    if (reader) return { rows: statement.all(parameters) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters)
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] }
  }

  private async *stream<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { statement } = this.prepared(query.sql)
    for (const row of statement.iterate(query.parameters)) yield { rows: [row as R] }
  }

  async init(): Promise<void> {}

  /** the connection once no other query or transaction holds it (first come, first served) */
  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.busy) {
      this.busy = true
      return Promise.resolve(this.connection)
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.connection)))
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift()
    if (next) next()
    else this.busy = false
  }

  async beginTransaction(): Promise<void> {
    this.execute('begin', [])
  }

  async commitTransaction(): Promise<void> {
    this.execute('commit', [])
  }

  async rollbackTransaction(): Promise<void> {
    this.execute('rollback', [])
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.savepoints.savepoint!(connection, name, compile)
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.savepoints.rollbackToSavepoint!(connection, name, compile)
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.savepoints.releaseSavepoint!(connection, name, compile)
  }

  async destroy(): Promise<void> {
    this.statements.clear()
    if (this.sqlite.open) this.sqlite.close()
  }
}

/**
 * `SELECT … FOR UPDATE` on PostgreSQL: the row stays locked until the transaction ends, so a
 * concurrent request that wants it waits. SQLite has no such clause and needs none: a transaction
 * there holds the only connection.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: Pick<Db, 'dialect'>, query: QB): QB {
  return db.dialect === 'postgres' ? query.forUpdate() : query
}
