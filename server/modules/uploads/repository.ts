/**
 * Uploaded files: the bytes under `dir` with a random name and the sniffed extension, a row in
 * `uploads` (011_uploads.sql) with who sent it. The file is written and fsynced before its row
 * commits, so a row never names a missing file; a failed row removes the file again.
 * An `Idempotency-Key` (per user) replays the first answer for the same bytes and is refused
 * (StoreConflict) for other bytes.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { UPLOAD_URL_PREFIX, type UploadResult, type UploadType } from '../../../src/contract'
import { StoreConflict } from '../../store/store'
import { EXTENSION } from './sniff'

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
        .prepare('INSERT INTO uploads (name, user_id, type, size, sha256, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(name, userId, type, bytes.length, sha256, idempotencyKey ?? null, this.now().toISOString())
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

  private resultOf(row: UploadRow): UploadResult {
    return { url: uploadUrl(row.name), type: row.type, size: row.size }
  }
}
