import Taro from '@tarojs/taro'
import { API_PREFIX, type EndpointKey, type Endpoints } from '@common/contract'
import { ApiError, httpError, transportError } from './errors'
import type { ReadCache } from './read-cache'
import { emitRevalidated, noteRead } from './revalidation'
import { takeEmbedded, takePreloaded } from './preload'

type Query<K extends EndpointKey> = Endpoints[K] extends { query: infer Q } ? Q : never
type Body<K extends EndpointKey> = Endpoints[K] extends { body: infer B } ? B : never
type Res<K extends EndpointKey> = Endpoints[K]['res']

export interface CallOptions<K extends EndpointKey> {
  /** values for `:name` segments of the path */
  params?: Record<string, string>
  query?: Query<K>
  body?: Body<K>
  /** sent as `Idempotency-Key` on writes so that a retried write never happens twice */
  idempotencyKey?: string
  /** the bearer token to send instead of the session's (the outbox replays a write as its author) */
  token?: string
  /** GET only: `network` skips the read cache (answers that must be live, such as a quiz attempt) */
  cache?: 'swr' | 'network'
}

interface TransportResult {
  statusCode: number
  data: unknown
  header?: Record<string, string>
}
export type Transport = (req: {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  data?: unknown
  header: Record<string, string>
  timeout: number
  /** `text`: the body as a string (captions), otherwise parsed JSON */
  as?: 'json' | 'text'
}) => Promise<TransportResult>

export interface ApiClientOptions {
  baseUrl: string
  timeoutMs?: number
  /** retries of a GET after a transient failure (network, timeout, 5xx; not a 429, which says when) */
  retries?: number
  backoffMs?: number
  getToken?: () => string | undefined
  onUnauthorized?: () => void
  transport?: Transport
  sleep?: (ms: number) => Promise<void>
  /** GET answers kept for stale-while-revalidate; none: every GET goes to the network */
  cache?: ReadCache
  /** whose cache a GET reads (the signed-in user): personal answers never cross users */
  cacheScope?: () => string
  /** an answer younger than this is served from the cache without asking the server again */
  freshMs?: number
  /** told whether each request reached the server (the offline banner, the outbox's replay) */
  onReachable?: (reachable: boolean) => void
  now?: () => number
}

const taroTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    Taro.request({
      url: req.url,
      method: req.method,
      data: req.data as Record<string, unknown> | undefined,
      header: req.header,
      timeout: req.timeout,
      dataType: req.as === 'text' ? 'text' : 'json',
      responseType: 'text',
      success: (r) => resolve({ statusCode: r.statusCode, data: r.data, header: r.header as Record<string, string> }),
      fail: (e) => reject(transportError(e?.errMsg)),
    })
  })

