/**
 * The read cache behind stale-while-revalidate: GET answers kept in Taro storage, per user
 * (`scope`), capped at `maxBytes` — far under the mini-program's 10 MB storage limit — by
 * evicting the least recently used answers. One index entry lists every answer with its size
 * and last use; each answer is its own storage key, so a read touches one small value.
 */
import type { KeyValueStorage } from './kv-storage'

export interface CachedRead {
  url: string
  scope: string
  savedAt: number
  data: unknown
}

interface IndexEntry {
  /** storage key */
  k: string
  scope: string
  bytes: number
  used: number
}

export interface ReadCacheOptions {
  storage: KeyValueStorage
  /** 2 MB by default: a fifth of WeChat's 10 MB per mini-program */
  maxBytes?: number
  now?: () => number
  prefix?: string
}

/** UTF-8 size of a string (what the storage limits count): CJK text is 3 bytes a character */
export function utf8Bytes(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}

/** FNV-1a, for short storage keys */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

export class ReadCache {
  readonly maxBytes: number
  private readonly storage: KeyValueStorage
  private readonly now: () => number
  private readonly prefix: string
  private index?: IndexEntry[]

  constructor(options: ReadCacheOptions) {
    this.storage = options.storage
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024
    this.now = options.now ?? Date.now
    this.prefix = options.prefix ?? 'zct-cache:'
  }

  private keyOf(scope: string, url: string): string {
    return `${this.prefix}${hash(`${scope} ${url}`)}`
  }

  private entries(): IndexEntry[] {
    if (!this.index) {
      try {
        this.index = JSON.parse(this.storage.get(`${this.prefix}index`) ?? '[]') as IndexEntry[]
      } catch {
        this.index = []
      }
    }
    return this.index
  }

  private saveIndex(): void {
    this.storage.set(`${this.prefix}index`, JSON.stringify(this.entries()))
  }

  get(url: string, scope: string): CachedRead | undefined {
    const k = this.keyOf(scope, url)
    const entry = this.entries().find((e) => e.k === k)
    if (!entry) return undefined
    const raw = this.storage.get(k)
    let value: CachedRead | undefined
    try {
      value = raw ? (JSON.parse(raw) as CachedRead) : undefined
    } catch {
      value = undefined
    }
    if (!value || value.url !== url || value.scope !== scope) {
      this.drop(entry)
      this.saveIndex()
      return undefined
    }
    entry.used = this.now()
    this.saveIndex()
    return value
  }

  set(url: string, scope: string, data: unknown): void {
    const k = this.keyOf(scope, url)
    const text = JSON.stringify({ url, scope, savedAt: this.now(), data } satisfies CachedRead)
    const bytes = utf8Bytes(text) + k.length
    const entries = this.entries()
    const old = entries.find((e) => e.k === k)
    if (old) this.drop(old)
    // one answer may not push out most of the others
    if (bytes > this.maxBytes / 4) {
      this.saveIndex()
      return
    }
    this.evictTo(this.maxBytes - bytes)
    try {
      this.storage.set(k, text)
    } catch {
      // the platform's own limit: make room and give up on this one answer
      this.evictTo(this.maxBytes / 2)
      this.saveIndex()
      return
    }
    entries.push({ k, scope, bytes, used: this.now() })
    this.saveIndex()
  }

  /** forget a user's answers (sign-out, 换人) — or everyone's */
  clear(scope?: string): void {
    for (const e of [...this.entries()]) if (scope === undefined || e.scope === scope) this.drop(e)
    this.saveIndex()
  }

  get bytes(): number {
    return this.entries().reduce((n, e) => n + e.bytes, 0)
  }

  get size(): number {
    return this.entries().length
  }

  private drop(entry: IndexEntry): void {
    this.storage.remove(entry.k)
    const list = this.entries()
    list.splice(list.indexOf(entry), 1)
  }

  /** least recently used first, until the total fits */
  private evictTo(budget: number): void {
    const list = this.entries()
    let total = this.bytes
    if (total <= budget) return
    for (const e of [...list].sort((a, b) => a.used - b.used)) {
      if (total <= budget) break
      total -= e.bytes
      this.drop(e)
    }
  }
}
