/**
 * Uploaded files: the bytes under `dir` with a random name and the sniffed extension, a row in
 * `uploads` (011_uploads.sql) with who sent it. The file is written and fsynced before its row
 * commits, so a row never names a missing file; a failed row removes the file again.
 * An `Idempotency-Key` (per user) replays the first answer for the same bytes and is refused
 * (StoreConflict) for other bytes.
 *
 * Review M4: each user may store UPLOAD_QUOTA a day (Asia/Shanghai), checked in the insert's own
 * transaction; an upload is public only once attached (a delivered lecture's report, or a
 * published console item, sets `attached_at` in the step's transaction), until then only its
 * owner may fetch it, and staff whose organisation covers a console item that uses it
 * (`editorial_uploads`, 018); and `sweep` deletes uploads older than UNATTACHED_TTL_MS that
 * nothing uses, rows and files.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { type Db, forUpdate } from '../../db/database'
import type { Role } from '../../../common/contract'
import { orgCovers } from '../auth/org-scope'
import type { DB } from '../../db/schema'
import { isUniqueViolation } from '../../db/unique-violation'
import { UPLOAD_URL_PREFIX, type UploadResult, type UploadType } from '../../../common/contract'
import { addDays, shanghaiToday } from '../../../common/shanghai-date'
import { StoreConflict } from '../../db/conflict'
import { EXTENSION } from './sniff'

/** what one user may upload in an Asia/Shanghai day: a lecturer's report takes nine photos */
export const UPLOAD_QUOTA = { files: 500, bytes: 200 * 1024 * 1024 }
/** an upload nothing uses is deleted after this */
export const UNATTACHED_TTL_MS = 24 * 3600_000

/** the day's quota is used up; the next day starts in retryAfterMs */
export class UploadQuotaExceeded extends Error {
  constructor(readonly retryAfterMs: number) {
    super('upload quota exceeded')
    this.name = 'UploadQuotaExceeded'
  }
}

export interface ServedUpload {
  path: string
  type: UploadType
  size: number
  /** attached to something others see: anyone may fetch it; otherwise only its owner */
  public: boolean
}

/** 32 hex characters and the extension: nothing a caller can choose, nothing with a slash */
const NAME = /^[0-9a-f]{32}\.(jpg|png|webp|pdf|mp4|vtt)$/

/** who asks for an upload: undefined when anonymous */
export interface UploadViewer {
  id: string
  role: Role
  orgCode?: string
}

/** the console's staff, who see the pictures of the items their organisation covers */
const ITEM_VIEWERS: readonly Role[] = ['editor', 'reviewer', 'admin']

interface UploadRow {
  name: string
  user_id: string
  type: UploadType
  size: number
  sha256: string
}

export function uploadUrl(name: string): string {
  return `${UPLOAD_URL_PREFIX}${name}`
}

/** the stored name of `/media/uploads/<name>`, or undefined for any other string */
export function uploadNameOf(url: string): string | undefined {
  if (!url.startsWith(UPLOAD_URL_PREFIX)) return undefined
  const name = url.slice(UPLOAD_URL_PREFIX.length)
  return NAME.test(name) ? name : undefined
}

export class UploadRepository {
  constructor(
    /** where the files are (DATA_DIR/uploads) */
    readonly dir: string,
    private readonly db: Pick<Db, 'dialect' | 'kysely'>,
    private readonly now: () => Date = () => new Date(),
    private readonly quota: { files: number; bytes: number } = UPLOAD_QUOTA,
  ) {
    mkdirSync(dir, { recursive: true })
  }

