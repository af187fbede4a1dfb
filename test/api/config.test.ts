import { join } from 'node:path'
import { ConfigError, readConfig, ROOT_DIR } from '../../server/config'
import { maskPhones } from '../../server/logger'

describe('readConfig', () => {
  it('has the documented defaults', () => {
    expect(readConfig({}, [])).toEqual({
      lectureLeadDays: 3,
      port: 8080,
      host: '127.0.0.1',
      mode: 'sqlite',
      dataDir: join(ROOT_DIR, 'data'),
      staticDir: join(ROOT_DIR, 'dist/h5'),
      adminDir: join(ROOT_DIR, 'dist/admin'),
      mediaDir: join(ROOT_DIR, 'mock/media'),
      faults: { latencyMs: 0, errorRate: 0 },
      devLogin: false,
      rateLimit: true,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 15_000,
      logLevel: 'info',
      responseCache: true,
      identity: {},
      hsts: false,
    })
  })

  it('sends HSTS only when told the site is served over HTTPS (HSTS=1)', () => {
    expect(readConfig({ HSTS: '1' }, []).hsts).toBe(true)
  })

  it('turns the micro-cache off with RESPONSE_CACHE=0', () => {
    expect(readConfig({ RESPONSE_CACHE: '0' }, []).responseCache).toBe(false)
  })

  it('reads the environment and --mock', () => {
    const config = readConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        ALLOW_DEV_LOGIN: '0',
        DATA_DIR: '/srv/data',
        MOCK_LATENCY_MS: '300',
        MOCK_ERROR_RATE: '0.2',
        WECHAT_APPID: 'wx1',
        WECHAT_SECRET: 's',
      },
      ['--mock'],
    )
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      mode: 'mock',
      dataDir: '/srv/data',
      faults: { latencyMs: 300, errorRate: 0.2 },
      wechat: { appId: 'wx1', secret: 's' },
    })
    expect(readConfig({ API_MODE: 'mock' }).mode).toBe('mock')
  })

  it('turns dev login on only when asked or in the local demo, and ALLOW_DEV_LOGIN=0 always wins', () => {
    // `npm run serve` alone, with or without NODE_ENV: off
    expect(readConfig({}).devLogin).toBe(false)
    expect(readConfig({ NODE_ENV: 'development' }).devLogin).toBe(false)
    expect(readConfig({ NODE_ENV: 'production' }).devLogin).toBe(false)
    expect(readConfig({ ALLOW_DEV_LOGIN: '1' }).devLogin).toBe(true)
    // never in production, whatever asks for it (test/api/trust-proxy.test.ts)
    expect(() => readConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '1' })).toThrow(ConfigError)
    // the demo `npm start` and `npm run dev` run (--demo or DEMO=1); mock mode alone is not a demo
    expect(readConfig({}, ['--demo']).devLogin).toBe(true)
    expect(readConfig({ DEMO: '1' }).devLogin).toBe(true)
    expect(readConfig({}, ['--mock', '--demo']).devLogin).toBe(true)
    expect(readConfig({}, ['--mock']).devLogin).toBe(false)
    expect(readConfig({ API_MODE: 'mock' }).devLogin).toBe(false)
    // 0 wins over all of them
    expect(readConfig({ ALLOW_DEV_LOGIN: '0' }).devLogin).toBe(false)
    expect(readConfig({ ALLOW_DEV_LOGIN: '0', API_MODE: 'mock' }).devLogin).toBe(false)
    expect(readConfig({ ALLOW_DEV_LOGIN: '0', DEMO: '1' }, ['--mock', '--demo']).devLogin).toBe(false)
    expect(() => readConfig({ ALLOW_DEV_LOGIN: 'yes' })).toThrow(ConfigError)
  })

  it('refuses dev login on an address other machines can reach, in one Chinese line', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]']) {
      expect(readConfig({ HOST: host, ALLOW_DEV_LOGIN: '1' }).devLogin).toBe(true)
    }
    for (const [env, argv] of [
      [{ HOST: '0.0.0.0', ALLOW_DEV_LOGIN: '1' }, []],
      [{ HOST: '::' }, ['--demo']],
      [{ HOST: '192.168.1.20', API_MODE: 'mock' }, ['--demo']],
      [{ HOST: '128.0.0.1', DEMO: '1' }, []],
      [{ HOST: 'localhost.example.com', ALLOW_DEV_LOGIN: '1' }, []],
    ] as const) {
      expect(() => readConfig(env, argv)).toThrow(/^开发登录只能在本机地址上开启：HOST=\S+ 不是回环地址/)
    }
    // off, any address is fine
    expect(readConfig({ HOST: '0.0.0.0' }).devLogin).toBe(false)
    expect(readConfig({ HOST: '0.0.0.0', ALLOW_DEV_LOGIN: '0' }, ['--demo']).devLogin).toBe(false)
  })

  it('reads the timeouts and RATE_LIMIT=0', () => {
    expect(readConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '2000', RATE_LIMIT: '0' })).toMatchObject({
      requestTimeoutMs: 5000,
      headersTimeoutMs: 2000,
      rateLimit: false,
    })
    expect(() => readConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(ConfigError)
  })

  it('needs both WeChat settings', () => {
    expect(readConfig({ WECHAT_APPID: 'wx1' }).wechat).toBeUndefined()
  })

  it.each([[{ PORT: 'http' }], [{ PORT: '70000' }], [{ API_MODE: 'postgres' }], [{ MOCK_ERROR_RATE: '2' }], [{ MOCK_LATENCY_MS: '-1' }]])(
    'rejects %j',
    (env) => {
      expect(() => readConfig(env)).toThrow(ConfigError)
    },
  )
})

it('masks mobile numbers in logged URLs', () => {
  expect(maskPhones('/api/v1/policies?q=13812345678')).toBe('/api/v1/policies?q=138****5678')
  expect(maskPhones('/api/v1/policies?page=2')).toBe('/api/v1/policies?page=2')
  expect(maskPhones('台政办发〔2021〕28号 20211234567890')).toBe('台政办发〔2021〕28号 20211234567890')
})
