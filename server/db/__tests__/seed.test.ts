/**
 * Seeding (server/db/seed.ts): only an empty database, all or nothing, in batches below the
 * parameter limit, and the same rows on SQLite and PostgreSQL (the PostgreSQL part under test:pg).
 */
import { fixtures } from '../../../mock/fixtures'
import type { Fixtures } from '../../../mock/types'
import { createTestDatabase, describePostgres, type TestDatabase } from '../../../test/api/helpers/database'
import { type Db, openDb } from '../database'
import { migrateDb } from '../migrate'
import { MAX_PARAMETERS, type SeededTable, seedIfEmpty, seedRows } from '../seed'

// databases are created, seeded and compared whole; the machine may be busy
jest.setTimeout(60_000)

const tables = Object.keys(seedRows(fixtures)) as SeededTable[]

async function openSqlite(): Promise<Db> {
  const db = await openDb({ file: ':memory:' })
  await migrateDb(db)
  return db
}

/** every row of a table, in one order whatever the database's collation */
async function rowsOf(db: Db, table: SeededTable): Promise<Record<string, unknown>[]> {
  const rows = (await db.kysely.selectFrom(table).selectAll().execute()) as Record<string, unknown>[]
  return rows
    .map((r) => ({ key: JSON.stringify(r), r }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r)
}

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {}
  for (const table of tables) {
    const { n } = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    result[table] = n
  }
  return result
}

const expectedCounts = Object.fromEntries(Object.entries(seedRows(fixtures)).map(([table, rows]) => [table, rows.length]))

/** the fixtures with a link to a campaign that does not exist, last of all: its foreign key fails */
const broken: Fixtures = {
  ...fixtures,
  questions: [...fixtures.questions, { ...fixtures.questions[0], id: 'q-broken', campaignIds: ['no-such-campaign'] }],
}

/** enough FAQs that they need several INSERTs */
const manyFaqs: Fixtures = {
  ...fixtures,
  faqs: Array.from({ length: Math.ceil((2.5 * MAX_PARAMETERS) / 7) }, (_, i) => ({ ...fixtures.faqs[i % fixtures.faqs.length], id: `faq-many-${i}` })),
}

async function expectSeedingRules(open: () => Promise<Db>): Promise<void> {
  const db = await open()
  try {
    expect(await seedIfEmpty(db, fixtures)).toBe(true)
    expect(await counts(db)).toEqual(expectedCounts)
    expect(await seedIfEmpty(db, fixtures)).toBe(false)
    expect(await counts(db)).toEqual(expectedCounts)
  } finally {
    await db.close()
  }

  const failing = await open()
  try {
    // by its message: better-sqlite3's SqliteError is no native Error, and toThrow misses it when an earlier test file in the worker loaded the addon
    await expect(seedIfEmpty(failing, broken)).rejects.toHaveProperty('message', expect.stringMatching(/FOREIGN KEY|foreign key/))
    expect(Object.values(await counts(failing)).every((n) => n === 0)).toBe(true)
  } finally {
    await failing.close()
  }

  const large = await open()
  try {
    expect(await seedIfEmpty(large, manyFaqs)).toBe(true)
    expect((await counts(large)).faqs).toBe(manyFaqs.faqs.length)
  } finally {
    await large.close()
  }
}

describe('seeding SQLite', () => {
  it('seeds an empty database once, all or nothing, in batches', async () => {
    await expectSeedingRules(openSqlite)
  })

  it('stores what the fixtures say', async () => {
    const db = await openSqlite()
    try {
      await seedIfEmpty(db, fixtures)
      const regions = await db.kysely.selectFrom('regions').selectAll().where('parent_code', 'is', null).orderBy('position').execute()
      expect(regions.map((r) => r.name)).toEqual(fixtures.regions.map((r) => r.name))
      const policy = await db.kysely.selectFrom('policies').selectAll().where('id', '=', fixtures.policies[0].id).executeTakeFirstOrThrow()
      expect(policy.title).toBe(fixtures.policies[0].title)
      expect(JSON.parse(policy.body).sections).toEqual(fixtures.policies[0].sections)
    } finally {
      await db.close()
    }
  })
})

describePostgres('seeding PostgreSQL', () => {
  const databases: TestDatabase[] = []
  const openPostgres = async (): Promise<Db> => {
    const database = await createTestDatabase()
    databases.push(database)
    const db = await openDb({ url: database.url })
    await migrateDb(db)
    return db
  }

  afterAll(async () => {
    for (const database of databases) await database.drop()
  })

  it('seeds an empty database once, all or nothing, in batches', async () => {
    await expectSeedingRules(openPostgres)
  })

  it('holds the same rows as SQLite seeded from the same fixtures', async () => {
    const lite = await openSqlite()
    const pg = await openPostgres()
    try {
      await seedIfEmpty(lite, fixtures)
      await seedIfEmpty(pg, fixtures)
      expect(await counts(pg)).toEqual(await counts(lite))
      for (const table of tables) expect({ table, rows: await rowsOf(pg, table) }).toEqual({ table, rows: await rowsOf(lite, table) })
    } finally {
      await lite.close()
      await pg.close()
    }
  })

  it('lets exactly one of two instances starting together seed', async () => {
    const first = await openPostgres()
    const second = await openDb({ url: databases[databases.length - 1].url })
    try {
      const seeded = await Promise.all([seedIfEmpty(first, fixtures), seedIfEmpty(second, fixtures)])
      expect(seeded.sort()).toEqual([false, true])
      expect(await counts(second)).toEqual(expectedCounts)
    } finally {
      await first.close()
      await second.close()
    }
  })
})
