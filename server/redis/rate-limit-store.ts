/**
 * @fastify/rate-limit's counters in Redis, so every instance counts against the same limit: a
 * fixed window per key (INCR, and PEXPIRE when the window opens, in one script so no counter is
 * left without expiry), under `${REDIS_PREFIX}rl:<rule>:<u|ip>:<who>`. The key is already unique
 * per rule (plugins/rate-limit.ts), so `child` adds nothing to it — unlike the library's own
 * RedisStore, whose child key would carry the route's method and URL (undefined for
 * createRateLimit).
 *
 * When Redis does not answer, a request is counted in this process instead (the one-instance
 * behaviour): abuse limits keep holding per instance rather than failing every limited route
 * with a 500, or letting everything through.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type Redis from 'ioredis'
import { LRUCache } from 'lru-cache'

const INCR_WINDOW = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return {current, tonumber(ARGV[1])}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`

type WithIncr = Redis & { zctRateIncr(key: string, windowMs: number): Promise<[number, number]> }

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void

export const RATE_LIMIT_KEY = 'rl:'

interface Fallback {
  count: number
  resetAt: number
}

/** a store class for @fastify/rate-limit's `store` option, over one ioredis client */
export function redisRateLimitStore(client: Redis, options: { cache: number; log?: FastifyBaseLogger }): FastifyRateLimitStoreCtor {
  const redis = client as WithIncr
  if (!redis.zctRateIncr) redis.defineCommand('zctRateIncr', { numberOfKeys: 1, lua: INCR_WINDOW })
  const fallback = new LRUCache<string, Fallback>({ max: options.cache })
  let warned = 0

  function local(key: string, windowMs: number) {
    const now = Date.now()
    let entry = fallback.get(key)
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs }
      fallback.set(key, entry)
    }
    entry.count += 1
    return { current: entry.count, ttl: entry.resetAt - now }
  }

  return class RedisCounters implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number) {
      // while the connection is down, count here at once rather than wait for each reconnect
      if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end') return callback(null, local(key, timeWindow))
      redis.zctRateIncr(`${RATE_LIMIT_KEY}${key}`, timeWindow).then(
        ([current, ttl]) => callback(null, { current, ttl }),
        (err: unknown) => {
          if (Date.now() - warned > 60_000) {
            warned = Date.now()
            options.log?.warn({ err }, 'Redis 不可用：频率限制暂按本实例计数')
          }
          callback(null, local(key, timeWindow))
        },
      )
    }

    child(): FastifyRateLimitStore {
      return this
    }
  }
}
