/**
 * The one query layer: Kysely over SQLite (better-sqlite3: the embedded default, a file or
 * `:memory:`) or PostgreSQL (`pg`, when DATABASE_URL is postgres://…). Every repository is
 * written once against `Db.kysely`; the two databases hold the same tables and the same values
 * (TEXT ISO times, INTEGER 0/1 flags), so a query needs no dialect branch except where SQL
 * itself differs (see `Db.dialect`).
 *
 * Concurrency, stated once:
 * - SQLite has one connection. The driver lends it to one statement or one transaction at a time
 *   (Kysely's own SQLite driver does not), so a transaction never sees another request's
 *   statements, and everything that relied on better-sqlite3's single writer still holds.
 * - Group commit on SQLite (`GroupCommitSqliteDriver`, the default; `SQLITE_GROUP_COMMIT=0` turns it
 *   off for `SerialSqliteDriver`, one BEGIN … COMMIT per transaction): consecutive transactions run
 *   as savepoints of one outer transaction and share its one fsync'd COMMIT (synchronous = FULL
 *   stays). A transaction's commit — so its request's answer — waits for that COMMIT; a plain
 *   statement run while a batch is open is answered after it too. A transaction that fails undoes
 *   only itself; a COMMIT that fails fails every member. A crash before the COMMIT loses only what
 *   nobody was told was done. Later members read earlier members' writes (they happen after them).
 *   Raw statements on the better-sqlite3 handle while serving go through `Db.withSqlite`, which
 *   commits the open batch first.
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
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
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
  /**
   * SQLite only: runs `use` on the handle while no query or transaction of Kysely's holds it and
   * every earlier write is committed (no group-commit batch open). Raw statements on `sqlite` while
   * the server serves go through here. `use` must not wait for a query through `kysely` (that
   * query waits for the connection `use` holds).
   */
  withSqlite?<T>(use: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T>
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
  /** SQLite: consecutive transactions share one COMMIT (default: on unless SQLITE_GROUP_COMMIT=0); bounds for tests */
  groupCommit?: boolean | Partial<GroupCommitBounds>
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url)
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (isPostgresUrl(options.url)) return openPostgres(options.url, options.poolSize ?? 10)
  return openSqlite(options.file ?? ':memory:', options.groupCommit ?? groupCommitFromEnv())
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

/** group commit unless SQLITE_GROUP_COMMIT=0 (the switch is for measuring one against the other) */
export function groupCommitFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.SQLITE_GROUP_COMMIT !== '0'
}

function openSqlite(file: string, groupCommit: boolean | Partial<GroupCommitBounds>): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  // FULL: the WAL is fsynced at every commit, so a 201 survives a power cut. (NORMAL syncs only at
  // checkpoints.) Group commit (GroupCommitSqliteDriver) keeps FULL and makes the commits fewer.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const driver = groupCommit
    ? new GroupCommitSqliteDriver(sqlite, { ...GROUP_COMMIT_BOUNDS, ...(groupCommit === true ? {} : groupCommit) })
    : new SerialSqliteDriver(sqlite)
  const kysely = new Kysely<DB>({ dialect: new SerialSqliteDialect(sqlite, driver) })
  return {
    dialect: 'sqlite',
    kysely,
    sqlite,
    withSqlite: (use) => driver.exclusive(use),
    // Kysely closes the handle only if it ever ran a query (after the last batch's COMMIT); close it here either way
    close: async () => {
      await kysely.destroy()
      await driver.flush()
      if (sqlite.open) sqlite.close()
    },
  }
}

/** Kysely's SQLite adapter, saying the driver lends its one connection itself (so Kysely's own lock stays out of the way) */
class SelfSerialisingSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/** SqliteDialect (its compiler, adapter and introspector) on one of the drivers below */
class SerialSqliteDialect extends SqliteDialect {
  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly driver: SqliteStatements,
  ) {
    super({ database: sqlite as unknown as SqliteDatabase })
  }

  override createDriver(): Driver {
    return this.driver
  }

  override createAdapter(): DialectAdapter {
    // the group-commit driver hands the connection on while a commit's promise is still pending,
    // which Kysely's lock (held until releaseConnection) would not let it do
    return this.driver instanceof GroupCommitSqliteDriver ? new SelfSerialisingSqliteAdapter() : super.createAdapter()
  }
}