  private async earlier(userId: string, key: string, trx: Kysely<DB> = this.db.kysely): Promise<UploadRow | undefined> {
    const row = await trx
      .selectFrom('uploads')
      .select(['name', 'user_id', 'type', 'size', 'sha256'])
      .where('user_id', '=', userId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()
    return row as UploadRow | undefined
  }

  private replayOf(earlier: UploadRow, sha256: string): { result: UploadResult; replayed: boolean } {
    if (earlier.sha256 !== sha256) throw new StoreConflict('idempotency-key-reused')
    return { result: this.resultOf(earlier), replayed: true }
  }

  async save(userId: string, bytes: Buffer, type: UploadType, idempotencyKey?: string): Promise<{ result: UploadResult; replayed: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (idempotencyKey !== undefined) {
      const earlier = await this.earlier(userId, idempotencyKey)
      if (earlier) return this.replayOf(earlier, sha256)
    }
    const name = `${randomBytes(16).toString('hex')}.${EXTENSION[type]}`
    const path = join(this.dir, name)
    // 'wx': never over an existing file; fsync: the bytes are on disk before the row says so
    const file = await open(path, 'wx')
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    let replay: { result: UploadResult; replayed: boolean } | undefined
    try {
      replay = await this.db.kysely.transaction().execute(async (trx) => {
        // the user's row is locked until the insert commits (PostgreSQL; SQLite's transaction holds
        // the only connection), so the user's uploads at once count one after another: parallel
        // uploads cannot pass the quota together, nor two with one key both be stored
        await forUpdate(this.db, trx.selectFrom('users').select('id').where('id', '=', userId)).execute()
        if (idempotencyKey !== undefined) {
          const earlier = await this.earlier(userId, idempotencyKey, trx)
          if (earlier) return this.replayOf(earlier, sha256)
        }
        await this.checkQuota(userId, bytes.length, trx)
        await trx
          .insertInto('uploads')
          .values({ name, user_id: userId, type, size: bytes.length, sha256, idempotency_key: idempotencyKey ?? null, created_at: this.now().toISOString() })
          .execute()
        return undefined
      })
    } catch (err) {
      await unlink(path).catch(() => undefined)
      // two requests with one key at once: the first row wins, the second replays it
      if (idempotencyKey !== undefined && isUniqueViolation(err)) return this.save(userId, bytes, type, idempotencyKey)
      throw err
    }
    if (replay) {
      await unlink(path).catch(() => undefined)
      return replay
    }
    return { result: { url: uploadUrl(name), type, size: bytes.length }, replayed: false }
  }

  /** whether `url` is an upload of `userId` (a completion report may only show the caller's own photos) */
  async isUploadOf(url: string, userId: string): Promise<boolean> {
    return (await this.uploadsOf([url], userId)).has(url)
  }

  /** those of `urls` that are uploads of `userId` */
  async uploadsOf(urls: readonly string[], userId: string): Promise<Set<string>> {
    const byName = new Map<string, string>()
    for (const url of urls) {
      const name = uploadNameOf(url)
      if (name) byName.set(name, url)
    }
    if (byName.size === 0) return new Set()
    const rows = await this.db.kysely
      .selectFrom('uploads')
      .select('name')
      .where('name', 'in', [...byName.keys()])
      .where('user_id', '=', userId)
      .execute()
    return new Set(rows.map((r) => byName.get(r.name!)!))
  }

  /**
   * UploadQuotaExceeded when `size` more bytes (0: a check before reading a body) would pass the
   * user's quota for today; a replay of an earlier upload never comes here
   */
  async checkQuota(userId: string, size = 0, trx: Kysely<DB> = this.db.kysely): Promise<void> {
    const now = this.now()
    const today = shanghaiToday(now)
    const since = new Date(`${today}T00:00:00+08:00`).toISOString()
    const used = await trx
      .selectFrom('uploads')
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes')])
      .where('user_id', '=', userId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow()
    if (Number(used.files) + 1 > this.quota.files || Number(used.bytes) + size > this.quota.bytes) {
      throw new UploadQuotaExceeded(Date.parse(`${addDays(today, 1)}T00:00:00+08:00`) - now.getTime())
    }
  }

  /** whether `key` is the Idempotency-Key of an earlier upload of `userId` (its retry replays, quota or not) */
  async isReplay(userId: string, key: string): Promise<boolean> {
    return (await this.earlier(userId, key)) !== undefined
  }

  /** the file behind `name` if `viewer` (undefined: anonymous) may fetch it; undefined otherwise, as for an unknown name */
  async servedTo(name: string, viewer: UploadViewer | undefined): Promise<ServedUpload | undefined> {
    if (!NAME.test(name)) return undefined
    const row = await this.db.kysely.selectFrom('uploads').select(['user_id', 'type', 'size', 'attached_at']).where('name', '=', name).executeTakeFirst()
    if (!row) return undefined
    const isPublic = row.attached_at !== null
    if (!isPublic && row.user_id !== viewer?.id && !(await this.usedOnItemOf(name, viewer))) return undefined
    return { path: join(this.dir, name), type: row.type as UploadType, size: row.size, public: isPublic }
  }

  /** whether a console item of the viewer's organisation (or below) uses `name` */
  private async usedOnItemOf(name: string, viewer: UploadViewer | undefined): Promise<boolean> {
    const orgCode = viewer?.orgCode
    if (!orgCode || !ITEM_VIEWERS.includes(viewer.role)) return false
    const items = await this.db.kysely
      .selectFrom('editorial_uploads as u')
      .innerJoin('editorial_items as i', 'i.id', 'u.item_id')
      .select('i.org_code')
      .where('u.name', '=', name)
      .execute()
    return items.some((i) => orgCovers(orgCode, i.org_code))
  }

  /**
   * deletes uploads nothing uses (no lecture report, no console item's draft) that are older than
   * UNATTACHED_TTL_MS, rows first (one statement, so one attached meanwhile is kept), then their
   * files; returns the names deleted
   */
  async sweep(): Promise<string[]> {
    const before = new Date(this.now().getTime() - UNATTACHED_TTL_MS).toISOString()
    const rows = await this.db.kysely
      .deleteFrom('uploads')
      .where('attached_at', 'is', null)
      .where('created_at', '<', before)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('editorial_uploads as e').select('e.name').whereRef('e.name', '=', 'uploads.name'))))
      .returning('name')
      .execute()
    const names = rows.map((r) => r.name!)
    for (const name of names) await unlink(join(this.dir, name)).catch(() => undefined)
    return names
  }

  private resultOf(row: UploadRow): UploadResult {
    return { url: uploadUrl(row.name), type: row.type, size: row.size }
  }
}
