/**
 * Staff accounts over SQLite: a `users` row (provider `password`, external_id the lower-case
 * username, the organisation) with its `staff_credentials` row; the wrong-password counters per
 * username; and the caller's sessions (登录设备). Methods are synchronous and run inside the
 * caller's transaction when there is one.
 */
import { randomUUID } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import type { Page, Role, SessionInfo, StaffAccount } from '../../../common/contract'
import { hashSessionToken, sessionEnd } from '../auth/session-token'
import { maskIp } from '../auth/device'
import { orgOf, orgPrefixPattern } from '../auth/org-scope'
import { StatementCache } from '../../store/sqlite/statement-cache'

export const LOCK_AFTER_FAILURES = 5
export const LOCK_MS = 15 * 60 * 1000
/** failures further apart than this start counting again */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000

export interface Credential {
  userId: string
  username: string
  role: Role
  passwordHash: string
  disabled: boolean
}

export interface NewAccount {
  username: string
  name: string
  role: Role
  orgCode: string
  department?: string
  passwordHash: string
  createdBy?: string
}

export interface AccountListQuery {
  q?: string
  role?: Role
  /** the organisation whose accounts (and those below it) are listed; must be valid */
  org: string
  page: number
  pageSize: number
}

interface AccountRow {
  id: string
  external_id: string
  nickname: string
  role: Role
  org_code: string
  department: string | null
  disabled_at: string | null
  created_at: string
  last_login_at: string | null
  locked_until: string | null
}

const ACCOUNT_SELECT = `SELECT u.id, u.external_id, u.nickname, u.role, u.org_code, u.department, u.disabled_at, u.created_at,
    c.last_login_at, f.locked_until
  FROM users u JOIN staff_credentials c ON c.user_id = u.id
  LEFT JOIN login_failures f ON f.username = u.external_id`

/** usernames are compared and stored in lower case */
export const normaliseUsername = (username: string) => username.trim().toLowerCase()

export class AccountsRepository {
  private readonly statements = new StatementCache()

  constructor(
    readonly db: Database,
    private readonly now: () => Date,
    private readonly orgNames: () => ReadonlyMap<string, string>,
  ) {}

