/**
 * `npm run serve`: the content API (and the H5 build, and mock/media) on one port.
 *
 *   PORT=8080 HOST=127.0.0.1 DATA_DIR=./data STATIC_DIR=dist/h5 ADMIN_DIR=dist/admin MEDIA_DIR=mock/media
 *   API_MODE=sqlite|mock (or --mock)  MOCK_LATENCY_MS=0 MOCK_ERROR_RATE=0
 *   WECHAT_APPID / WECHAT_SECRET      ALLOW_DEV_LOGIN=0|1 (unset: on only with --demo / DEMO=1; loopback HOST only, never with TRUST_PROXY or NODE_ENV=production)
 *   TRUST_PROXY=1 (hops) or 127.0.0.1,10.0.0.0/8 (the reverse proxy in front; unset: X-Forwarded-For is ignored)
 *   RATE_LIMIT=0 (benchmarks only)    REQUEST_TIMEOUT_MS=30000 HEADERS_TIMEOUT_MS=15000
 *   LOG_LEVEL=info  RESPONSE_CACHE=1 (0: no server-side cache of content reads)
 *   HSTS=0 (1: Strict-Transport-Security, when served over HTTPS)
 *   DATABASE_URL=postgres://… (PostgreSQL instead of DATA_DIR's SQLite file; the schema is made on first start)
 *   REDIS_URL=redis://127.0.0.1:6379 REDIS_PREFIX=zct: (limits, leaderboards, cache invalidation shared by every instance)
 *   WORKERS=1 (N: N processes on one port via node:cluster, see cluster.ts; not in mock mode)
 */
import cluster from 'node:cluster'
import { join } from 'node:path'
import { fixtures } from '../mock/fixtures'
import { buildApp } from './app'
import { runPrimary } from './cluster'
import { ConfigError, readConfig, type ServerConfig, workersOf } from './config'
import { openStore } from './store/open-store'
import { devClockNow } from './modules/consultation-desk/dev-clock'

/** the database of this configuration, its schema made or updated and seeded when empty */
export function openConfiguredStore(config: ServerConfig) {
  // where dev login is on (never in production), e2e may move the clock: POST /dev/clock
  const clock = config.devLogin ? { now: devClockNow } : {}
  if (config.databaseUrl) return openStore({ kind: 'postgres', fixtures, databaseUrl: config.databaseUrl, ...clock })
  return openStore({ kind: config.mode === 'mock' ? 'memory' : 'sqlite', fixtures, dataDir: config.dataDir, ...clock })
}

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2))
  const workers = workersOf(process.env, process.argv.slice(2))
  if (workers > 1 && cluster.isPrimary) {
    // the primary makes the schema and the seed once, so N workers do not race to do it
    await (await openConfiguredStore(config)).close()
    return runPrimary(workers)
  }
  const store = await openConfiguredStore(config)
  const app = buildApp({
    store,
    mode: config.mode,
    faults: config.faults,
    staticDir: config.staticDir,
    adminDir: config.adminDir,
    mediaDir: config.mediaDir,
    wechat: config.wechat,
    devLogin: config.devLogin,
    lectureLeadDays: config.lectureLeadDays,
    identity: config.identity,
    rateLimit: config.rateLimit,
    requestTimeoutMs: config.requestTimeoutMs,
    headersTimeoutMs: config.headersTimeoutMs,
    responseCache: config.responseCache,
    // photos under DATA_DIR/uploads; mock mode (SQLite in memory) keeps them in a temp dir
    uploadsDir: config.mode === 'sqlite' ? join(config.dataDir, 'uploads') : undefined,
    hsts: config.hsts,
    trustProxy: config.trustProxy,
    redis: config.redis,
    logger: true,
    logLevel: config.logLevel,
  })

  let closing = false
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000).unref()
    try {
      await app.close()
      await store.close()
      clearTimeout(force)
      process.exit(0)
    } catch (err) {
      app.log.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  await app.listen({ port: config.port, host: config.host })
  app.log.info(
    {
      mode: config.mode,
      database: store.dialect,
      redis: config.redis ? config.redis.prefix : false,
      ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}),
      ...(store.database.sqlite ? { file: store.database.sqlite.name } : {}),
      seeded: store.seeded,
      faults: config.mode === 'mock' ? config.faults : undefined,
      wechatLogin: Boolean(config.wechat),
      contentCheck: config.wechat ? 'msgSecCheck, local word list as fallback' : 'local word list',
      devLogin: config.devLogin,
      trustProxy: config.trustProxy ?? false,
      smsSignIn: config.identity.tencentSms ? 'tencent' : config.devLogin ? 'demo (codes in this log)' : 'off',
      wechatOaSignIn: Boolean(config.identity.wechatOa),
    },
    '政策通 content API ready',
  )
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`配置错误：${err.message}`)
  else console.error(err)
  process.exit(1)
})