interface CachedStatement {
  statement: BetterSqlite3.Statement
  /** whether it returns rows (a SELECT, or a write with RETURNING): read once, it is a native getter */
  reader: boolean
  /** whether it cannot write */
  readonly: boolean
}

/**
 * What both SQLite drivers share: each statement is prepared once by its SQL text (Kysely's driver
 * prepares on every execution, which costs about as much as a small read), and a query runs with
 * no await between Kysely and SQLite beyond the driver's own.
 */
abstract class SqliteStatements implements Driver {
  private readonly statements = new Map<string, CachedStatement>()
  /** Kysely's SQLite driver, kept for its savepoint commands (it runs them on the connection it is given) */
  private readonly savepoints: Driver

  constructor(protected readonly sqlite: BetterSqlite3.Database) {
    this.savepoints = new SqliteDriver({ database: sqlite as unknown as SqliteDatabase })
  }

  protected prepared(sql: string): CachedStatement {
    let cached = this.statements.get(sql)
    if (!cached) {
      const statement = this.sqlite.prepare(sql)
      cached = { statement, reader: statement.reader, readonly: statement.readonly }
      if (this.statements.size > 2000) this.statements.clear()
      this.statements.set(sql, cached)
    }
    return cached
  }

  protected execute<R>(sql: string, parameters: readonly unknown[] = []): QueryResult<R> {
    return this.run<R>(this.prepared(sql), parameters)
  }

  protected run<R>({ statement, reader }: CachedStatement, parameters: readonly unknown[]): QueryResult<R> {
    if (reader) return { rows: statement.all(parameters) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters)
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] }
  }

  protected async *stream<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { statement } = this.prepared(query.sql)
    for (const row of statement.iterate(query.parameters)) yield { rows: [row as R] }
  }

  async init(): Promise<void> {}

  /** runs `use` on the handle while nothing of Kysely's holds it and every earlier write is committed */
  abstract exclusive<T>(use: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T>

  /** resolves once nothing acknowledged-to-be is left uncommitted */
  abstract flush(): Promise<void>

  abstract acquireConnection(): Promise<DatabaseConnection>
  abstract releaseConnection(connection: DatabaseConnection): Promise<void>
  abstract beginTransaction(connection: DatabaseConnection): Promise<void>
  abstract commitTransaction(connection: DatabaseConnection): Promise<void>
  abstract rollbackTransaction(connection: DatabaseConnection): Promise<void>

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
    await this.flush()
    this.statements.clear()
    if (this.sqlite.open) this.sqlite.close()
  }
}

/**
 * SQLITE_GROUP_COMMIT=0: lends the one connection to one query or transaction at a time (Kysely's
 * own SQLite driver does not serialise); every transaction is BEGIN … COMMIT, one fsync each.
 */
class SerialSqliteDriver extends SqliteStatements {
  private readonly connection: DatabaseConnection
  private busy = false
  private readonly waiting: (() => void)[] = []

  constructor(sqlite: BetterSqlite3.Database) {
    super(sqlite)
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
    this.execute('begin')
  }

  async commitTransaction(): Promise<void> {
    this.execute('commit')
  }

  async rollbackTransaction(): Promise<void> {
    this.execute('rollback')
  }

  async exclusive<T>(use: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T> {
    await this.acquireConnection()
    try {
      return await use(this.sqlite)
    } finally {
      await this.releaseConnection()
    }
  }

  async flush(): Promise<void> {}
}

export interface GroupCommitBounds {
  /** at most this many transactions and plain statements share one COMMIT … */
  maxMembers: number
  /** … and a batch takes in no more members once it is this old (ms), while others keep taking the connection */
  maxMs: number
}

export const GROUP_COMMIT_BOUNDS: GroupCommitBounds = { maxMembers: 64, maxMs: 5 }
/** the savepoint each Kysely transaction of a batch runs in (one at a time, so one name) */
const MEMBER = 'zct_batch_member'

interface Waiter {
  resolve(): void
  reject(error: unknown): void
}

/** one outer SQLite transaction (BEGIN IMMEDIATE … COMMIT) shared by consecutive transactions */
interface Batch {
  readonly opened: number
  /** transactions released into it and plain statements run in it */
  members: number
  /** what is answered once its COMMIT has returned: transactions' commits, plain statements' results */
  readonly waiting: Waiter[]
}

/** what Kysely holds between acquireConnection and releaseConnection: a claim on the connection, not the connection */
class Lease implements DatabaseConnection {
  /** its Kysely transaction is open (it has the connection from BEGIN to COMMIT/ROLLBACK) */
  inTransaction = false
  /** SQLite rolled back the whole batch under its transaction: nothing more of it may run */
  lost: unknown = undefined