  private stmt(sql: string): Statement {
    return this.statements.prepare(this.db, sql)
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  private toAccount(r: AccountRow): StaffAccount {
    const now = this.now().getTime()
    return {
      id: r.id,
      username: r.external_id,
      name: r.nickname,
      role: r.role,
      org: orgOf(r.org_code, this.orgNames(), r.department),
      disabled: r.disabled_at !== null,
      ...(r.locked_until && Date.parse(r.locked_until) > now ? { lockedUntil: r.locked_until } : {}),
      createdAt: r.created_at,
      ...(r.last_login_at ? { lastLoginAt: r.last_login_at } : {}),
    }
  }

  credential(username: string): Credential | undefined {
    const row = this.stmt(
      `SELECT u.id, u.external_id, u.role, u.disabled_at, c.password_hash FROM users u
       JOIN staff_credentials c ON c.user_id = u.id WHERE u.provider = 'password' AND u.external_id = ?`,
    ).get(normaliseUsername(username)) as { id: string; external_id: string; role: Role; disabled_at: string | null; password_hash: string } | undefined
    return row && { userId: row.id, username: row.external_id, role: row.role, passwordHash: row.password_hash, disabled: row.disabled_at !== null }
  }

  credentialOfUser(userId: string): Credential | undefined {
    const username = this.stmt("SELECT external_id FROM users WHERE id = ? AND provider = 'password'").pluck().get(userId) as string | undefined
    return username === undefined ? undefined : this.credential(username)
  }

  getAccount(id: string): StaffAccount | undefined {
    const row = this.stmt(`${ACCOUNT_SELECT} WHERE u.id = ? AND u.provider = 'password'`).get(id) as AccountRow | undefined
    return row && this.toAccount(row)
  }

  /** undefined when the username is taken */
  createAccount(input: NewAccount): StaffAccount | undefined {
    const username = normaliseUsername(input.username)
    const id = randomUUID()
    const at = this.now().toISOString()
    const inserted = this.stmt(
      `INSERT INTO users (id, provider, external_id, nickname, role, region_code, created_at, org_code, department)
       VALUES (?, 'password', ?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (provider, external_id) DO NOTHING`,
    ).run(id, username, input.name, input.role, at, input.orgCode, input.department ?? null)
    if (inserted.changes === 0) return undefined
    this.stmt('INSERT INTO staff_credentials (user_id, password_hash, password_changed_at, created_by) VALUES (?, ?, ?, ?)').run(
      id,
      input.passwordHash,
      at,
      input.createdBy ?? null,
    )
    return this.getAccount(id)
  }

  listAccounts(query: AccountListQuery): Page<StaffAccount> {
    const conditions = ["u.provider = 'password'", 'u.org_code LIKE ?']
    const params: unknown[] = [orgPrefixPattern(query.org)]
    if (query.role) {
      conditions.push('u.role = ?')
      params.push(query.role)
    }
    const q = query.q?.trim()
    if (q) {
      conditions.push('(instr(u.external_id, ?) > 0 OR instr(u.nickname, ?) > 0)')
      params.push(q.toLowerCase(), q)
    }
    const where = `WHERE ${conditions.join(' AND ')}`
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM users u ${where}`)
      .pluck()
      .get(...params) as number
    const rows = this.db
      .prepare(`${ACCOUNT_SELECT} ${where} ORDER BY u.created_at DESC, u.id LIMIT ? OFFSET ?`)
      .all(...params, query.pageSize, (query.page - 1) * query.pageSize) as AccountRow[]
    return { items: rows.map((r) => this.toAccount(r)), total, page: query.page, pageSize: query.pageSize }
  }

  /** disabling also ends every session of the account */
  setDisabled(userId: string, disabled: boolean, by?: string): void {
    this.stmt('UPDATE users SET disabled_at = ?, disabled_by = ? WHERE id = ?').run(
      disabled ? this.now().toISOString() : null,
      disabled ? (by ?? null) : null,
      userId,
    )
    if (disabled) this.revokeAllSessions(userId)
  }

  /** who disabled a disabled account: an admin's id and organisation; `{}` for the command line (or before 013) */
  disabledBy(userId: string): { id?: string; orgCode?: string } | undefined {
    const row = this.stmt(
      `SELECT u.disabled_by, d.org_code FROM users u LEFT JOIN users d ON d.id = u.disabled_by
       WHERE u.id = ? AND u.disabled_at IS NOT NULL`,
    ).get(userId) as { disabled_by: string | null; org_code: string | null } | undefined
    if (!row) return undefined
    return { ...(row.disabled_by ? { id: row.disabled_by } : {}), ...(row.org_code ? { orgCode: row.org_code } : {}) }
  }

  setPassword(userId: string, passwordHash: string): void {
    this.stmt('UPDATE staff_credentials SET password_hash = ?, password_changed_at = ? WHERE user_id = ?').run(passwordHash, this.now().toISOString(), userId)
  }

  recordLogin(userId: string): void {
    this.stmt('UPDATE staff_credentials SET last_login_at = ? WHERE user_id = ?').run(this.now().toISOString(), userId)
  }

  clearFailures(username: string): void {
    this.stmt('DELETE FROM login_failures WHERE username = ?').run(normaliseUsername(username))
  }

  /** the user's live sessions, most recently used first; `current` is the one with this token */
  listSessions(userId: string, currentToken: string | undefined): SessionInfo[] {
    const currentHash = currentToken ? hashSessionToken(currentToken) : undefined
    const rows = this.stmt(
      `SELECT id, token_hash, created_at, last_seen_at, expires_at, idle_ms, device, ip FROM sessions
       WHERE user_id = ? ORDER BY last_seen_at DESC, created_at DESC`,
    ).all(userId) as {
      id: string
      token_hash: string
      created_at: string
      last_seen_at: string | null
      expires_at: string
      idle_ms: number | null
      device: string | null
      ip: string | null
    }[]
    const now = this.now().getTime()
    return rows
      .filter((r) => Date.parse(sessionEnd(r.expires_at, r.last_seen_at ?? r.created_at, r.idle_ms)) > now)
      .map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at ?? r.created_at,
        device: r.device ?? '未知设备',
        ip: maskIp(r.ip),
        current: r.token_hash === currentHash,
      }))
  }

  /** false when the user has no session with this id */
  revokeSession(userId: string, sessionId: string): boolean {
    return this.stmt('DELETE FROM sessions WHERE id = ? AND user_id = ?').run(sessionId, userId).changes > 0
  }

  revokeToken(token: string): void {
    this.stmt('DELETE FROM sessions WHERE token_hash = ?').run(hashSessionToken(token))
  }

  /** every session of the user, but the one with `keepToken` */
  revokeAllSessions(userId: string, keepToken?: string): number {
    return this.stmt('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, keepToken ? hashSessionToken(keepToken) : null).changes
  }
}
