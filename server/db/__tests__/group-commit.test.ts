/**
 * Group commit on SQLite (database.ts GroupCommitSqliteDriver): consecutive transactions share one
 * COMMIT, and none of them (nor a plain statement run in the batch) is answered before that COMMIT
 * has returned — checked from a second connection on the same file, which sees only committed rows.
 * One transaction's failure undoes only it; a failed COMMIT fails every member.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import { type Db, GROUP_COMMIT_BOUNDS, groupCommitFromEnv, openDb } from '../database'

interface TestDb {
  items: { id: number; note: string }
  parents: { id: number }
  children: { id: number; parent_id: number }
  doomed: { id: number }
}

let dir: string
let file: string
let db: Db
let k: Kysely<TestDb>
/** a second connection: it sees a row only once it is committed */
let reader: BetterSqlite3.Database
/** the transaction-control statements the handle ran, in order (begin, savepoint, release, commit, rollback …) */
let control: string[]

const CONTROL = /^(begin|commit|rollback|savepoint|release)\b/i
type Run = BetterSqlite3.Statement['run']
let statementPrototype: { run: Run }
let originalRun: Run

const committedCount = (table = 'items') => reader.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number
const commits = () => control.filter((c) => c === 'commit').length

/** group commit with its member bound, no age bound (a busy machine must not change the counts), or off */
async function open(groupCommit: boolean): Promise<void> {
  db = await openDb({ file, groupCommit: groupCommit && { maxMs: Infinity } })
  k = db.kysely as unknown as Kysely<TestDb>
  db.sqlite!.exec(`
    CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS parents (id INTEGER PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS children (id INTEGER PRIMARY KEY,
      parent_id INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY);
    CREATE TRIGGER IF NOT EXISTS doom BEFORE INSERT ON doomed BEGIN SELECT RAISE(ROLLBACK, 'doomed'); END;
  `)
  reader ??= new BetterSqlite3(file, { readonly: true })
  control = []
}

const insertItem = (id: number, note = `item ${id}`) => k.transaction().execute((trx) => trx.insertInto('items').values({ id, note }).execute())

beforeAll(() => {
  // every statement of every handle: record the transaction-control ones
  const probe = new BetterSqlite3(':memory:')
  statementPrototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: Run }
  probe.close()
  originalRun = statementPrototype.run
  statementPrototype.run = function (this: BetterSqlite3.Statement, ...args: Parameters<Run>) {
    const match = CONTROL.exec(this.source)
    if (match) control?.push(match[1].toLowerCase())
    return originalRun.apply(this, args)
  } as Run
})

afterAll(() => {
  statementPrototype.run = originalRun
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zct-group-commit-'))
  file = join(dir, 'test.db')
})

afterEach(async () => {
  await db.close()
  reader?.close()
  reader = undefined as unknown as BetterSqlite3.Database
  rmSync(dir, { recursive: true, force: true })
})

async function waitsForOpenTransaction() {
  const order: string[] = []
  let inside!: () => void
  const entered = new Promise<void>((resolve) => (inside = resolve))
  const transaction = k.transaction().execute(async (trx) => {
    await trx.insertInto('items').values({ id: 1, note: 'x' }).execute()
    inside()
    await new Promise((resolve) => setTimeout(resolve, 20))
    order.push('transaction')
  })
  await entered
  const raw = db.withSqlite!((s) => order.push(s.inTransaction ? 'raw inside a transaction' : 'raw'))
  await Promise.all([transaction, raw])
  expect(order).toEqual(['transaction', 'raw'])
  expect(committedCount()).toBe(1)
}