function toQueryString(query: object | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path param ${name} for ${path}`)
    return encodeURIComponent(value)
  })
}

/** The one client of the content API: typed by the contract's Endpoints. */
export class ApiClient {
  private readonly opts: Required<Omit<ApiClientOptions, 'getToken' | 'onUnauthorized' | 'cache' | 'cacheScope' | 'onReachable'>> &
    Pick<ApiClientOptions, 'getToken' | 'onUnauthorized' | 'cache' | 'cacheScope' | 'onReachable'>
  private readonly revalidating = new Map<string, Promise<void>>()
  /** when this client last changed something on the server: older cached answers are asked again first */
  private lastWriteAt = Number.NEGATIVE_INFINITY

  constructor(options: ApiClientOptions) {
    this.opts = {
      timeoutMs: 10000,
      retries: 2,
      backoffMs: 400,
      transport: taroTransport,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      freshMs: 30000,
      now: Date.now,
      ...options,
    }
  }

  /** Absolute URL of a server-relative resource such as `/media/covers/i001.jpg`. */
  resolveUrl(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.opts.baseUrl}${path}`
  }

  /** the method and the URL a call of `key` goes to */
  private target<K extends EndpointKey>(key: K, options: CallOptions<K>): { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string } {
    const space = key.indexOf(' ')
    const method = key.slice(0, space) as 'GET' | 'POST' | 'PUT' | 'DELETE'
    const path = fillPath(key.slice(space + 1), options.params)
    return { method, url: `${this.opts.baseUrl}${API_PREFIX}${path}${method === 'GET' ? toQueryString(options.query as object | undefined) : ''}` }
  }

  /**
   * H5: the answer to this GET that came with the page's HTML (a server-drawn first screen), at
   * once and only once; undefined otherwise (src/api/preload.ts takeEmbedded). For a page's first
   * render: `useRequest(load, deps, { initial: () => api.embedded(…the same call…) })`.
   */
  embedded<K extends EndpointKey>(key: K, options: CallOptions<K> = {}): Res<K> | undefined {
    const { method, url } = this.target(key, options)
    return method === 'GET' ? (takeEmbedded(url) as Res<K> | undefined) : undefined
  }

  async call<K extends EndpointKey>(key: K, options: CallOptions<K> = {}): Promise<Res<K>> {
    const { method, url } = this.target(key, options)
    const header: Record<string, string> = { Accept: 'application/json' }
    if (method !== 'GET') header['Content-Type'] = 'application/json'
    const token = options.token ?? this.opts.getToken?.()
    if (token) header.Authorization = `Bearer ${token}`
    if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey
    // before any await: a hook's loader is tracked only while it starts
    if (method === 'GET') noteRead(url)

    if (method === 'GET') {
      const preloaded = await takePreloaded(url)
      if (preloaded != null) return preloaded as Res<K>
    }

    // a write always carries a JSON body: WeChat sends content-type json anyway, and the server
    // refuses an empty JSON body
    const data = method === 'GET' ? undefined : (options.body ?? {})
    const req = { url, method, header, timeout: this.opts.timeoutMs, data }
    if (method !== 'GET') {
      const res = await this.send<Res<K>>(req)
      this.lastWriteAt = this.opts.now()
      return res
    }
    if (!this.opts.cache || options.cache === 'network') return this.send<Res<K>>(req)
    return this.cachedGet<Res<K>>(req)
  }

  /**
   * Stale-while-revalidate: a fresh cached answer is served as is; a stale one is served at once
   * while the server is asked again in the background (hooks that showed it load again when the
   * answer changed); without one, the network answers and is kept.
   */
  private async cachedGet<T>(req: Parameters<Transport>[0]): Promise<T> {
    const cache = this.opts.cache!
    const scope = this.opts.cacheScope?.() ?? ''
    const hit = cache.get(req.url, scope)
    if (hit && hit.savedAt <= this.lastWriteAt) {
      // kept before the user's own write (a new question, a like): ask first, fall back offline
      try {
        const data = await this.send<T>(req)
        cache.set(req.url, scope, data)
        return data
      } catch (e) {
        if (e instanceof ApiError && e.transient) return hit.data as T
        throw e
      }
    }
    if (hit) {
      if (this.opts.now() - hit.savedAt >= this.opts.freshMs) void this.revalidate(req, scope, hit.data)
      return hit.data as T
    }
    const data = await this.send<T>(req)
    cache.set(req.url, scope, data)
    return data
  }

  private revalidate(req: Parameters<Transport>[0], scope: string, shown: unknown): Promise<void> {
    const running = this.revalidating.get(req.url)
    if (running) return running
    const job = this.send<unknown>(req)
      .then((data) => {
        this.opts.cache!.set(req.url, scope, data)
        if (JSON.stringify(data) !== JSON.stringify(shown)) emitRevalidated(req.url)
      })
      // offline: the stale answer stays, the banner says why
      .catch(() => undefined)
      .finally(() => this.revalidating.delete(req.url))
    this.revalidating.set(req.url, job)
    return job
  }

  /** A text resource of the server, such as a caption file (`/media/captions/v001.vtt`), with GET retries. */
  getText(path: string): Promise<string> {
    return this.send<string>({ url: this.resolveUrl(path), method: 'GET', header: {}, timeout: this.opts.timeoutMs, as: 'text' })
  }

  private async send<T>(req: Parameters<Transport>[0]): Promise<T> {
    const attempts = req.method === 'GET' ? this.opts.retries + 1 : 1
    let lastError: ApiError | undefined
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await this.opts.sleep(this.opts.backoffMs * 2 ** (attempt - 1))
      try {
        const res = await this.opts.transport(req)
        this.opts.onReachable?.(true)
        if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
        const err = httpError(res.statusCode, res.data, res.header)
        if (res.statusCode === 401) this.opts.onUnauthorized?.()
        if (!err.transient || err.status === 429) throw err
        lastError = err
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        if (e.kind !== 'http') this.opts.onReachable?.(false)
        // a 429 says when to come back: asking again at once would only be refused again
        if (!e.transient || e.status === 429) throw e
        lastError = e
      }
    }
    throw lastError ?? transportError(undefined)
  }
}
