/** REDIS_URL, REDIS_PREFIX, DATABASE_URL and WORKERS in readConfig / workersOf. */
import { ConfigError, readConfig, workersOf } from '../../config'

it('leaves Redis and PostgreSQL out unless asked', () => {
  const config = readConfig({}, [])
  expect(config.redis).toBeUndefined()
  expect(config.databaseUrl).toBeUndefined()
})

it('reads REDIS_URL with the default prefix zct:, or REDIS_PREFIX', () => {
  expect(readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, []).redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'zct:' })
  expect(readConfig({ REDIS_URL: 'rediss://r:6380', REDIS_PREFIX: 'tz-prod:' }, []).redis).toEqual({ url: 'rediss://r:6380', prefix: 'tz-prod:' })
  expect(() => readConfig({ REDIS_URL: 'http://r' }, [])).toThrow(ConfigError)
  expect(() => readConfig({ REDIS_URL: 'redis://r', REDIS_PREFIX: 'a b' }, [])).toThrow(ConfigError)
})

it('reads DATABASE_URL, and refuses it in mock mode', () => {
  expect(readConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zct' }, []).databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/zct')
  expect(() => readConfig({ DATABASE_URL: 'mysql://x' }, [])).toThrow(ConfigError)
  expect(() => readConfig({ DATABASE_URL: 'postgres://x' }, ['--mock'])).toThrow('模拟模式')
})

it('runs one process unless WORKERS says more, and never several in mock mode', () => {
  expect(workersOf({})).toBe(1)
  expect(workersOf({ WORKERS: '4' })).toBe(4)
  expect(workersOf({ WORKERS: '1' }, ['--mock'])).toBe(1)
  expect(() => workersOf({ WORKERS: '0' })).toThrow(ConfigError)
  expect(() => workersOf({ WORKERS: '2' }, ['--mock'])).toThrow(/WORKERS=2 不能用于模拟模式/)
  expect(() => workersOf({ WORKERS: '2', API_MODE: 'mock' })).toThrow(ConfigError)
})
