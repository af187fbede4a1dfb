/**
 * The Fastify application, built from its parts in tiers: errors, auth and files, then the API
 * (fault injection, HTTP caching, routes). main.ts runs it; tests build it on a temp store.
 */
import Fastify from 'fastify'
import { API_PREFIX } from '../common/contract'
import type { ApiMode } from './config'
import { loggerOptions } from './logger'
import { setupAuth } from './plugins/auth'
import { clientErrorHandler, setupErrorHandlers, setupNotFound } from './plugins/error-handlers'
import { type Faults, setupFaultInjection } from './plugins/fault-injection'
import { setupHttpCache } from './plugins/http-cache'
import { setupRateLimit } from './plugins/rate-limit'
import { setupFiniteNumbers } from './plugins/finite-numbers'
import { setupResponseCache } from './plugins/response-cache'
import { setupFavicon, setupH5, setupMedia } from './plugins/static-files'
import { setupAdminConsole } from './plugins/admin-console'
import { apiRoutes } from './routes'
import { setupSecurityHeaders } from './plugins/security-headers'
import { setupUploads } from './modules/uploads/routes'
import { createRedis, type RedisConfig, type RedisConnections } from './redis/client'
import type { Store } from './store/store'
import type { App, TypeBoxTypeProvider } from './type-provider'
import type { WechatConfig } from './wechat/jscode2session'
import { authMethodsOf, type IdentityOptions } from './modules/identity'
import { appConfigOf } from './modules/app-config/routes'
import { EditorialScheduler } from './modules/editorial/scheduler'

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_HEADERS_TIMEOUT_MS = 15_000

export interface BuildAppOptions {
  store: Store
  mode: ApiMode
  /** mock mode only: latency and 503s on /api/v1 (health excepted) */
  faults?: Faults
  /** the built H5 app (dist/h5); served at / when it exists */
  staticDir?: string
  /** the built 政务工作台 console (dist/admin); served at /admin/ when it exists */
  adminDir?: string
  /** served at /media/ (mock/media) when it exists */
  mediaDir?: string
  /** WeChat login; without it POST /auth/wechat answers 503 */
  wechat?: WechatConfig
  /** POST /auth/dev and the app's 演示模式 banner; default off (main.ts passes readConfig's answer) */
  devLogin?: boolean
  /** 提前预约 of lecture orders in days (default 3; LECTURE_LEAD_DAYS) */
  lectureLeadDays?: number
  /** residents' sign-in: a real SMS provider, WeChat web authorisation (tests: their own sender) */
  identity?: Partial<IdentityOptions>
  /** a request's headers and body must arrive within this (default 30 s) */
  requestTimeoutMs?: number
  /** its headers within this (default 15 s) */
  headersTimeoutMs?: number
  /** abuse limits (default on; RATE_LIMIT=0 turns them off for benchmarks) */
  rateLimit?: boolean
  /** the server-side micro-cache of content reads (default on; RESPONSE_CACHE=0 turns it off) */
  responseCache?: boolean
  logger?: boolean
  logLevel?: string
  /** where the log goes (default stdout); tests capture it to look for personal data */
  logStream?: { write(line: string): void }
  /** uploaded photos (DATA_DIR/uploads); without it a temp dir removed on close (mock mode, tests) */
  uploadsDir?: string
  /** Strict-Transport-Security, only behind HTTPS (HSTS=1); never on plain-HTTP localhost */
  hsts?: boolean
  /**
   * TRUST_PROXY: a hop count or the proxies' addresses/CIDRs, handed to Fastify's trustProxy so
   * request.ip (per-IP limits, audit, sessions) is the client's; unset, X-Forwarded-For is ignored
   */
  trustProxy?: number | string[]
  /** REDIS_URL/REDIS_PREFIX: limits, cache invalidation and leaderboards shared by every instance */
  redis?: RedisConfig
}

declare module 'fastify' {
  interface FastifyInstance {
    /** this app's Redis connections (REDIS_URL), or null: one instance keeps everything in memory */
    redis: RedisConnections | null
    /** 定时发布 of the console (modules/editorial/scheduler.ts) */
    editorialScheduler: EditorialScheduler
  }
}

/**
 * Fastify's trustProxy for a hop count or an address list. A count is written as the function
 * Fastify itself makes of a number (trust the `hops` nearest addresses), which its typings omit.
 */
function trustProxyOption(trust: number | string[]): string[] | ((address: string, hop: number) => boolean) {
  if (Array.isArray(trust)) return trust
  return (_address, hop) => hop < trust
}

export function buildApp(opts: BuildAppOptions): App {
  const app = Fastify({
    logger: opts.logger ? loggerOptions(opts.logLevel, opts.logStream) : false,
    bodyLimit: 256 * 1024,
    // a client that sends its headers or body a byte at a time is cut off, not waited for; Node
    // checks open connections against these every connectionsCheckingInterval
    requestTimeout: opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    http: {
      headersTimeout: Math.min(opts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: 1000,
    },
    clientErrorHandler,
    ...(opts.trustProxy !== undefined ? { trustProxy: trustProxyOption(opts.trustProxy) } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('store', opts.store)
  const redis = opts.redis ? createRedis(opts.redis, (err) => app.log.warn({ err }, 'Redis 连接出错，正在重连')) : null
  app.decorate('redis', redis)
  if (redis) app.addHook('onClose', () => redis.close())
  setupErrorHandlers(app)
  // helmet first: its headers (CSP, nosniff, frame, referrer) go on every answer, errors included
  setupSecurityHeaders(app, { hsts: opts.hsts ?? false })
  // at the root, so request.user and requireRole work on every route, later ones included
  setupAuth(app, opts.store)
  setupFiniteNumbers(app)
  setupRateLimit(app, { enabled: opts.rateLimit ?? true, ...(redis ? { redis } : {}) })

  setupMedia(app, opts.mediaDir)
  setupFavicon(app)
  setupUploads(app, opts.uploadsDir)
  const adminFallback = setupAdminConsole(app, opts.adminDir)
  const devLogin = opts.devLogin ?? false
  // the first screens draw what these routes will say (the 演示模式 banner, 我的's sign-in form)
  const spaFallback = setupH5(app, opts.staticDir, {
    appConfig: appConfigOf({ devLogin, lectureLeadDays: opts.lectureLeadDays }),
    authMethods: authMethodsOf({ devLogin, wechat: opts.wechat, ...opts.identity }, app.log),
  })
  setupNotFound(app, { spaFallback, adminFallback })

  if (devLogin) {
    app.addHook('onReady', async () => {
      app.log.warn('开发登录已开启（演示模式）：任何人都可以用 POST /api/v1/auth/dev 以任意角色登录，只能用于本机演示')
    })
  }
  const scheduler = new EditorialScheduler()
  app.decorate('editorialScheduler', scheduler)
  app.register(
    async (api) => {
      if (opts.mode === 'mock' && opts.faults) setupFaultInjection(api, opts.faults)
      // the micro-cache's onSend runs first and hands its ETag to the HTTP cache headers
      setupResponseCache(api, { enabled: opts.responseCache ?? true, ...(redis ? { redis } : {}) })
      setupHttpCache(api)
      await api.register(apiRoutes({ devLogin, wechat: opts.wechat, identity: opts.identity, lectureLeadDays: opts.lectureLeadDays }))
      scheduler.attach(api)
    },
    { prefix: API_PREFIX },
  )
  app.addHook('onReady', async () => scheduler.start())
  app.addHook('onClose', () => scheduler.stop())
  return app
}