  constructor(private readonly driver: GroupCommitSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.query<R>(this, query)
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.streamOn<R>(this, query)
  }
}

/**
 * Group commit (the default; SQLITE_GROUP_COMMIT=0 is SerialSqliteDriver): consecutive Kysely
 * transactions share one outer transaction and ONE fsync'd COMMIT. Each runs in a SAVEPOINT of the
 * batch, alone on the connection from its BEGIN to its end as before; its rollback undoes only its
 * savepoint. Its commit RELEASEs the savepoint and hands the connection to the next in line, but
 * the commit's promise (so the request's answer) waits for the batch's COMMIT — nothing is
 * acknowledged before it is durable; if that COMMIT fails, every member's commit fails.
 *
 * A plain statement (outside a transaction) takes the connection for itself alone. While a batch
 * is open it runs inside it and its result waits for the COMMIT too (so nobody answers from data
 * that is not yet durable); a write with no batch open opens one, so writes share the fsync; a
 * read with none open runs at once.
 *
 * The batch COMMITs when the connection falls idle, at the end of the event loop's turn
 * (setImmediate: the requests that came in in that turn join), or on its way to the next in line
 * once it holds GROUP_COMMIT_BOUNDS.maxMembers or is maxMs old, and before a raw use of the handle
 * (`exclusive`), a stream, and closing — never while a member transaction is open.
 */
class GroupCommitSqliteDriver extends SqliteStatements {
  /** who has the connection: a transaction's lease, a plain statement's, an exclusive use */
  private holder: object | null = null
  private readonly queue: { who: object; grant: () => void }[] = []
  private batch: Batch | null = null
  private closeScheduled = false

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly bounds: GroupCommitBounds,
  ) {
    super(sqlite)
  }

  /** undefined when `who` has the connection now, else a promise of it (first come, first served) */
  private take(who: object): Promise<void> | undefined {
    if (this.holder === null) {
      this.holder = who
      return undefined
    }
    return new Promise((grant) => this.queue.push({ who, grant }))
  }

  /** the holder is done (and not inside a member transaction): the batch closes if due, the next in line gets the connection */
  private pass(): void {
    const batch = this.batch
    if (batch && (batch.members >= this.bounds.maxMembers || performance.now() - batch.opened >= this.bounds.maxMs)) this.closeBatch()
    const next = this.queue.shift()
    if (next) {
      this.holder = next.who
      next.grant()
      return
    }
    this.holder = null
    if (this.batch && !this.closeScheduled) {
      this.closeScheduled = true
      setImmediate(() => {
        this.closeScheduled = false
        // someone holding the connection passes it on later, and schedules this again
        if (this.batch && this.holder === null) this.closeBatch()
      })
    }
  }

  private openBatch(): Batch {
    this.execute('begin immediate')
    this.batch = { opened: performance.now(), members: 0, waiting: [] }
    return this.batch
  }

  /** COMMIT, then answer every member; if it fails, none of them is acknowledged */
  private closeBatch(): void {
    const batch = this.batch!
    this.batch = null
    try {
      this.execute('commit')
    } catch (error) {
      this.undoAll(batch, error)
      return
    }
    for (const w of batch.waiting) w.resolve()
  }

  /** a batch that will not be committed: ROLLBACK what is left of it, and every member fails with `error` */
  private undoAll(batch: Batch, error: unknown): void {
    try {
      if (this.sqlite.inTransaction) this.execute('rollback')
    } catch {
      // nothing more this driver can do about it; the members fail all the same
    }
    for (const w of batch.waiting) w.reject(error)
  }

