/**
 * What only the SQLite store does: migrate, seed once, keep data across opens, hold the answer
 * key, write a consultation and its idempotency record all or nothing.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { fixtures } from '../../mock/fixtures'
import { migrate, readMigrations } from '../../server/db/migrate'
import { openStore } from '../../server/store/open-store'
import { describeSqliteOnly } from './helpers/database'
import { sampleFixtures } from './helpers/sample-fixtures'
import { makeTempDir } from './helpers/temp-dir'

const temp = makeTempDir('zct-sqlite-')
afterAll(() => temp.remove())

describeSqliteOnly('SqliteStore on a file', () => {
  const file = join(temp.path, 'nested', 'zhengcetong.db')

  it('creates the directory and file, migrates and seeds on first open', async () => {
    const store = await openStore({ kind: 'sqlite', file, fixtures })
    expect(store.seeded).toBe(true)
    expect(store.database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.database.sqlite!.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(store.database.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1)
    const versions = store.database.sqlite!.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    expect(versions).toEqual(readMigrations().map((m) => m.version))
    expect((await store.content.searchPolicies({ page: 1, pageSize: 1 })).total).toBe(fixtures.policies.length)
    store.close()
  })

  it('keeps data and sessions on a second open, seeding nothing twice', async () => {
    const first = await openStore({ kind: 'sqlite', file, fixtures })
    expect(first.seeded).toBe(false)
    const user = await first.auth.upsertUser({ provider: 'dev', externalId: 'staff:李四', nickname: '李四', role: 'staff' })
    const session = await first.auth.createSession({ userId: user.id, sessionKey: 'k' })
    first.close()

    const second = await openStore({ kind: 'sqlite', file, fixtures })
    expect(second.seeded).toBe(false)
    expect(await second.auth.getSession(session.token)).toEqual(session)
    expect(await second.content.listTopics()).toHaveLength(fixtures.topics.length)
    expect(second.database.sqlite!.prepare('SELECT COUNT(*) FROM policies').pluck().get()).toBe(fixtures.policies.length)
    second.close()
  })

  it('stores a hash of the token and keeps the WeChat session key server-side', async () => {
    const store = await openStore({ kind: 'sqlite', file, fixtures })
    const user = await store.auth.upsertUser({ provider: 'wechat', externalId: 'openid-1', nickname: '微信用户', role: 'resident' })
    const { token } = await store.auth.createSession({ userId: user.id, sessionKey: 'wx-session-key' })
    const row = store.database.sqlite!.prepare('SELECT token_hash, session_key FROM sessions WHERE user_id = ?').get(user.id) as {
      token_hash: string
      session_key: string
    }
    expect(row.token_hash).not.toBe(token)
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.session_key).toBe('wx-session-key')
    store.close()
  })

  it('seeds the quiz questions with their answers and explanations, linked to campaigns', async () => {
    const db = new Database(file, { readonly: true })
    const count = db.prepare('SELECT COUNT(*) FROM quiz_questions').pluck().get()
    expect(count).toBe(fixtures.questions.length)
    const q = fixtures.questions[0]
    const row = db.prepare('SELECT answer, explanation FROM quiz_questions WHERE id = ?').get(q.id) as {
      answer: string
      explanation: string
    }
    expect(JSON.parse(row.answer)).toEqual(q.answer)
    expect(row.explanation).toBe(q.explanation)
    const links = db.prepare('SELECT COUNT(*) FROM campaign_questions').pluck().get()
    expect(links).toBe(fixtures.questions.reduce((n, x) => n + x.campaignIds.length, 0))
    db.close()
  })
})

describe('consultations on SQLite', () => {
  const input = { topic: 'yibao', question: '医保在哪里缴费？', regionCode: '331002', phone: '13812345678' }

  it('writes the consultation and its idempotency record in one transaction', async () => {
    const store = await openStore({ kind: 'sqlite', file: join(temp.path, 'atomic.db'), fixtures: sampleFixtures })
    const user = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:a', nickname: 'a', role: 'resident' })
    store.database.sqlite!.exec(`CREATE TRIGGER fail_key BEFORE INSERT ON idempotency_keys
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    // better-sqlite3's SqliteError need not be an Error of this test file's realm: match its message
    await expect(store.consultations.createConsultation(user.id, input, 'k1')).rejects.toMatchObject({ message: 'disk full' })
    expect(store.database.sqlite!.prepare('SELECT COUNT(*) FROM consultations').pluck().get()).toBe(0)

    store.database.sqlite!.exec('DROP TRIGGER fail_key')
    const { consultation } = await store.consultations.createConsultation(user.id, input, 'k1')
    expect(store.database.sqlite!.prepare('SELECT COUNT(*) FROM consultations').pluck().get()).toBe(1)
    const key = store.database.sqlite!.prepare('SELECT scope, response_status, response_body FROM idempotency_keys').get() as {
      scope: string
      response_status: number
      response_body: string
    }
    expect(key).toMatchObject({ scope: 'POST /consultations', response_status: 201 })
    expect(JSON.parse(key.response_body)).toEqual(consultation)
    expect(key.response_body).not.toContain('13812345678')
    store.close()
  })

  it('refuses a row whose reply columns disagree with its status', async () => {
    const store = await openStore({ kind: 'sqlite', file: join(temp.path, 'checks.db'), fixtures: sampleFixtures })
    const user = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:b', nickname: 'b', role: 'resident' })
    const { consultation } = await store.consultations.createConsultation(user.id, input)
    expect(() => store.database.sqlite!.prepare("UPDATE consultations SET status = 'answered' WHERE id = ?").run(consultation.id)).toThrow(/CHECK/)
    expect(() => store.database.sqlite!.prepare("UPDATE consultations SET reply_text = 'x' WHERE id = ?").run(consultation.id)).toThrow(/CHECK/)
    store.close()
  })
})

describeSqliteOnly('seeding', () => {
  it('is all or nothing: a broken fixture leaves the database empty', async () => {
    const file = join(temp.path, 'broken.db')
    const broken = { ...sampleFixtures, questions: [{ ...sampleFixtures.questions[0], campaignIds: ['no-such-campaign'] }] }
    // better-sqlite3's SqliteError comes from the realm of the first test file that loaded the
    // addon in this jest worker, so `rejects.toThrow` (which wants an Error of this realm) can't judge it
    const failure = await openStore({ kind: 'sqlite', file, fixtures: broken }).then(
      () => 'opened',
      (err: unknown) => (err as Error).message,
    )
    expect(failure).toMatch(/FOREIGN KEY/)
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT COUNT(*) FROM topics').pluck().get()).toBe(0)
    db.close()
    // and the next start, with good fixtures, seeds
    const store = await openStore({ kind: 'sqlite', file, fixtures: sampleFixtures })
    expect(store.seeded).toBe(true)
    store.close()
  })
})

describeSqliteOnly('migrate', () => {
  it('applies only what is new, in order, each recorded', async () => {
    const db = new Database(':memory:')
    const migrations = [
      { version: 2, name: '002_b.sql', sql: 'CREATE TABLE b (x);' },
      { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x);' },
    ].sort((x, y) => x.version - y.version)
    expect(migrate(db, migrations.slice(0, 1))).toEqual([1])
    expect(migrate(db, migrations)).toEqual([2])
    expect(migrate(db, migrations)).toEqual([])
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(['001_a.sql', '002_b.sql'])
    db.close()
  })

  it('rolls back a failing migration and records nothing', async () => {
    const db = new Database(':memory:')
    const bad = [{ version: 1, name: '001_bad.sql', sql: 'CREATE TABLE ok (x); CREATE TABLE ok (x);' }]
    expect(() => migrate(db, bad)).toThrow()
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(0)
    db.close()
  })

  it('reads numbered files from server/store/sqlite/migrations', async () => {
    const [first] = readMigrations()
    expect(first).toMatchObject({ version: 1, name: '001_init.sql' })
  })
})
