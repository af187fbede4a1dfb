/**
 * Abuse limits on writes and sign-in: `app.limit(rule)` is a preHandler a route puts in front of
 * its handler, one per rule, so a route can be limited per user and per IP at once:
 *
 *   preHandler: [requireRole(), app.limit(LIMITS.consultationPerUser), app.limit(LIMITS.consultationPerIp)]
 *
 * Counters live in @fastify/rate-limit's store: in process memory on one instance; the scale-out
 * work hands it a Redis client (`redis` option) so every instance shares them. A refusal is a 429
 * `{error:{code:'rate_limited', message}}` in Chinese with `Retry-After` in seconds.
 */
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ApiError } from '../errors'

export interface LimitRule {
  /** counters are per rule: `consultation`, `sms-send` … */
  name: string
  max: number
  windowMs: number
  /** whose counter: the signed-in user (falling back to the IP when anonymous) or the IP */
  per: 'user' | 'ip'
  /** what the user is told, before 「请 N 分钟后再试」 */
  message?: string
}

export interface RateLimitOptions {
  /** false turns every limit off (benchmarks); default on */
  enabled?: boolean
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

function keyOf(rule: LimitRule, request: FastifyRequest): string {
  if (rule.per === 'user' && request.user) return `${rule.name}:u:${request.user.id}`
  return `${rule.name}:ip:${request.ip}`
}

/** at the root, before the routes: `app.limit` is called while routes register, after the plugin loaded */
export function setupRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): void {
  const enabled = options.enabled ?? true
  app.register(rateLimit, {
    global: false,
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
        check = app.createRateLimit({ max: rule.max, timeWindow: rule.windowMs, keyGenerator: (req) => keyOf(rule, req) })
        limiters.set(rule.name, check)
      }
      const result = await check(request)
      if (result.isAllowed || !result.isExceeded) return
      reply.header('retry-after', String(result.ttlInSeconds))
      throw rateLimited(rule.message ?? '操作过于频繁', result.ttl)
    }
  })
}
