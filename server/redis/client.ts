/**
 * Redis, when REDIS_URL is set: one command connection per app (rate-limit counters, leaderboards,
 * publishing cache invalidations) and, on first use, one subscriber connection (a connection in
 * subscribe mode can run nothing else). Every key is prefixed with REDIS_PREFIX (default `zct:`)
 * by ioredis itself, so deployments and test runs sharing one Redis never see each other's keys;
 * channel names are not keys and take the prefix by hand (`channel('cache')`).
 *
 * Without REDIS_URL none of this is made and every feature keeps its one-instance behaviour.
 */
import Redis, { type RedisOptions } from 'ioredis'

export const DEFAULT_REDIS_PREFIX = 'zct:'

export interface RedisConfig {
  url: string
  /** prepended to every key and channel; ends in `:` by convention */
  prefix: string
}

export interface RedisConnections {
  readonly prefix: string
  /** commands; keys passed to it are prefixed automatically */
  readonly client: Redis
  /** a second connection for SUBSCRIBE, made on first call */
  subscriber(): Redis
  /** a channel name under this deployment's prefix */
  channel(name: string): string
  close(): Promise<void>
}

function options(prefix: string): RedisOptions {
  return {
    keyPrefix: prefix,
    lazyConnect: true,
    // a request waits for at most one reconnect, not ioredis's default twenty: a limit or a board
    // read fails fast (and the caller falls back or refuses) instead of hanging the request
    maxRetriesPerRequest: 1,
    connectTimeout: 10_000,
  }
}

/**
 * `onError` hears connection errors (ioredis reconnects by itself; without a listener it prints
 * "Unhandled error event"), at most one a minute per connection.
 */
export function createRedis(config: RedisConfig, onError: (err: Error) => void = () => {}): RedisConnections {
  const quiet = (redis: Redis) => {
    let last = 0
    redis.on('error', (err: Error) => {
      if (Date.now() - last < 60_000) return
      last = Date.now()
      onError(err)
    })
    return redis
  }
  const client = quiet(new Redis(config.url, options(config.prefix)))
  let subscriber: Redis | undefined
  return {
    prefix: config.prefix,
    client,
    subscriber() {
      // subscribe mode: keyPrefix does not apply to channels, and a lost connection resubscribes
      subscriber ??= quiet(new Redis(config.url, { ...options(''), maxRetriesPerRequest: null }))
      return subscriber
    },
    channel: (name) => `${config.prefix}${name}`,
    async close() {
      await Promise.all(
        [client, subscriber].map(async (c) => {
          if (!c || c.status === 'end') return
          // not connected (never, or reconnecting): QUIT would wait for a connection
          if (c.status !== 'ready') return c.disconnect()
          await c.quit().catch(() => c.disconnect())
        }),
      )
    },
  }
}

/** every key under a prefix, deleted with SCAN (never KEYS): for tests and `npm run test:cluster` */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const raw = new Redis(url, { lazyConnect: true })
  try {
    let cursor = '0'
    let deleted = 0
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000)
      cursor = next
      if (keys.length) deleted += await raw.unlink(...keys)
    } while (cursor !== '0')
    return deleted
  } finally {
    raw.disconnect()
  }
}
