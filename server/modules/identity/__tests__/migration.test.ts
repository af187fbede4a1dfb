/**
 * 009_resident_identity rebuilds users: no column, index or trigger another migration put there may be lost, rows
 * that reference users keep pointing at them, 微信用户 becomes 居民 and four digits, and the
 * widened provider CHECK still refuses unknown providers.
 */
import Database from 'better-sqlite3'
import { migrate, readMigrations } from '../../../db/migrate'

const columnsOf = (db: Database.Database, table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort()
/** indexes and triggers on users that a migration made (not SQLite's own autoindexes) */
const objectsOn = (db: Database.Database, table: string) =>
  db
    .prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all(table) as string[]

it('keeps every column, row and reference of users, renames 微信用户 and accepts the new providers only', () => {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  const all = readMigrations()
  migrate(
    db,
    all.filter((m) => m.version < 9),
  )
  const before = columnsOf(db, 'users')
  const objectsBefore = objectsOn(db, 'users')
  const at = '2026-12-01T00:00:00.000Z'
  db.prepare("INSERT INTO users (id, provider, external_id, nickname, role, created_at) VALUES ('u1', 'wechat', 'o-1', '微信用户', 'resident', ?)").run(at)
  db.prepare("INSERT INTO users (id, provider, external_id, nickname, role, created_at) VALUES ('u2', 'dev', 'resident:王阿姨', '王阿姨', 'resident', ?)").run(
    at,
  )
  db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h1', 'u1', ?, ?)").run(at, at)

  migrate(db, all)

  const after = columnsOf(db, 'users')
  expect(after).toEqual(expect.arrayContaining(before))
  expect(after).toContain('mobile')
  expect(objectsOn(db, 'users')).toEqual(expect.arrayContaining([...objectsBefore, 'index users_by_mobile']))
  const names = db.prepare('SELECT id, nickname FROM users ORDER BY id').all() as { id: string; nickname: string }[]
  expect(names[0].nickname).toMatch(/^居民\d{4}$/)
  expect(names[1].nickname).toBe('王阿姨')
  expect(db.pragma('foreign_key_check')).toEqual([])
  expect(db.prepare("SELECT user_id FROM sessions WHERE token_hash = 'h1'").pluck().get()).toBe('u1')
  // the references still guard users
  expect(() => db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h2', 'nobody', ?, ?)").run(at, at)).toThrow(
    /FOREIGN KEY/,
  )
  for (const provider of ['sms', 'wechat-oa']) {
    db.prepare("INSERT INTO users (id, provider, external_id, nickname, role, created_at) VALUES (?, ?, 'x', '居民0001', 'resident', ?)").run(
      `n-${provider}`,
      provider,
      at,
    )
  }
  expect(() =>
    db.prepare("INSERT INTO users (id, provider, external_id, nickname, role, created_at) VALUES ('bad', 'email', 'x', 'n', 'resident', ?)").run(at),
  ).toThrow(/CHECK/)
  // one account per mobile
  db.prepare("UPDATE users SET mobile = '13812345678' WHERE id = 'u1'").run()
  expect(() => db.prepare("UPDATE users SET mobile = '13812345678' WHERE id = 'u2'").run()).toThrow(/UNIQUE/)
  db.close()
})
