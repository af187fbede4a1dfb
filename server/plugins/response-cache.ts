/**
 * A server-side micro-cache for content reads. A route that answers the same JSON to every caller
 * and changes only with the content opts in with `config: { memo: true }`; its 200 answers are
 * kept, serialised and with their ETag, for PUBLIC_MAX_AGE_SEC — the staleness its
 * Cache-Control already allows every browser and proxy — in a bounded LRU keyed by the URL.
 * A hit skips the store, the serialiser and the hash; conditional requests still get 304.
 * Personal routes never opt in, and a route that does is never given a user's data.
 * RESPONSE_CACHE=0 turns it off (the benchmark reports both).
 */
import type { FastifyInstance } from 'fastify'
import { LRUCache } from 'lru-cache'
import { etagMatches, PUBLIC_MAX_AGE_SEC, weakEtag } from './http-cache'

export interface CachedResponse {
  payload: string
  etag: string
  contentType: string
}

export const RESPONSE_CACHE_ENTRIES = 2000
/** no one answer larger than this is kept (the whole cache stays within a few tens of MB) */
export const RESPONSE_CACHE_MAX_BYTES = 256 * 1024

declare module 'fastify' {
  interface FastifyRequest {
    /** set when this response came from (or went into) the micro-cache: the ETag is known */
    memoEtag?: string
  }
}

export function setupResponseCache(api: FastifyInstance, options: { enabled: boolean; now?: () => number }): void {
  if (!options.enabled) return
  const cache = new LRUCache<string, CachedResponse>({
    max: RESPONSE_CACHE_ENTRIES,
    ttl: PUBLIC_MAX_AGE_SEC * 1000,
    // lru-cache reuses its last reading of the clock for ttlResolution ms of real time; an injected
    // clock (tests) must be read every time
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })
  api.decorateRequest('memoEtag', undefined)

  api.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.memo) return
    const hit = cache.get(request.url)
    if (!hit) return
    request.memoEtag = hit.etag
    reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SEC}`).header('etag', hit.etag)
    if (etagMatches(request.headers['if-none-match'], hit.etag)) return reply.code(304).send()
    return reply.type(hit.contentType).send(hit.payload)
  })

  api.addHook('onSend', async (request, reply, payload) => {
    if (request.memoEtag || request.method !== 'GET' || !request.routeOptions.config.memo) return payload
    if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > RESPONSE_CACHE_MAX_BYTES) return payload
    const etag = weakEtag(payload)
    request.memoEtag = etag
    cache.set(request.url, { payload, etag, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') })
    return payload
  })
}