  /** after a statement failed: if SQLite rolled back the whole outer transaction (some errors do), the batch is lost */
  private afterFailure(error: unknown, lease: Lease): void {
    const batch = this.batch
    if (!batch || this.sqlite.inTransaction) return
    this.batch = null
    if (lease.inTransaction) lease.lost = error
    for (const w of batch.waiting) w.reject(error)
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new Lease(this))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Kysely ends a transaction before releasing; should one not have ended, it ends here, undone
    if ((connection as Lease).inTransaction) await this.rollbackTransaction(connection)
  }

  query<R>(lease: Lease, query: CompiledQuery): Promise<QueryResult<R>> {
    if (lease.inTransaction) {
      if (lease.lost !== undefined) return Promise.reject(lease.lost as Error)
      try {
        return Promise.resolve(this.execute<R>(query.sql, query.parameters))
      } catch (error) {
        this.afterFailure(error, lease)
        return Promise.reject(error as Error)
      }
    }
    const turn = this.take(lease)
    return turn ? turn.then(() => this.plain<R>(lease, query)) : this.plain<R>(lease, query)
  }

  /** a statement outside a transaction, the connection held for it */
  private plain<R>(lease: Lease, query: CompiledQuery): Promise<QueryResult<R>> {
    let result: QueryResult<R> | undefined
    let failure: unknown
    let batch: Batch | null = null
    try {
      const statement = this.prepared(query.sql)
      batch = this.batch ?? (statement.readonly ? null : this.openBatch())
      result = this.run<R>(statement, query.parameters)
    } catch (error) {
      failure = error
      this.afterFailure(error, lease)
    }
    // its answer (or its error: a conflict tells of a row too) once what it saw is durable
    const answer =
      batch && batch === this.batch
        ? new Promise<QueryResult<R>>((resolve, reject) => {
            batch!.members++
            batch!.waiting.push({ resolve: () => (failure === undefined ? resolve(result!) : reject(failure)), reject })
          })
        : failure === undefined
          ? Promise.resolve(result!)
          : Promise.reject(failure as Error)
    this.pass()
    return answer
  }

  async *streamOn<R>(lease: Lease, query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (lease.inTransaction) {
      if (lease.lost !== undefined) throw lease.lost
      yield* this.stream<R>(query)
      return
    }
    await this.take(lease)
    try {
      if (this.batch) this.closeBatch()
      yield* this.stream<R>(query)
    } finally {
      this.pass()
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    await this.take(lease)
    try {
      if (!this.batch) this.openBatch()
      this.execute(`savepoint ${MEMBER}`)
    } catch (error) {
      this.afterFailure(error, lease)
      this.pass()
      throw error
    }
    lease.inTransaction = true
    lease.lost = undefined
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    if (lease.lost !== undefined) throw lease.lost // Kysely rolls back next: that ends it
    // a failed RELEASE leaves the transaction open for Kysely's rollback
    this.execute(`release ${MEMBER}`)
    lease.inTransaction = false
    const batch = this.batch!
    batch.members++
    const committed = new Promise<void>((resolve, reject) => batch.waiting.push({ resolve, reject }))
    this.pass()
    return committed
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    // also called after a commit whose batch COMMIT failed: that lease is over already
    if (!lease.inTransaction) return
    lease.inTransaction = false
    try {
      if (lease.lost === undefined) {
        this.execute(`rollback to ${MEMBER}`)
        this.execute(`release ${MEMBER}`)
      }
    } catch (error) {
      // the batch's state is unknown: undo all of it, acknowledge none of it
      const batch = this.batch
      this.batch = null
      if (batch) this.undoAll(batch, error)
      throw error
    } finally {
      this.pass()
    }
  }

  async exclusive<T>(use: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T> {
    await this.take({})
    try {
      if (this.batch) this.closeBatch()
      return await use(this.sqlite)
    } finally {
      this.pass()
    }
  }

  async flush(): Promise<void> {
    const batch = this.batch
    if (!batch) return
    if (this.holder === null) return this.closeBatch()
    // a member transaction is open: the batch closes after it
    await new Promise<void>((resolve) => batch.waiting.push({ resolve, reject: () => resolve() }))
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
