import { join } from 'node:path'
import { ConfigError, readConfig, ROOT_DIR } from '../../server/config'
import { maskPhones } from '../../server/logger'

describe('readConfig', () => {
  it('has the documented defaults', () => {
    expect(readConfig({}, [])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      mode: 'sqlite',
      dataDir: join(ROOT_DIR, 'data'),
      staticDir: join(ROOT_DIR, 'dist/h5'),
      mediaDir: join(ROOT_DIR, 'mock/media'),
      faults: { latencyMs: 0, errorRate: 0 },
      devLogin: true,
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
      { PORT: '9000', HOST: '0.0.0.0', DATA_DIR: '/srv/data', MOCK_LATENCY_MS: '300', MOCK_ERROR_RATE: '0.2', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' },
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

  it('turns dev login off in production unless asked, always on in mock mode', () => {
    expect(readConfig({ NODE_ENV: 'production' }).devLogin).toBe(false)
    expect(readConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '1' }).devLogin).toBe(true)
    expect(readConfig({ ALLOW_DEV_LOGIN: '0' }).devLogin).toBe(false)
    expect(readConfig({ NODE_ENV: 'production' }, ['--mock']).devLogin).toBe(true)
  })

  it('needs both WeChat settings', () => {
    expect(readConfig({ WECHAT_APPID: 'wx1' }).wechat).toBeUndefined()
  })

  it.each([
    [{ PORT: 'http' }],
    [{ PORT: '70000' }],
    [{ API_MODE: 'postgres' }],
    [{ MOCK_ERROR_RATE: '2' }],
    [{ MOCK_LATENCY_MS: '-1' }],
  ])('rejects %j', (env) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
  })
})

it('masks mobile numbers in logged URLs', () => {
  expect(maskPhones('/api/v1/policies?q=13812345678')).toBe('/api/v1/policies?q=138****5678')
  expect(maskPhones('/api/v1/policies?page=2')).toBe('/api/v1/policies?page=2')
  expect(maskPhones('台政办发〔2021〕28号 20211234567890')).toBe('台政办发〔2021〕28号 20211234567890')
})
