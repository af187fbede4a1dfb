/** The server's settings, read once from the environment and argv (see main.ts). */
import { LECTURE_LEAD_DAYS_DEFAULT, LECTURE_LEAD_DAYS_MAX } from '../common/contract'
import { isIP, isIPv4 } from 'node:net'
import { isAbsolute, join, resolve } from 'node:path'
import type { Faults } from './plugins/fault-injection'
import type { WechatConfig } from './wechat/jscode2session'
import type { TencentSmsConfig, WechatOaConfig } from './modules/identity'
import { DEFAULT_REDIS_PREFIX, type RedisConfig } from './redis/client'

/** `sqlite`: the database (a SQLite file, or PostgreSQL with DATABASE_URL); `mock`: SQLite in memory from mock/, with fault injection */
export type ApiMode = 'sqlite' | 'mock'

/** a plain map, not NodeJS.ProcessEnv: Taro's typings make some of its keys required */
export type Env = Readonly<Record<string, string | undefined>>

/** the repository root: default paths are relative to it, not to the working directory */
export const ROOT_DIR = join(__dirname, '..')

export interface ServerConfig {
  /** 提前预约: LECTURE_LEAD_DAYS, the days between ordering a lecture and its first wished date (default 3) */
  lectureLeadDays: number
  port: number
  host: string
  mode: ApiMode
  dataDir: string
  staticDir: string
  /** the built console (ADMIN_DIR, default dist/admin), served at /admin/ */
  adminDir: string
  mediaDir: string
  faults: Faults
  wechat?: WechatConfig
  devLogin: boolean
  /** abuse limits (RATE_LIMIT=0 turns them off, for benchmarks and the durability run only) */
  rateLimit: boolean
  /** a request (headers and body) must arrive within this; REQUEST_TIMEOUT_MS */
  requestTimeoutMs: number
  /** the headers must arrive within this; HEADERS_TIMEOUT_MS */
  headersTimeoutMs: number
  logLevel: string
  /** the server-side micro-cache of content reads; RESPONSE_CACHE=0 turns it off */
  responseCache: boolean
  /** residents' sign-in: SMS_PROVIDER=tencent (TENCENT_SMS_*), WECHAT_OA_APPID/WECHAT_OA_SECRET */
  identity: { tencentSms?: TencentSmsConfig; wechatOa?: WechatOaConfig }
  /** Strict-Transport-Security, only when served over HTTPS (HSTS=1) */
  hsts: boolean
  /**
   * TRUST_PROXY: the reverse proxy in front (a hop count, or the proxies' addresses/CIDRs), passed
   * to Fastify's trustProxy; unset, X-Forwarded-For is ignored and request.ip is the peer's address
   */
  trustProxy?: TrustProxy
  /** DATABASE_URL=postgres://…: PostgreSQL instead of the SQLite file under DATA_DIR */
  databaseUrl?: string
  /**
   * REDIS_URL (and REDIS_PREFIX, default `zct:`): rate-limit counters, leaderboards and cache
   * invalidation shared by every instance; unset, each process keeps its own
   */
  redis?: RedisConfig
}

/** a hop count or a list of addresses/CIDRs; never `true` (that would believe any client's X-Forwarded-For) */
export type TrustProxy = number | string[]

export class ConfigError extends Error {}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer in ${min}..${max}, got "${raw}"`)
  return n
}

function rate(env: Env, name: string): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return 0
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new ConfigError(`${name} must be a number in 0..1, got "${raw}"`)
  return n
}

function dir(env: Env, name: string, fallback: string): string {
  const raw = env[name]
  if (!raw) return join(ROOT_DIR, fallback)
  return isAbsolute(raw) ? raw : resolve(raw)
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: addresses no other machine can reach */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h
  return isIPv4(v4) && v4.startsWith('127.')
}

/**
 * TRUST_PROXY: how many proxies stand in front (`1` for nginx on the same host), or their
 * addresses and CIDRs, comma-separated (`127.0.0.1,10.0.0.0/8`). Never `true`: Fastify would then
 * take the left-most X-Forwarded-For, which any client writes, and every per-IP limit would be
 * the client's to choose.
 */
export function trustProxyOf(env: Env): TrustProxy | undefined {
  const raw = env.TRUST_PROXY?.trim()
  if (raw === undefined || raw === '') return undefined
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw)
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUST_PROXY 的代理层数须在 1..10 之间，而不是 "${raw}"`)
    return hops
  }
  const entries = raw.split(',').map((e) => e.trim())
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = isIP(address ?? '')
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError(`TRUST_PROXY 只能是代理层数（如 1）或以逗号分隔的代理地址/CIDR（如 127.0.0.1,10.0.0.0/8），而不是 "${raw}"`)
    }
  }
  return entries
}

