/**
 * Migration 008 rebuilds `users` (to allow provider 'password') inside the migrator's transaction
 * with foreign keys on: a database from before it keeps every user and everything that refers to
 * them, and the foreign keys still hold afterwards.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { migrate, readMigrations } from '../../../db/migrate'

it('upgrades a populated database: users, sessions and consultations kept, foreign keys enforced', () => {
  const temp = makeTempDir('zct-mig-')
  const db = new Database(join(temp.path, 'old.db'))
  try {
    db.pragma('foreign_keys = ON')
    const all = readMigrations()
    migrate(
      db,
      all.filter((m) => m.version < 8),
    )
    db.prepare("INSERT INTO topics (id, name, icon, position) VALUES ('yanglao', '养老服务', 'elderly', 1)").run()
    db.prepare("INSERT INTO regions (code, name, level, parent_code, position) VALUES ('331002', '椒江区', 'county', NULL, 1)").run()
    db.prepare("INSERT INTO users VALUES ('u1', 'wechat', 'openid-1', '微信用户', 'resident', '331002', '2026-01-01T00:00:00Z')").run()
    db.prepare("INSERT INTO users VALUES ('u2', 'dev', 'admin:管理员', '管理员', 'admin', NULL, '2026-01-01T00:00:00Z')").run()
    db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h1', 'u1', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')").run()
    db.prepare(
      "INSERT INTO consultations (id, user_id, topic, question, region_code, status, created_at) VALUES ('c1', 'u1', 'yanglao', '高龄津贴怎么申请？', '331002', 'pending', '2026-01-01T00:00:00Z')",
    ).run()

    expect(migrate(db, all)).toEqual(all.filter((m) => m.version >= 8).map((m) => m.version))

    expect(db.prepare('SELECT id, provider, org_code, disabled_at FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', provider: 'wechat', org_code: null, disabled_at: null },
      { id: 'u2', provider: 'dev', org_code: null, disabled_at: null },
    ])
    const session = db.prepare('SELECT id, last_seen_at, idle_ms FROM sessions').get() as { id: string; last_seen_at: string; idle_ms: number | null }
    expect(session).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), last_seen_at: '2026-01-01T00:00:00Z', idle_ms: null })
    expect(db.prepare('SELECT COUNT(*) FROM consultations').pluck().get()).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    // the children still point at the rebuilt table, and it at them
    expect(() => db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h2', 'nobody', 'x', 'y')").run()).toThrow(
      /FOREIGN KEY/,
    )
    expect(() => db.prepare("DELETE FROM users WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/)
    db.prepare(
      "INSERT INTO users (id, provider, external_id, nickname, role, created_at, org_code) VALUES ('u3', 'password', 'wangfang', '王芳', 'admin', 'now', '331000')",
    ).run()
    expect(() =>
      db.prepare("INSERT INTO users (id, provider, external_id, nickname, role, created_at) VALUES ('u4', 'ldap', 'x', 'x', 'admin', 'now')").run(),
    ).toThrow(/CHECK/)
  } finally {
    db.close()
    temp.remove()
  }
})
