/**
 * Staff accounts: a `users` row (provider `password`, external_id the lower-case username, the
 * organisation) with its `staff_credentials` row; the wrong-password counters per username; and
 * the caller's sessions (登录设备). One implementation over Kysely for SQLite and PostgreSQL;
 * `transaction(fn)` hands `fn` a repository whose every query runs in that transaction.
 *
 * A username is taken once: the unique index on users (provider, external_id) decides, so of two
 * concurrent creates of one username (PostgreSQL: the second INSERT waits for the first to commit,
 * then does nothing) exactly one gets the account and the other `undefined` (409).
 */
import { randomUUID } from 'node:crypto'
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import type { Page, Role, SessionInfo, StaffAccount } from '../../../common/contract'
import { hashSessionToken, sessionEnd } from '../auth/session-token'
import { maskIp } from '../auth/device'
import { orgOf, orgPrefixPattern } from '../auth/org-scope'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'

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

/** what the first request with an Idempotency-Key answered */
export interface StoredAnswer {
  requestHash: string
  body: unknown
}

/** usernames are compared and stored in lower case */
export const normaliseUsername = (username: string) => username.trim().toLowerCase()

export class AccountsRepository {
  constructor(
    readonly db: Pick<Db, 'dialect' | 'kysely'>,
    private readonly now: () => Date,
    private readonly orgNames: () => ReadonlyMap<string, string>,
  ) {}

