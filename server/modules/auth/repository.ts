/**
 * Users and their sessions, on either database. A session is found by the hash of its token (the
 * primary key) joined to its user: one query per request, plus an UPDATE of last-seen at most once
 * a minute per session. The client's token never reaches the database.
 */
import { randomUUID } from 'node:crypto'
import type { Session, User } from '../../../common/contract'
import type { Kysely } from 'kysely'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { Prepared, value } from '../../db/prepared'
import type { SessionInput, UserInput } from './types'
import { deviceSummary } from './device'
import { hashSessionToken, newSessionToken, SESSION_TOUCH_MS, SESSION_TTL_MS, sessionEnd, STAFF_IDLE_MS } from './session-token'

/** organisation names by code (台州市, counties, townships); may be computed on first use */
export type OrgNames = () => ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>

interface UserRow {
  id: string | null
  nickname: string
  role: string
  region_code: string | null
  /** selected where the organisation matters (sessions, getUser) */
  org_code?: string | null
  department?: string | null
}

/** `orgNames` names the organisation (code → name); a code it does not know shows itself */
function userFrom(r: UserRow, orgNames?: ReadonlyMap<string, string>): User {
  return {
    id: r.id!,
    nickname: r.nickname,
    role: r.role as User['role'],
    ...(r.region_code !== null ? { regionCode: r.region_code } : {}),
    ...(r.org_code ? { org: { code: r.org_code, name: orgNames?.get(r.org_code) ?? r.org_code, ...(r.department ? { department: r.department } : {}) } } : {}),
  }
}

/** a session with its user (SESSION_OF_HASH's columns; the quiz submit's read, migration 027, reads the same) */
export interface SessionRow extends UserRow {
  expires_at: string
  last_seen_at: string | null
  idle_ms: number | null
}

// every signed-in request looks its session up: compiled once (server/db/prepared.ts)
const SESSION_OF_HASH = new Prepared((db) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.nickname', 'u.role', 'u.region_code', 'u.org_code', 'u.department', 's.expires_at', 's.last_seen_at', 's.idle_ms'])
    .where('s.token_hash', '=', value(0))
    .where('u.disabled_at', 'is', null),
)

const TOUCH_SESSION = new Prepared((db) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: value(0) })
    .where('token_hash', '=', value(1)),
)

export class AuthRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly orgNames: OrgNames,
  ) {}

  /** the user of this provider and external id, created on first sign-in (an existing one is unchanged) */
  async upsertUser(input: UserInput): Promise<User> {
    const k = this.db.kysely
    await k
      .insertInto('users')
      .values({
        id: randomUUID(),
        provider: input.provider,
        external_id: input.externalId,
        nickname: input.nickname,
        role: input.role,
        region_code: input.regionCode ?? null,
        created_at: this.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['provider', 'external_id']).doNothing())
      .execute()
    const row = await k
      .selectFrom('users')
      .select(['id', 'nickname', 'role', 'region_code'])
      .where('provider', '=', input.provider)
      .where('external_id', '=', input.externalId)
      .executeTakeFirstOrThrow()
    return userFrom(row)
  }

  async getUser(id: string): Promise<User | undefined> {
    const row = await this.db.kysely
      .selectFrom('users')
      .select(['id', 'nickname', 'role', 'region_code', 'org_code', 'department'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && userFrom(row, await this.orgNames())
  }

  /**
   * A resident's session lasts SESSION_TTL_MS; any other role's also ends after STAFF_IDLE_MS
   * unused. A disabled user gets none.
   */
  async createSession(input: SessionInput): Promise<Session> {
    const user = await this.getUser(input.userId)
    if (!user) throw new Error(`createSession: no user ${input.userId}`)
    const token = newSessionToken()
    const now = this.now().toISOString()
    const absolute = new Date(Date.parse(now) + SESSION_TTL_MS).toISOString()
    const idleMs = user.role === 'resident' ? null : STAFF_IDLE_MS
    await this.db.kysely
      .insertInto('sessions')
      .values({
        token_hash: hashSessionToken(token),
        user_id: user.id,
        session_key: input.sessionKey ?? null,
        created_at: now,
        expires_at: absolute,
        id: randomUUID(),
        last_seen_at: now,
        idle_ms: idleMs,
        device: deviceSummary(input.userAgent),
        ip: input.ip ?? null,
      })
      .execute()
    return { token, user, expiresAt: sessionEnd(absolute, now, idleMs) }
  }

  /**
   * The session of a token; undefined when it is unknown, expired (or idle too long) or its user
   * is disabled. A staff session's last-seen is written at most once a minute, which is what keeps
   * it alive. `hash`: the token's, when the caller has it already (plugins/auth.ts, bearerSession).
   */
  async getSession(token: string, hash = hashSessionToken(token)): Promise<Session | undefined> {
    const row = (await SESSION_OF_HASH.run({ db: this.db, executor: this.db.kysely }, [hash])).rows[0]
    return row && this.sessionOf(token, hash, row)
  }

  /**
   * `getSession` from the session's row, read by the caller (SESSION_OF_HASH's columns, for a token
   * of hash `hash`, disabled users left out): the quiz submit on PostgreSQL reads it in its
   * transaction's first round trip. Undefined when expired; the last-seen touch runs on `on` (the
   * caller's transaction, or none).
   */
  async sessionOf(token: string, hash: string, row: SessionRow, on: Kysely<DB> = this.db.kysely): Promise<Session | undefined> {
    const found = await this.sessionWithTouch(token, row)
    if (found?.touch) await TOUCH_SESSION.run({ db: this.db, executor: on }, [found.touch, hash])
    return found?.session
  }

  /**
   * `sessionOf` without its write: the session (undefined when expired) and, when its last-seen is
   * due to be written, the time to write (the batched quiz submit writes it with the batch's one write)
   */
  async sessionWithTouch(token: string, row: SessionRow): Promise<{ session: Session; touch?: string } | undefined> {
    const now = this.now()
    let lastSeen = row.last_seen_at ?? now.toISOString()
    if (Date.parse(sessionEnd(row.expires_at, lastSeen, row.idle_ms)) <= now.getTime()) return undefined
    const touch = now.getTime() - Date.parse(lastSeen) >= SESSION_TOUCH_MS ? now.toISOString() : undefined
    if (touch) lastSeen = touch
    const session = { token, user: userFrom(row, await this.orgNames()), expiresAt: sessionEnd(row.expires_at, lastSeen, row.idle_ms) }
    return touch ? { session, touch } : { session }
  }

  /** the organisation (region code: 市, 县, 乡镇) a staff account acts for (users.org_code) */
  async setUserOrg(userId: string, code: string): Promise<void> {
    await this.db.kysely.updateTable('users').set({ org_code: code }).where('id', '=', userId).execute()
  }

  /** the openid of a user who signed in with WeChat (for msgSecCheck); undefined otherwise */
  async wechatOpenid(userId: string): Promise<string | undefined> {
    const row = await this.db.kysely.selectFrom('users').select('external_id').where('id', '=', userId).where('provider', '=', 'wechat').executeTakeFirst()
    return row?.external_id
  }
}
