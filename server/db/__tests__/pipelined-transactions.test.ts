/**
 * Transactions on PostgreSQL with BEGIN sent along with their first statement and COMMIT along with
 * a `commitsOnPostgres` statement (server/db/database.ts): still all or nothing, still one at a time
 * per row lock, an error of the committing statement is the caller's error and leaves nothing
 * behind, and a transaction that sent nothing leaves the connection usable. Under test:pg only.
 */
import { CompiledQuery, sql } from 'kysely'
import { createTestDatabase, describePostgres, type TestDatabase } from '../../../test/api/helpers/database'
import { commitsOnPostgres, type Db, namedOnPostgres, openDb } from '../database'

jest.setTimeout(60_000)

// a committing statement that fails when asked to (a division by zero), after inserting its row
const INSERT_AND_COMMIT = commitsOnPostgres(
  namedOnPostgres('WITH ins AS (INSERT INTO pipelined (id, note) VALUES ($1::int, $2::text) RETURNING id) SELECT id, 1 / $3::int AS check FROM ins'),
)

describePostgres('pipelined BEGIN and COMMIT on PostgreSQL', () => {
  let database: TestDatabase
  let db: Db

  beforeAll(async () => {
    database = await createTestDatabase()
    db = await openDb({ url: database.url, poolSize: 2 })
    await sql`CREATE TABLE pipelined (id int PRIMARY KEY, note text NOT NULL)`.execute(db.kysely)
  })
  afterAll(async () => {
    await db?.close()
    await database?.drop()
  })

  const ids = async () => (await sql<{ id: number }>`SELECT id FROM pipelined ORDER BY id`.execute(db.kysely)).rows.map((r) => r.id)
  const insert = (id: number, note = 'n') => sql`INSERT INTO pipelined (id, note) VALUES (${id}, ${note})`
  const committing = (id: number, divisor: number) => CompiledQuery.raw(INSERT_AND_COMMIT, [id, 'c', divisor])

  it('commits a transaction whose first statement carried its BEGIN, and rolls back one that failed later', async () => {
    await db.kysely.transaction().execute(async (tx) => {
      await insert(1).execute(tx)
      await insert(2).execute(tx)
    })
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await insert(3).execute(tx)
        await insert(1).execute(tx) // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/)
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await insert(4).execute(tx)
        throw new Error('the caller gives up')
      }),
    ).rejects.toThrow('the caller gives up')
    expect(await ids()).toEqual([1, 2])
  })

  it('fails the first statement when it fails, with nothing written', async () => {
    await expect(db.kysely.transaction().execute((tx) => insert(1).execute(tx))).rejects.toThrow(/duplicate key/)
    expect(await ids()).toEqual([1, 2])
  })

  it('commits with the committing statement and answers only then; its error leaves nothing of the transaction', async () => {
    const row = await db.kysely.transaction().execute(async (tx) => {
      await insert(10).execute(tx)
      return (await tx.executeQuery<{ id: number }>(committing(11, 1))).rows[0]
    })
    expect(row.id).toBe(11)
    expect(await ids()).toEqual([1, 2, 10, 11])
    // the committing statement fails: the transaction's earlier insert goes too
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await insert(20).execute(tx)
        await tx.executeQuery(committing(21, 0))
      }),
    ).rejects.toThrow(/division by zero/)
    // the first statement of its transaction fails, BEGIN and COMMIT around it
    await expect(db.kysely.transaction().execute((tx) => tx.executeQuery(committing(22, 0)))).rejects.toThrow(/division by zero/)
    expect(await ids()).toEqual([1, 2, 10, 11])
  })

  it('has committed once the committing statement answered, whatever the transaction does after it', async () => {
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await tx.executeQuery(committing(30, 1))
        throw new Error('after the commit')
      }),
    ).rejects.toThrow('after the commit')
    expect(await ids()).toContain(30)
  })

  it('runs a committing statement outside a transaction as any other', async () => {
    await db.kysely.executeQuery(committing(40, 1))
    await expect(db.kysely.executeQuery(committing(41, 0))).rejects.toThrow(/division by zero/)
    expect(await ids()).toEqual([1, 2, 10, 11, 30, 40])
  })

  it('keeps the connections usable: empty transactions, and a row lock still serialises two transactions', async () => {
    for (let i = 0; i < 4; i++) await db.kysely.transaction().execute(async () => undefined)
    // two transactions on the same row: the second waits for the first's commit and then sees its change
    const order: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = db.kysely.transaction().execute(async (tx) => {
      await sql`SELECT id FROM pipelined WHERE id = 1 FOR UPDATE`.execute(tx)
      order.push('first locked')
      await held
      await sql`UPDATE pipelined SET note = 'first' WHERE id = 1`.execute(tx)
      order.push('first done')
    })
    await new Promise((r) => setTimeout(r, 50))
    const second = db.kysely.transaction().execute(async (tx) => {
      const { rows } = await sql<{ note: string }>`SELECT note FROM pipelined WHERE id = 1 FOR UPDATE`.execute(tx)
      order.push(`second saw ${rows[0].note}`)
    })
    await new Promise((r) => setTimeout(r, 100))
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['first locked', 'first done', 'second saw first'])
    // nothing is left open on either connection
    const open = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`.execute(db.kysely)
    expect(open.rows[0].n).toBe(0)
  })
})
