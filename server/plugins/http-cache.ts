/**
 * ETag + Cache-Control for API reads, and 304 for a matching If-None-Match. The ETag is a weak
 * hash of the serialised body, so it changes exactly when the content does. (A dozen lines
 * instead of @fastify/etag: we also need the per-route Cache-Control policy here.)
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export const PUBLIC_MAX_AGE_SEC = 60

export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`
}

/** RFC 9110 weak comparison against a list like `W/"a", "b"` or `*` */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

function cachePolicy(request: FastifyRequest, reply: FastifyReply): string {
  const policy = request.routeOptions.config.cache ?? 'public'
  if (policy === 'per-user') reply.header('vary', 'Authorization')
  if (policy === 'no-store' || (policy === 'per-user' && request.user)) return 'no-store'
  return `public, max-age=${PUBLIC_MAX_AGE_SEC}`
}

export function setupHttpCache(api: FastifyInstance): void {
  api.addHook('onSend', async (request, reply, payload) => {
    // a 304 straight from the micro-cache (response-cache.ts) has its headers already
    if (request.memoEtag && reply.statusCode === 304) return payload
    const isRead = request.method === 'GET' || request.method === 'HEAD'
    if (!isRead || reply.statusCode !== 200) {
      reply.header('cache-control', 'no-store')
      return payload
    }
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    reply.header('cache-control', cachePolicy(request, reply))
    const etag = request.memoEtag ?? weakEtag(payload)
    reply.header('etag', etag)
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      return null
    }
    return payload
  })
}