  /** runs `fn` in one transaction, with a repository (and the transaction, for other repositories) bound to it */
  transaction<T>(fn: (accounts: AccountsRepository, trx: Kysely<DB>) => Promise<T>): Promise<T> {
    return this.db.kysely.transaction().execute((trx) => fn(new AccountsRepository({ dialect: this.db.dialect, kysely: trx }, this.now, this.orgNames), trx))
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

  private accounts() {
    return this.db.kysely
      .selectFrom('users as u')
      .innerJoin('staff_credentials as c', 'c.user_id', 'u.id')
      .leftJoin('login_failures as f', 'f.username', 'u.external_id')
  }

  private selectAccount<O>(query: SelectQueryBuilder<DB & { u: DB['users']; c: DB['staff_credentials']; f: DB['login_failures'] }, 'u' | 'c' | 'f', O>) {
    return query.select([
      'u.id',
      'u.external_id',
      'u.nickname',
      'u.role',
      'u.org_code',
      'u.department',
      'u.disabled_at',
      'u.created_at',
      'c.last_login_at',
      'f.locked_until',
    ])
  }

  async credential(username: string): Promise<Credential | undefined> {
    const row = await this.db.kysely
      .selectFrom('users as u')
      .innerJoin('staff_credentials as c', 'c.user_id', 'u.id')
      .select(['u.id', 'u.external_id', 'u.role', 'u.disabled_at', 'c.password_hash'])
      .where('u.provider', '=', 'password')
      .where('u.external_id', '=', normaliseUsername(username))
      .executeTakeFirst()
    return row && { userId: row.id!, username: row.external_id, role: row.role as Role, passwordHash: row.password_hash, disabled: row.disabled_at !== null }
  }

  async credentialOfUser(userId: string): Promise<Credential | undefined> {
    const row = await this.db.kysely.selectFrom('users').select('external_id').where('id', '=', userId).where('provider', '=', 'password').executeTakeFirst()
    return row === undefined ? undefined : this.credential(row.external_id)
  }

  async getAccount(id: string): Promise<StaffAccount | undefined> {
    const row = await this.selectAccount(this.accounts()).where('u.id', '=', id).where('u.provider', '=', 'password').executeTakeFirst()
    return row && this.toAccount(row as AccountRow)
  }

  /** undefined when the username is taken */
  async createAccount(input: NewAccount): Promise<StaffAccount | undefined> {
    const username = normaliseUsername(input.username)
    const id = randomUUID()
    const at = this.now().toISOString()
    // the unique (provider, external_id) index decides between concurrent creates of one username
    const inserted = await this.db.kysely
      .insertInto('users')
      .values({
        id,
        provider: 'password',
        external_id: username,
        nickname: input.name,
        role: input.role,
        region_code: null,
        created_at: at,
        org_code: input.orgCode,
        department: input.department ?? null,
      })
      .onConflict((oc) => oc.columns(['provider', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return undefined
    await this.db.kysely
      .insertInto('staff_credentials')
      .values({ user_id: id, password_hash: input.passwordHash, password_changed_at: at, created_by: input.createdBy ?? null })
      .execute()
    return this.getAccount(id)
  }

  async listAccounts(query: AccountListQuery): Promise<Page<StaffAccount>> {
    let base = this.accounts().where('u.provider', '=', 'password').where('u.org_code', 'like', orgPrefixPattern(query.org))
    if (query.role) base = base.where('u.role', '=', query.role)
    const q = query.q?.trim()
    if (q) {
      // a case-sensitive substring, as before: instr on SQLite, strpos on PostgreSQL (LIKE differs between them in case)
      const position = this.db.dialect === 'postgres' ? sql.raw('strpos') : sql.raw('instr')
      base = base.where(sql<boolean>`(${position}(u.external_id, ${q.toLowerCase()}) > 0 OR ${position}(u.nickname, ${q}) > 0)`)
    }
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await this.selectAccount(base)
      .orderBy('u.created_at', 'desc')
      .orderBy('u.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute()
    return { items: rows.map((r) => this.toAccount(r as AccountRow)), total, page: query.page, pageSize: query.pageSize }
  }

  /** disabling also ends every session of the account */
  async setDisabled(userId: string, disabled: boolean, by?: string): Promise<void> {
    await this.db.kysely
      .updateTable('users')
      .set({ disabled_at: disabled ? this.now().toISOString() : null, disabled_by: disabled ? (by ?? null) : null })
      .where('id', '=', userId)
      .execute()
    if (disabled) await this.revokeAllSessions(userId)
  }

  /** who disabled a disabled account: an admin's id and organisation; `{}` for the command line (or before 013) */
  async disabledBy(userId: string): Promise<{ id?: string; orgCode?: string } | undefined> {
    const row = await this.db.kysely
      .selectFrom('users as u')
      .leftJoin('users as d', 'd.id', 'u.disabled_by')
      .select(['u.disabled_by', 'd.org_code'])
      .where('u.id', '=', userId)
      .where('u.disabled_at', 'is not', null)
      .executeTakeFirst()
    if (!row) return undefined
    return { ...(row.disabled_by ? { id: row.disabled_by } : {}), ...(row.org_code ? { orgCode: row.org_code } : {}) }
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.kysely
      .updateTable('staff_credentials')
      .set({ password_hash: passwordHash, password_changed_at: this.now().toISOString() })
      .where('user_id', '=', userId)
      .execute()
  }

  async recordLogin(userId: string): Promise<void> {
    await this.db.kysely.updateTable('staff_credentials').set({ last_login_at: this.now().toISOString() }).where('user_id', '=', userId).execute()
  }

  async clearFailures(username: string): Promise<void> {
    await this.db.kysely.deleteFrom('login_failures').where('username', '=', normaliseUsername(username)).execute()
  }

  /** the user's live sessions, most recently used first; `current` is the one with this token */
  async listSessions(userId: string, currentToken: string | undefined): Promise<SessionInfo[]> {
    const currentHash = currentToken ? hashSessionToken(currentToken) : undefined
    const rows = await this.db.kysely
      .selectFrom('sessions')
      .select(['id', 'token_hash', 'created_at', 'last_seen_at', 'expires_at', 'idle_ms', 'device', 'ip'])
      .where('user_id', '=', userId)
      // never-used sessions last on both databases (PostgreSQL sorts NULL first in DESC)
      .orderBy(sql`last_seen_at IS NULL`)
      .orderBy('last_seen_at', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute()
    const now = this.now().getTime()
    return rows
      .filter((r) => Date.parse(sessionEnd(r.expires_at, r.last_seen_at ?? r.created_at, r.idle_ms)) > now)
      .map((r) => ({
        id: r.id!,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at ?? r.created_at,
        device: r.device ?? '未知设备',
        ip: maskIp(r.ip),
        current: r.token_hash === currentHash,
      }))
  }

  /** false when the user has no session with this id */
  async revokeSession(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }

  async revokeToken(token: string): Promise<void> {
    await this.db.kysely.deleteFrom('sessions').where('token_hash', '=', hashSessionToken(token)).execute()
  }

  /** every session of the user, but the one with `keepToken` */
  async revokeAllSessions(userId: string, keepToken?: string): Promise<number> {
    let query = this.db.kysely.deleteFrom('sessions').where('user_id', '=', userId)
    if (keepToken) {
      const keep = hashSessionToken(keepToken)
      query = query.where((eb) => eb.or([eb('token_hash', 'is', null), eb('token_hash', '!=', keep)]))
    }
    const result = await query.executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  /** the answer stored for an earlier request of `userId` with this Idempotency-Key, if any */
  async storedAnswer(userId: string, scope: string, key: string): Promise<StoredAnswer | undefined> {
    const row = await this.db.kysely
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_body'])
      .where('user_id', '=', userId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    return row && { requestHash: row.request_hash, body: JSON.parse(row.response_body) as unknown }
  }

  /**
   * keeps the answer of a request with an Idempotency-Key; false when the key already has one
   * (the primary key decides between concurrent requests: the caller refuses and rolls back)
   */
  async storeAnswer(userId: string, scope: string, key: string, requestHash: string, status: number, body: unknown): Promise<boolean> {
    const inserted = await this.db.kysely
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        scope,
        key,
        request_hash: requestHash,
        response_status: status,
        response_body: JSON.stringify(body),
        created_at: this.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
  }
}