/**
 * POST /auth/dev (any role, no password) is for this machine only: ALLOW_DEV_LOGIN=1 turns it
 * on, =0 off whatever else says; unset, it is on only in the local demo (`--demo` or DEMO=1, which
 * `npm start` and `npm run dev` pass) and off otherwise — mock mode alone does not turn it on.
 * On, it refuses to start on a non-loopback HOST, behind a proxy (TRUST_PROXY) or with
 * NODE_ENV=production.
 */
function devLoginOf(env: Env, demo: boolean, host: string): boolean {
  const raw = env.ALLOW_DEV_LOGIN
  if (raw !== undefined && raw !== '' && raw !== '0' && raw !== '1') throw new ConfigError(`ALLOW_DEV_LOGIN 只能是 0 或 1，而不是 "${raw}"`)
  const on = raw === '1' || (raw !== '0' && demo)
  if (!on) return false
  if (!isLoopbackHost(host)) {
    throw new ConfigError(`开发登录只能在本机地址上开启：HOST=${host} 不是回环地址（127.0.0.1、::1、localhost），请设 ALLOW_DEV_LOGIN=0 或改用本机地址`)
  }
  if (env.TRUST_PROXY?.trim()) {
    throw new ConfigError('开发登录不能在反向代理之后开启：已设置 TRUST_PROXY，请设 ALLOW_DEV_LOGIN=0 或去掉 --demo')
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('开发登录不能在生产环境开启：NODE_ENV=production，请设 ALLOW_DEV_LOGIN=0 或去掉 --demo')
  }
  return true
}

export function readConfig(env: Env = process.env, argv: readonly string[] = []): ServerConfig {
  const modeRaw = argv.includes('--mock') ? 'mock' : env.API_MODE || 'sqlite'
  if (modeRaw !== 'sqlite' && modeRaw !== 'mock') throw new ConfigError(`API_MODE must be sqlite or mock, got "${modeRaw}"`)
  const mode: ApiMode = modeRaw

  const host = env.HOST || '127.0.0.1'
  const demo = argv.includes('--demo') || env.DEMO === '1'

  const appId = env.WECHAT_APPID
  const secret = env.WECHAT_SECRET
  const trustProxy = trustProxyOf(env)
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    lectureLeadDays: integer(env, 'LECTURE_LEAD_DAYS', LECTURE_LEAD_DAYS_DEFAULT, 0, LECTURE_LEAD_DAYS_MAX),
    host,
    mode,
    dataDir: dir(env, 'DATA_DIR', 'data'),
    staticDir: dir(env, 'STATIC_DIR', 'dist/h5'),
    adminDir: dir(env, 'ADMIN_DIR', 'dist/admin'),
    mediaDir: dir(env, 'MEDIA_DIR', 'mock/media'),
    faults: {
      latencyMs: integer(env, 'MOCK_LATENCY_MS', 0, 0, 60_000),
      errorRate: rate(env, 'MOCK_ERROR_RATE'),
    },
    ...(appId && secret
      ? {
          wechat: {
            appId,
            secret,
            ...(env.WECHAT_LECTURE_TEMPLATE_ID ? { lectureTemplateId: env.WECHAT_LECTURE_TEMPLATE_ID } : {}),
            ...(env.WECHAT_CONSULTATION_TEMPLATE_ID ? { consultationTemplateId: env.WECHAT_CONSULTATION_TEMPLATE_ID } : {}),
            ...(env.WECHAT_POLICY_TEMPLATE_ID ? { policyTemplateId: env.WECHAT_POLICY_TEMPLATE_ID } : {}),
            ...(env.WECHAT_FOIA_TEMPLATE_ID ? { foiaTemplateId: env.WECHAT_FOIA_TEMPLATE_ID } : {}),
          },
        }
      : {}),
    devLogin: devLoginOf(env, demo, host),
    rateLimit: env.RATE_LIMIT !== '0',
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 15_000, 1_000, 600_000),
    logLevel: env.LOG_LEVEL || 'info',
    responseCache: env.RESPONSE_CACHE !== '0',
    identity: readIdentity(env),
    hsts: env.HSTS === '1',
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...databaseOf(env, mode),
    ...redisOf(env),
  }
}

