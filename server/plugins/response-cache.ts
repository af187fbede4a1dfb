/**
 * A server-side micro-cache for content reads. A route that answers the same JSON to every caller
 * and changes only with the content opts in with `config: { memo: true }`; its 200 answers are
 * kept, serialised and with their ETag, for PUBLIC_MAX_AGE_SEC — the staleness its
 * Cache-Control already allows every browser and proxy — in a bounded LRU keyed by the URL.
 * A hit skips the store, the serialiser and the hash; conditional requests still get 304.
 * Personal routes never opt in, and a route that does is never given a user's data.
 * RESPONSE_CACHE=0 turns it off (the benchmark reports both).
 *
 * A write that changes what such a route answers drops the entries at once instead of leaving
 * them stale for the max-age: its route names the paths it changes (`config: { invalidates:
 * ['/videos'] }`, prefixes under the API prefix; CONTENT_WRITES lists the routes that predate the
 * option), or code calls `api.invalidateMemo(paths)`. The entries go before the write's answer is
 * sent, so the writer's next read is fresh. With Redis (REDIS_URL) the paths are also published on
 * `${REDIS_PREFIX}cache` and every instance, subscribed on its own connection, drops the same
 * entries (within milliseconds); when that connection comes back after a loss, the instance
 * drops everything, since it may have missed messages. An answer read before an invalidation and
 * finished after it is not kept (a generation count), so a slow read cannot put stale data back.
 */
import type { FastifyInstance } from 'fastify'
import { LRUCache } from 'lru-cache'
import type { RedisConnections } from '../redis/client'
import { etagMatches, PUBLIC_MAX_AGE_SEC, weakEtag } from './http-cache'

export interface CachedResponse {
  payload: string
  etag: string
  contentType: string
}

export const RESPONSE_CACHE_ENTRIES = 2000
/** no one answer larger than this is kept (the whole cache stays within a few tens of MB) */
export const RESPONSE_CACHE_MAX_BYTES = 256 * 1024

/**
 * Writes of routes that predate `config.invalidates`, by method and path under the API prefix:
 * a like changes the count every video read shows. (Views are left to the max-age: they change
 * with every play, and a minute-old count is what browsers may show anyway.)
 */
export const CONTENT_WRITES: Readonly<Record<string, readonly string[]>> = {
  'PUT /videos/:id/like': ['/videos'],
}

/** the channel, under the Redis prefix, on which instances tell each other what to drop */
export const INVALIDATION_CHANNEL = 'cache'

declare module 'fastify' {
  interface FastifyRequest {
    /** set when this response came from (or went into) the micro-cache: the ETag is known */
    memoEtag?: string
    /** the invalidation count when this request began (a read that saw older data is not kept) */
    memoGeneration?: number
  }
  interface FastifyInstance {
    /** drops the micro-cache's answers under these paths (relative to the API prefix), on every instance */
    invalidateMemo(paths: readonly string[]): void
    /**
     * `listener` hears every drop on this instance, its own and those another instance published
     * ('/' when everything went): what else is built from the content (the Q&A index) follows it
     */
    onMemoDropped(listener: (paths: readonly string[]) => void): void
  }
  interface FastifyContextConfig {
    /** a successful write of this route changes the answers under these paths (relative to the API prefix) */
    invalidates?: readonly string[]
  }
}

export interface ResponseCacheOptions {
  enabled: boolean
  now?: () => number
  /** invalidations shared with every other instance (REDIS_URL) */
  redis?: RedisConnections
}

export function setupResponseCache(api: FastifyInstance, options: ResponseCacheOptions): void {
  const listeners: ((paths: readonly string[]) => void)[] = []
  api.decorate('onMemoDropped', (listener: (paths: readonly string[]) => void) => {
    listeners.push(listener)
  })
  const told = (paths: readonly string[]) => {
    for (const listener of listeners) listener(paths)
  }
  const prefix = api.prefix
  // a successful write drops what its route says it changes (also without the cache: the listeners)
  api.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return payload
    const route = request.routeOptions
    const paths = route.config.invalidates ?? CONTENT_WRITES[`${request.method} ${route.url?.slice(prefix.length) ?? ''}`]
    if (paths) api.invalidateMemo(paths)
    return payload
  })
  if (!options.enabled) {
    api.decorate('invalidateMemo', told)
    return
  }
  const cache = new LRUCache<string, CachedResponse>({
    max: RESPONSE_CACHE_ENTRIES,
    ttl: PUBLIC_MAX_AGE_SEC * 1000,
    // lru-cache reuses its last reading of the clock for ttlResolution ms of real time; an injected
    // clock (tests) must be read every time
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })
  api.decorateRequest('memoEtag', undefined)
  api.decorateRequest('memoGeneration', undefined)
  let generation = 0

  const drop = (paths: readonly string[]) => {
    generation += 1
    const full = paths.map((p) => `${prefix}${p}`)
    for (const key of cache.keys()) if (full.some((p) => key.startsWith(p))) cache.delete(key)
    told(paths)
  }

  const redis = options.redis
  const channel = redis?.channel(INVALIDATION_CHANNEL)
  api.decorate('invalidateMemo', (paths: readonly string[]) => {
    if (!paths.length) return
    drop(paths)
    if (redis && channel) {
      redis.client.publish(channel, JSON.stringify(paths)).catch((err: unknown) => api.log.warn({ err }, '缓存失效消息未能发出：其他实例的缓存将按有效期过期'))
    }
  })

  if (redis && channel) {
    const subscriber = redis.subscriber()
    let lost = false
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return
      try {
        const paths: unknown = JSON.parse(message)
        if (Array.isArray(paths) && paths.every((p) => typeof p === 'string')) drop(paths)
      } catch {
        // not ours
      }
    })
    subscriber.on('close', () => {
      lost = true
    })
    subscriber.on('ready', () => {
      // back after a loss: whatever was published meanwhile is gone, so forget everything
      if (lost) {
        generation += 1
        cache.clear()
        told(['/'])
      }
      lost = false
    })
    const subscribed = subscriber.subscribe(channel).catch((err: unknown) => api.log.warn({ err }, '未能订阅缓存失效消息：本实例的缓存将按有效期过期'))
    // listen only once subscribed, but never hang a start on a Redis that does not answer
    api.addHook('onReady', async () => {
      await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())])
    })
  }

  api.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.memo) return
    request.memoGeneration = generation
    const hit = cache.get(request.url)
    if (!hit) return
    request.memoEtag = hit.etag
    reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SEC}`).header('etag', hit.etag)
    if (etagMatches(request.headers['if-none-match'], hit.etag)) return reply.code(304).send()
    return reply.type(hit.contentType).send(hit.payload)
  })

  api.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload
    if (request.memoEtag || request.method !== 'GET' || !request.routeOptions.config.memo) return payload
    if (request.memoGeneration !== generation) return payload
    if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > RESPONSE_CACHE_MAX_BYTES) return payload
    const etag = weakEtag(payload)
    request.memoEtag = etag
    cache.set(request.url, { payload, etag, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') })
    return payload
  })
}