describe('group commit on (the default)', () => {
  beforeEach(() => open(true))

  it('is on unless SQLITE_GROUP_COMMIT=0', () => {
    expect(groupCommitFromEnv({})).toBe(true)
    expect(groupCommitFromEnv({ SQLITE_GROUP_COMMIT: '1' })).toBe(true)
    expect(groupCommitFromEnv({ SQLITE_GROUP_COMMIT: '0' })).toBe(false)
  })

  it('commits concurrent transactions with one COMMIT, and answers none before it is committed', async () => {
    const seenWhenAnswered: number[] = []
    await Promise.all(Array.from({ length: 10 }, (_, i) => insertItem(i + 1).then(() => seenWhenAnswered.push(committedCount()))))
    expect(commits()).toBe(1)
    // every answer came after all ten rows were visible to another connection
    expect(seenWhenAnswered).toEqual(Array(10).fill(10))
    expect(committedCount()).toBe(10)
  })

  it('closes a batch at its bound of members', async () => {
    const n = GROUP_COMMIT_BOUNDS.maxMembers + 10
    await Promise.all(Array.from({ length: n }, (_, i) => insertItem(i + 1)))
    expect(commits()).toBe(2)
    expect(committedCount()).toBe(n)
  })

  it('a later transaction of the batch reads what an earlier one wrote', async () => {
    const [, seen] = await Promise.all([
      insertItem(1, 'first'),
      k.transaction().execute((trx) => trx.selectFrom('items').select('note').where('id', '=', 1).executeTakeFirst()),
    ])
    expect(seen).toEqual({ note: 'first' })
    expect(commits()).toBe(1)
  })

  it('rolls back only the transaction that failed; its batch-mates commit', async () => {
    await insertItem(100, 'already there')
    control = []
    const results = await Promise.allSettled([
      insertItem(1),
      // writes a row, then fails on a duplicate key: neither row stays
      k.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 2, note: 'written before the failure' }).execute()
        await trx.insertInto('items').values({ id: 100, note: 'duplicate' }).execute()
      }),
      insertItem(3),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
    expect(commits()).toBe(1)
    expect(reader.prepare('SELECT id FROM items ORDER BY id').pluck().all()).toEqual([1, 3, 100])
  })

  it('fails every member when the COMMIT fails, and keeps none of their rows', async () => {
    // the child's parent is checked (deferred) only at COMMIT
    const results = await Promise.allSettled([
      k.transaction().execute((trx) => trx.insertInto('parents').values({ id: 1 }).execute()),
      k.transaction().execute((trx) => trx.insertInto('children').values({ id: 1, parent_id: 99 }).execute()),
      insertItem(1),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
    expect([committedCount('parents'), committedCount('children'), committedCount('items')]).toEqual([0, 0, 0])
    // the driver goes on
    await insertItem(2)
    expect(committedCount()).toBe(1)
  })

  it('fails the batch-mates too when SQLite rolls back the whole batch (RAISE(ROLLBACK))', async () => {
    const results = await Promise.allSettled([
      insertItem(1),
      k.transaction().execute(async (trx) => {
        await trx.insertInto('doomed').values({ id: 1 }).execute()
      }),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(committedCount()).toBe(0)
    await insertItem(2)
    expect(reader.prepare('SELECT id FROM items').pluck().all()).toEqual([2])
  })

  it("answers a plain statement run inside an open batch only once the batch's COMMIT has returned", async () => {
    let seenByReader: number | undefined
    const [, plain] = await Promise.all([
      insertItem(1),
      k
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((row) => {
          seenByReader = committedCount()
          return row.n
        }),
    ])
    // the plain read saw the batched row, and was answered after that row was committed
    expect(plain).toBe(1)
    expect(seenByReader).toBe(1)
    expect(commits()).toBe(1)
  })

  it('a plain write outside a transaction is answered once committed, and shares the batch', async () => {
    const seen: number[] = []
    await Promise.all([
      insertItem(1).then(() => seen.push(committedCount())),
      k
        .insertInto('items')
        .values({ id: 2, note: 'plain' })
        .execute()
        .then(() => seen.push(committedCount())),
    ])
    expect(seen).toEqual([2, 2])
    expect(commits()).toBe(1)
  })

  it('a plain write that fails changes nothing and leaves the batch to commit', async () => {
    await insertItem(1)
    const results = await Promise.allSettled([insertItem(2), k.insertInto('items').values({ id: 1, note: 'duplicate' }).execute(), insertItem(3)])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(reader.prepare('SELECT id, note FROM items ORDER BY id').all()).toEqual([
      { id: 1, note: 'item 1' },
      { id: 2, note: 'item 2' },
      { id: 3, note: 'item 3' },
    ])
  })

  it('a savepoint inside a batched transaction rolls back to itself only', async () => {
    const controlled = (async () => {
      const trx = await k.startTransaction().execute()
      await trx.insertInto('items').values({ id: 2, note: 'kept' }).execute()
      const inner = await trx.savepoint('inner').execute()
      await inner.insertInto('items').values({ id: 3, note: 'undone' }).execute()
      await inner.rollbackToSavepoint('inner').execute()
      await trx.commit().execute()
    })()
    await Promise.all([insertItem(1), controlled, insertItem(4)])
    expect(reader.prepare('SELECT id FROM items ORDER BY id').pluck().all()).toEqual([1, 2, 4])
    expect(commits()).toBe(1)
  })

  it('commits an open batch before a raw use of the handle (withSqlite)', async () => {
    const committed = insertItem(1)
    // spin only microtasks until the transaction has been released into the batch (its COMMIT is not due before the event loop turns)
    while (!control.includes('release')) await Promise.resolve()
    expect(db.sqlite!.inTransaction).toBe(true)
    const inRaw = await db.withSqlite!((s) => ({ open: s.inTransaction, committed: committedCount() }))
    expect(inRaw).toEqual({ open: false, committed: 1 })
    await committed
  })

  it('withSqlite waits for an open transaction', async () => {
    await waitsForOpenTransaction()
  })

  it('closes a batch once it is maxMs old, at the next hand-over', async () => {
    await db.close()
    db = await openDb({ file, groupCommit: { maxMs: 0 } })
    k = db.kysely as unknown as Kysely<TestDb>
    control = []
    await Promise.all(Array.from({ length: 5 }, (_, i) => insertItem(i + 1)))
    expect(commits()).toBe(5)
  })

  it('close() commits an open batch before closing, and answers its members', async () => {
    const committed = insertItem(1)
    while (!control.includes('release')) await Promise.resolve()
    expect(commits()).toBe(0)
    await db.close()
    await expect(committed).resolves.toBeDefined()
    expect(commits()).toBe(1)
    expect(committedCount()).toBe(1)
    // reopened for afterEach's close
    await open(true)
  })
})

describe('group commit off (SQLITE_GROUP_COMMIT=0)', () => {
  beforeEach(() => open(false))

  it('commits each transaction on its own', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => insertItem(i + 1)))
    expect(commits()).toBe(10)
    expect(committedCount()).toBe(10)
  })

  it('withSqlite waits for an open transaction', async () => {
    await waitsForOpenTransaction()
  })
})

it('records the control statements of a transaction (the probe the counts above rely on)', async () => {
  // sanity of the probe itself: what one transaction runs, a plain read opening no batch
  await open(true)
  await sql`SELECT 1`.execute(k)
  await insertItem(1)
  expect(control).toEqual(['begin', 'savepoint', 'release', 'commit'])
})