function databaseOf(env: Env, mode: ApiMode): Pick<ServerConfig, 'databaseUrl'> {
  const url = env.DATABASE_URL?.trim()
  if (!url) return {}
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_URL 须以 postgres:// 开头，而不是 "${url}"`)
  if (mode === 'mock') throw new ConfigError('模拟模式（--mock）使用内存中的 SQLite，不能同时设置 DATABASE_URL')
  return { databaseUrl: url }
}

function redisOf(env: Env): Pick<ServerConfig, 'redis'> {
  const url = env.REDIS_URL?.trim()
  if (!url) return {}
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError(`REDIS_URL 须以 redis:// 或 rediss:// 开头，而不是 "${url}"`)
  const prefix = env.REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX
  if (!/^[\w.:-]{1,64}$/.test(prefix)) throw new ConfigError(`REDIS_PREFIX 只能由字母、数字和 _ . : - 组成（1..64 个字符），而不是 "${prefix}"`)
  return { redis: { url, prefix } }
}

/**
 * WORKERS=N: how many server processes `npm run serve` forks (node:cluster); unset or 1 is one
 * process, as before. Several processes need a database they can share: refused in mock mode,
 * whose SQLite lives in each process's memory.
 */
export function workersOf(env: Env, argv: readonly string[] = []): number {
  const workers = integer(env, 'WORKERS', 1, 1, 64)
  const mock = argv.includes('--mock') || env.API_MODE === 'mock'
  if (workers > 1 && mock) {
    throw new ConfigError(
      `模拟模式的数据库在每个进程的内存里，多个进程各有一份、互不相通：WORKERS=${workers} 不能用于模拟模式，请去掉 WORKERS 或使用 SQLite 文件 / PostgreSQL`,
    )
  }
  return workers
}

const TENCENT_SMS_VARS = [
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_SIGN_NAME',
  'TENCENT_SMS_TEMPLATE_ID',
] as const

function readIdentity(env: Env): ServerConfig['identity'] {
  const provider = env.SMS_PROVIDER
  if (provider && provider !== 'tencent') throw new ConfigError(`SMS_PROVIDER must be tencent, got "${provider}"`)
  let tencentSms: TencentSmsConfig | undefined
  if (provider === 'tencent') {
    const missing = TENCENT_SMS_VARS.filter((name) => !env[name])
    if (missing.length) throw new ConfigError(`SMS_PROVIDER=tencent needs ${missing.join(', ')}`)
    tencentSms = {
      secretId: env.TENCENT_SMS_SECRET_ID!,
      secretKey: env.TENCENT_SMS_SECRET_KEY!,
      sdkAppId: env.TENCENT_SMS_SDK_APP_ID!,
      signName: env.TENCENT_SMS_SIGN_NAME!,
      templateId: env.TENCENT_SMS_TEMPLATE_ID!,
      ...(env.TENCENT_SMS_REGION ? { region: env.TENCENT_SMS_REGION } : {}),
      ...(env.TENCENT_SMS_ENDPOINT ? { endpoint: env.TENCENT_SMS_ENDPOINT } : {}),
    }
  }
  const oaAppId = env.WECHAT_OA_APPID
  const oaSecret = env.WECHAT_OA_SECRET
  const wechatOa: WechatOaConfig | undefined =
    oaAppId && oaSecret
      ? { appId: oaAppId, secret: oaSecret, ...(env.WECHAT_OA_REDIRECT_ORIGIN ? { redirectOrigin: env.WECHAT_OA_REDIRECT_ORIGIN } : {}) }
      : undefined
  return { ...(tencentSms ? { tencentSms } : {}), ...(wechatOa ? { wechatOa } : {}) }
}
