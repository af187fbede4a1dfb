/**
 * Residents' identities over the SQLite database (better-sqlite3, synchronous: every method is
 * atomic on its own, and `merge` runs in one transaction).
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { User } from '../../../common/contract'
import type { AuthProvider } from '../../store/store'

export interface IdentityRow {
  id: string
  provider: AuthProvider
  external_id: string
  nickname: string
  role: User['role']
  mobile: string | null
}

export class IdentityRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  byId(id: string): IdentityRow | undefined {
    return this.db.prepare('SELECT id, provider, external_id, nickname, role, mobile FROM users WHERE id = ?').get(id) as IdentityRow | undefined
  }

  byMobile(mobile: string): IdentityRow | undefined {
    return this.db.prepare('SELECT id, provider, external_id, nickname, role, mobile FROM users WHERE mobile = ?').get(mobile) as IdentityRow | undefined
  }

  /** the resident of this provider and id, created with `nickname` (and `mobile`) the first time */
  findOrCreateResident(provider: AuthProvider, externalId: string, nickname: string, mobile?: string): IdentityRow {
    this.db
      .prepare(
        `INSERT INTO users (id, provider, external_id, nickname, role, region_code, created_at, mobile)
         VALUES (?, ?, ?, ?, 'resident', NULL, ?, ?) ON CONFLICT (provider, external_id) DO NOTHING`,
      )
      .run(randomUUID(), provider, externalId, nickname, this.now().toISOString(), mobile ?? null)
    return this.db
      .prepare('SELECT id, provider, external_id, nickname, role, mobile FROM users WHERE provider = ? AND external_id = ?')
      .get(provider, externalId) as IdentityRow
  }

  setNickname(id: string, nickname: string): void {
    this.db.prepare('UPDATE users SET nickname = ? WHERE id = ?').run(nickname, id)
  }

  /**
   * Binds `mobile` to `intoId`. When another resident already has it (an H5 account signed in by
   * SMS), that resident becomes this one: every row of every table that references users (found
   * from the schema, so tables added later are included) moves to `intoId`, sessions too, so the
   * H5 device stays signed in as the same person. Where a table allows one row per user (a like,
   * a lesson position, a standing in a campaign …) and both have one, the bound account's row is
   * kept and the other's dropped. Returns the id merged away, if any.
   */
  bindMobile(intoId: string, mobile: string): { mergedFrom?: string } {
    return this.db.transaction((): { mergedFrom?: string } => {
      const other = this.byMobile(mobile)
      if (other?.id === intoId) return {}
      if (other) {
        this.db.prepare('UPDATE users SET mobile = NULL WHERE id = ?').run(other.id)
        this.merge(other.id, intoId)
      }
      this.db.prepare('UPDATE users SET mobile = ? WHERE id = ?').run(mobile, intoId)
      return other ? { mergedFrom: other.id } : {}
    })()
  }

  private merge(fromId: string, intoId: string): void {
    // a running attempt of the account merged away would collide with one of the kept account
    // (one running attempt per user and campaign): it ends as expired, as an abandoned one does
    if (this.tableExists('quiz_attempts')) {
      this.db.prepare("UPDATE quiz_attempts SET status = 'expired' WHERE user_id = ? AND status = 'active'").run(fromId)
    }
    // a video both liked stays liked once: its total loses the duplicate
    if (this.tableExists('video_likes')) {
      this.db
        .prepare(
          `UPDATE videos SET likes = max(0, likes - 1) WHERE id IN (
             SELECT video_id FROM video_likes WHERE user_id = ? INTERSECT SELECT video_id FROM video_likes WHERE user_id = ?)`,
        )
        .run(fromId, intoId)
    }
    const references = this.referencesToUsers()
    // rows that point at other rows (standings → attempts) are dropped before what they point at
    for (const { table, column } of references) {
      this.db.prepare(`UPDATE OR IGNORE "${table}" SET "${column}" = ? WHERE "${column}" = ?`).run(intoId, fromId)
    }
    for (const { table, column } of references) {
      this.db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(fromId)
    }
    this.db.prepare('DELETE FROM users WHERE id = ?').run(fromId)
  }

  private tableExists(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
  }

  /** every (table, column) with a foreign key to users (id) */
  private referencesToUsers(): { table: string; column: string }[] {
    const tables = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
    const refs: { table: string; column: string }[] = []
    for (const table of tables) {
      const keys = this.db.prepare('SELECT "table" AS parent, "from" AS col, "to" AS target FROM pragma_foreign_key_list(?)').all(table) as {
        parent: string
        col: string
        target: string | null
      }[]
      for (const k of keys) if (k.parent === 'users' && (k.target === 'id' || k.target === null)) refs.push({ table, column: k.col })
    }
    return refs
  }
}
