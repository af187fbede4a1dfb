/**
 * The outbox: writes that must reach the server exactly once, even on a weak network, a stopped
 * server or a crash. A write is stored (Taro storage) with its Idempotency-Key BEFORE it is sent
 * and removed only after the server's answer arrives; anything still stored is sent again, with
 * the same key, on reconnect or the next launch. The server keeps what the first request with a
 * key answered (server/store/idempotency.ts) and replays it, so a write whose answer was lost —
 * the app closed between send and acknowledge — is stored once. Writes that are PUTs of a state
 * (likes, lesson positions) are idempotent by themselves; `coalesce` keeps only the newest
 * unsent one of them.
 */
import type { EndpointKey, Endpoints } from '@common/contract'
import { newIdempotencyKey } from '@/utils/idempotency'
import type { ApiClient } from './client'
import { ApiError } from './errors'
import type { KeyValueStorage } from './kv-storage'

export type WriteKey = {
  [K in EndpointKey]: K extends `POST ${string}` | `PUT ${string}` | `DELETE ${string}` ? K : never
}[EndpointKey]

type Body<K extends EndpointKey> = Endpoints[K] extends { body: infer B } ? B : never
type Res<K extends EndpointKey> = Endpoints[K]['res']

export interface OutboxEntry {
  /** also the Idempotency-Key sent with every attempt */
  id: string
  key: WriteKey
  params?: Record<string, string>
  body?: unknown
  /** what the user sees in 待发送, e.g. 「咨询：高龄津贴怎么申请？」 */
  label: string
  /** the author: their token goes with every attempt, their id decides who may see the entry */
  userId?: string
  token?: string
  createdAt: number
  attempts: number
  /** the last failure, in Chinese */
  lastError?: string
  /** pending: will be sent; failed: the server refused it (shown until the user removes it) */
  state: 'pending' | 'failed'
  /** entries with the same coalesce key replace each other while unsent */
  coalesce?: string
  /** not sent after this (ms since epoch): e.g. a quiz submit after its deadline */
  expiresAt?: number
  /** not sent again before this (ms since epoch): the server's Retry-After after a 429 */
  notBefore?: number
}

/** a 429 without Retry-After: wait this long before the next try */
export const RATE_LIMITED_WAIT_MS = 60_000

export interface SubmitOptions<K extends WriteKey> {
  params?: Record<string, string>
  body?: Body<K>
  label: string
  /** the key of this intent, if the caller already has one (kept across the user's retries) */
  idempotencyKey?: string
  coalesce?: string
  expiresAt?: number
}

export type SubmitOutcome<K extends WriteKey> = { status: 'sent'; id: string; data: Res<K> } | { status: 'queued'; id: string; reason: string }

export interface OutboxOptions {
  storage: KeyValueStorage
  client: () => ApiClient
  /** the signed-in user when a write is made */
  author?: () => { userId?: string; token?: string }
  now?: () => number
  storageKey?: string
}

type Waiter = { resolve: (o: SubmitOutcome<WriteKey>) => void; reject: (e: unknown) => void }
type SentListener = (entry: OutboxEntry, data: unknown) => void

export class Outbox {
  private readonly storage: KeyValueStorage
  private readonly storageKey: string
  private readonly client: () => ApiClient
  private readonly author: () => { userId?: string; token?: string }
  private readonly now: () => number
  private readonly waiters = new Map<string, Waiter>()
  private readonly changeListeners = new Set<(entries: OutboxEntry[]) => void>()
  private readonly sentListeners = new Set<SentListener>()
  private inFlight?: string
  private running?: Promise<void>
  private again = false

  constructor(options: OutboxOptions) {
    this.storage = options.storage
    this.storageKey = options.storageKey ?? 'zct-outbox'
    this.client = options.client
    this.author = options.author ?? (() => ({}))
    this.now = options.now ?? Date.now
  }

  /** every stored entry, oldest first (read from storage each time: the storage is the truth) */
  entries(): OutboxEntry[] {
    try {
      const list = JSON.parse(this.storage.get(this.storageKey) ?? '[]') as OutboxEntry[]
      return Array.isArray(list) ? list : []
    } catch {
      return []
    }
  }

  private write(list: OutboxEntry[]): void {
    if (list.length) this.storage.set(this.storageKey, JSON.stringify(list))
    else this.storage.remove(this.storageKey)
    this.changeListeners.forEach((fn) => fn(list))
  }

  private update(id: string, change: (e: OutboxEntry) => OutboxEntry | undefined): void {
    const list = this.entries()
    const i = list.findIndex((e) => e.id === id)
    if (i < 0) return
    const next = change(list[i])
    if (next) list[i] = next
    else list.splice(i, 1)
    this.write(list)
  }

