/**
 * Abuse limits on writes and sign-in: `app.limit(rule)` is a preHandler a route puts in front of
 * its handler, one per rule, so a route can be limited per user and per IP at once:
 *
 *   preHandler: [requireRole(), app.limit(LIMITS.consultationPerUser), app.limit(LIMITS.consultationPerIp)]
 *
 * Counters live in @fastify/rate-limit's store: with REDIS_URL in Redis (server/redis/
 * rate-limit-store.ts), shared by every instance, so N instances refuse at the same count as one;
 * without it in process memory (up to LIMITER_CACHE callers per rule), which is right for ONE
 * instance only. Per-IP rules key IPv6 clients by their /64. A refusal is a 429
 * `{error:{code:'rate_limited', message}}` in Chinese with `Retry-After` in seconds.
 */
import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ApiError } from '../errors'
import { bearerSession } from './auth'
import type { RedisConnections } from '../redis/client'
import { redisRateLimitStore } from '../redis/rate-limit-store'

export interface LimitRule {
  /** counters are per rule: `consultation`, `sms-send` … */
  name: string
  max: number
  windowMs: number
  /**
   * whose counter: the signed-in user (falling back to the IP when anonymous), the IP, or the
   * session — its bearer token's hash, for a route that reads its session with its own first
   * statement (no `request.user` yet when the limit runs; the IP without a token)
   */
  per: 'user' | 'ip' | 'session'
  /** what the user is told, before 「请 N 分钟后再试」 */
  message?: string
}

export interface RateLimitOptions {
  /** false turns every limit off (benchmarks); default on */
  enabled?: boolean
  /** counters shared by every instance (REDIS_URL); without it, in this process */
  redis?: RedisConnections
}

declare module 'fastify' {
  interface FastifyInstance {
    limit: (rule: LimitRule) => preHandlerAsyncHookHandler
  }
}

/** 「请 3 分钟后再试」, in the largest whole unit */
export function retryIn(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000))
  if (s < 60) return `请 ${s} 秒后再试`
  const m = Math.ceil(s / 60)
  if (m < 60) return `请 ${m} 分钟后再试`
  return `请 ${Math.ceil(m / 60)} 小时后再试`
}

export function rateLimited(message: string, retryAfterMs: number): ApiError {
  return new ApiError(429, 'rate_limited', `${message}，${retryIn(retryAfterMs)}`)
}

/**
 * Keys each rule's in-memory store holds before the least recently used is dropped (and its count
 * forgotten). @fastify/rate-limit's default is 5,000: a day-long rule with more active users than
 * that would reset, and an attacker churning addresses could evict a victim's counter on purpose.
 * One entry is ~100 bytes, so 100,000 is ~10 MB per rule at worst.
 */
export const LIMITER_CACHE = 100_000

/** an IPv6 client is its /64 (one subscriber's network hands out 2^64 addresses); IPv4 as is */
export const IPV6_SUBNET = 64

/** the address a per-IP limit counts: IPv4 (and IPv4-mapped IPv6) as is, IPv6 by its /64 */
export function clientKey(ip: string): string {
  return normalizeIP(ip, IPV6_SUBNET)
}

function keyOf(rule: LimitRule, request: FastifyRequest): string {
  if (rule.per === 'user' && request.user) return `${rule.name}:u:${request.user.id}`
  if (rule.per === 'session') {
    // hashed as the store keeps it: a Redis dump does not hold live tokens
    const session = bearerSession(request)
    if (session) return `${rule.name}:s:${session.hash}`
  }
  return `${rule.name}:ip:${clientKey(request.ip)}`
}

/** at the root, before the routes: `app.limit` is called while routes register, after the plugin loaded */
export function setupRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): void {
  const enabled = options.enabled ?? true
  app.register(rateLimit, {
    global: false,
    cache: LIMITER_CACHE,
    ...(options.redis ? { store: redisRateLimitStore(options.redis.client, { cache: LIMITER_CACHE, log: app.log }) } : {}),
    // one counter per rule and caller; the header names are the ones clients know
    hook: 'preHandler',
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
  })
  // One limiter per rule, shared by every route that uses it (sign-in by code and by order count
  // together). Not app.rateLimit(): its handler marks the request and skips every later rule on it,
  // so only the first of several rules on a route ever counted.
  type Check = ReturnType<FastifyInstance['createRateLimit']>
  const limiters = new Map<string, Check>()
  app.decorate('limit', (rule: LimitRule): preHandlerAsyncHookHandler => {
    if (!enabled) return async () => {}
    return async function limited(request, reply) {
      // made on first use: a route may be declared before @fastify/rate-limit has loaded
      let check = limiters.get(rule.name)
      if (!check) {
        // `cache` sizes this rule's own store (LocalStore.child reads it; the typings leave it out)
        const options = { max: rule.max, timeWindow: rule.windowMs, cache: LIMITER_CACHE, keyGenerator: (req: FastifyRequest) => keyOf(rule, req) }
        check = app.createRateLimit(options)
        limiters.set(rule.name, check)
      }
      const result = await check(request)
      if (result.isAllowed || !result.isExceeded) return
      reply.header('retry-after', String(result.ttlInSeconds))
      throw rateLimited(rule.message ?? '操作过于频繁', result.ttl)
    }
  })
}
