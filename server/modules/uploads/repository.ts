/**
 * Uploaded files: the bytes under `dir` with a random name and the sniffed extension, a row in
 * `uploads` (011_uploads.sql) with who sent it. The file is written and fsynced before its row
 * commits, so a row never names a missing file; a failed row removes the file again.
 * An `Idempotency-Key` (per user) replays the first answer for the same bytes and is refused
 * (StoreConflict) for other bytes.
 *
 * Review M4: each user may store UPLOAD_QUOTA a day (Asia/Shanghai), checked in the insert's own
 * transaction; an upload is public only once attached (a delivered lecture's report sets
 * `attached_at` in the step's transaction), until then only its owner may fetch it; and `sweep`
 * deletes unattached uploads older than UNATTACHED_TTL_MS, rows and files.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { UPLOAD_URL_PREFIX, type UploadResult, type UploadType } from '../../../common/contract'
import { addDays, shanghaiToday } from '../../../common/shanghai-date'
import { StoreConflict } from '../../store/store'
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
const NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/

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
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly quota: { files: number; bytes: number } = UPLOAD_QUOTA,
  ) {
    mkdirSync(dir, { recursive: true })
  }

  async save(userId: string, bytes: Buffer, type: UploadType, idempotencyKey?: string): Promise<{ result: UploadResult; replayed: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (idempotencyKey !== undefined) {
      const earlier = this.db
        .prepare('SELECT name, user_id, type, size, sha256 FROM uploads WHERE user_id = ? AND idempotency_key = ?')
        .get(userId, idempotencyKey) as UploadRow | undefined
      if (earlier) {
        if (earlier.sha256 !== sha256) throw new StoreConflict('idempotency-key-reused')
        return { result: this.resultOf(earlier), replayed: true }
      }
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
    try {
      this.db
        .transaction(() => {
          // checked with the insert, so uploads at once cannot pass the quota together
          this.checkQuota(userId, bytes.length)
          this.db
            .prepare('INSERT INTO uploads (name, user_id, type, size, sha256, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(name, userId, type, bytes.length, sha256, idempotencyKey ?? null, this.now().toISOString())
        })
        .immediate()
    } catch (err) {
      await unlink(path).catch(() => undefined)
      // two requests with one key at once: the first row wins, the second replays it
      if (idempotencyKey !== undefined && /UNIQUE/.test(String(err))) return this.save(userId, bytes, type, idempotencyKey)
      throw err
    }
    return { result: { url: uploadUrl(name), type, size: bytes.length }, replayed: false }
  }

  /** whether `url` is an upload of `userId` (a completion report may only show the caller's own photos) */
  isUploadOf(url: string, userId: string): boolean {
    const name = uploadNameOf(url)
    if (!name) return false
    return this.db.prepare('SELECT 1 FROM uploads WHERE name = ? AND user_id = ?').get(name, userId) !== undefined
  }

  /**
   * UploadQuotaExceeded when `size` more bytes (0: a check before reading a body) would pass the
   * user's quota for today; a replay of an earlier upload never comes here
   */
  checkQuota(userId: string, size = 0): void {
    const now = this.now()
    const today = shanghaiToday(now)
    const since = new Date(`${today}T00:00:00+08:00`).toISOString()
    const used = this.db
      .prepare('SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM uploads WHERE user_id = ? AND created_at >= ?')
      .get(userId, since) as { files: number; bytes: number }
    if (used.files + 1 > this.quota.files || used.bytes + size > this.quota.bytes) {
      throw new UploadQuotaExceeded(Date.parse(`${addDays(today, 1)}T00:00:00+08:00`) - now.getTime())
    }
  }

  /** whether `key` is the Idempotency-Key of an earlier upload of `userId` (its retry replays, quota or not) */
  isReplay(userId: string, key: string): boolean {
    return this.db.prepare('SELECT 1 FROM uploads WHERE user_id = ? AND idempotency_key = ?').get(userId, key) !== undefined
  }

  /** the file behind `name` if `userId` (undefined: anonymous) may fetch it; undefined otherwise, as for an unknown name */
  servedTo(name: string, userId: string | undefined): ServedUpload | undefined {
    if (!NAME.test(name)) return undefined
    const row = this.db.prepare('SELECT user_id, type, size, attached_at FROM uploads WHERE name = ?').get(name) as
      { user_id: string; type: UploadType; size: number; attached_at: string | null } | undefined
    if (!row) return undefined
    const isPublic = row.attached_at !== null
    if (!isPublic && row.user_id !== userId) return undefined
    return { path: join(this.dir, name), type: row.type, size: row.size, public: isPublic }
  }

  /**
   * deletes uploads nothing uses that are older than UNATTACHED_TTL_MS, rows first (one statement,
   * so one attached meanwhile is kept), then their files; returns the names deleted
   */
  async sweep(): Promise<string[]> {
    const before = new Date(this.now().getTime() - UNATTACHED_TTL_MS).toISOString()
    const names = this.db.prepare('DELETE FROM uploads WHERE attached_at IS NULL AND created_at < ? RETURNING name').pluck().all(before) as string[]
    for (const name of names) await unlink(join(this.dir, name)).catch(() => undefined)
    return names
  }

  private resultOf(row: UploadRow): UploadResult {
    return { url: uploadUrl(row.name), type: row.type, size: row.size }
  }
}