  /**
   * Stores the write, then sends what is waiting, this one included. Resolves `sent` with the
   * server's answer, or `queued` when the network or the server is away (it goes out later by
   * itself); rejects with the ApiError when the server refuses it (bad input: nothing is kept).
   */
  submit<K extends WriteKey>(key: K, options: SubmitOptions<K>): Promise<SubmitOutcome<K>> {
    const { userId, token } = this.author()
    const entry: OutboxEntry = {
      id: options.idempotencyKey ?? newIdempotencyKey(),
      key,
      params: options.params,
      body: options.body,
      label: options.label,
      userId,
      token,
      createdAt: this.now(),
      attempts: 0,
      state: 'pending',
      coalesce: options.coalesce,
      expiresAt: options.expiresAt,
    }
    const list = this.entries()
    const existing = list.findIndex((e) => e.id === entry.id)
    const same = entry.coalesce ? list.findIndex((e) => e.coalesce === entry.coalesce && e.state === 'pending' && e.id !== this.inFlight) : -1
    if (existing >= 0) {
      // the same intent again (a double tap, a retry): keep the stored one
    } else if (same >= 0) {
      this.waiters.get(list[same].id)?.resolve({ status: 'queued', id: list[same].id, reason: '已被更新的操作代替' })
      this.waiters.delete(list[same].id)
      list[same] = entry
    } else {
      list.push(entry)
    }
    this.write(list)
    const outcome = new Promise<SubmitOutcome<K>>((resolve, reject) => {
      this.waiters.set(entry.id, { resolve: resolve as Waiter['resolve'], reject })
    })
    void this.flush()
    return outcome
  }

  /** sends the pending entries in order, one at a time; stops at the first network failure */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.pass()
      } while (this.again)
    })().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async pass(): Promise<void> {
    for (;;) {
      const now = this.now()
      const entry = this.entries().find((e) => e.state === 'pending' && (e.notBefore === undefined || e.notBefore <= now))
      if (!entry) return
      if (entry.expiresAt !== undefined && this.now() > entry.expiresAt) {
        this.fail(entry, new ApiError('http', 410, 'bad_request', '已超过截止时间，未能提交'))
        continue
      }
      this.inFlight = entry.id
      try {
        const data = await this.client().call(entry.key, {
          params: entry.params,
          body: entry.body as never,
          idempotencyKey: entry.id,
          token: entry.token,
        })
        this.update(entry.id, () => undefined)
        this.sentListeners.forEach((fn) => fn(entry, data))
        this.settle(entry.id, (w) => w.resolve({ status: 'sent', id: entry.id, data }))
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('network', 0, 'network', '网络不给力，请检查网络后重试')
        if (err.status === 429) {
          this.rateLimited(entry, err)
          continue
        }
        if (err.transient) {
          this.update(entry.id, (x) => ({ ...x, attempts: x.attempts + 1, lastError: err.message }))
          // everything still waiting stays queued: it goes out on reconnect
          for (const w of this.entries().filter((x) => x.state === 'pending')) {
            this.settle(w.id, (waiter) => waiter.resolve({ status: 'queued', id: w.id, reason: err.message }))
          }
          return
        }
        this.fail(entry, err)
      } finally {
        this.inFlight = undefined
      }
    }
  }

  /**
   * Too many writes (429): a form that is still open shows the server's message, which says when
   * to try again, and nothing is kept (as for any refusal); a replay stays queued and is not sent
   * again before Retry-After, so the 15 s retry never hammers a limit that lasts an hour.
   */
  private rateLimited(entry: OutboxEntry, err: ApiError): void {
    if (this.waiters.has(entry.id)) {
      this.fail(entry, err)
      return
    }
    const notBefore = this.now() + (err.retryAfterMs ?? RATE_LIMITED_WAIT_MS)
    this.update(entry.id, (x) => ({ ...x, attempts: x.attempts + 1, lastError: err.message, notBefore }))
  }

  /** refused by the server: a form that is still open shows the error and nothing is kept; a replay keeps it as failed for the user to see */
  private fail(entry: OutboxEntry, err: ApiError): void {
    const waiter = this.waiters.get(entry.id)
    if (waiter) this.update(entry.id, () => undefined)
    else this.update(entry.id, (x) => ({ ...x, state: 'failed', attempts: x.attempts + 1, lastError: err.message }))
    this.settle(entry.id, (w) => w.reject(err))
  }

  private settle(id: string, fn: (w: Waiter) => void): void {
    const w = this.waiters.get(id)
    if (!w) return
    this.waiters.delete(id)
    fn(w)
  }

  /** removes an entry the user gave up on (a failed one, or a pending one they no longer want) */
  remove(id: string): void {
    if (id === this.inFlight) return
    this.update(id, () => undefined)
  }

  /** forgets every entry of a user (never one that is being sent) */
  removeUser(userId: string | undefined): void {
    this.write(this.entries().filter((e) => e.id === this.inFlight || e.userId !== userId))
  }

  onChange(fn: (entries: OutboxEntry[]) => void): () => void {
    this.changeListeners.add(fn)
    return () => this.changeListeners.delete(fn)
  }

  /** after a write reached the server (e.g. refresh 我的咨询 when a queued question went out) */
  onSent(fn: SentListener): () => void {
    this.sentListeners.add(fn)
    return () => this.sentListeners.delete(fn)
  }
}
