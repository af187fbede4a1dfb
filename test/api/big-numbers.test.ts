/**
 * Big page numbers and other numbers out of range (issue 12, attack 5): every paged list and
 * every number a request carries, found by listing the server's routes rather than by hand,
 * answers 400 with a Chinese message — never a 500 (`SqliteError: datatype mismatch`) — and
 * nothing is logged at error level.
 */
import type { RouteOptions } from 'fastify'
import type { TSchema } from '@sinclair/typebox'
import { PAGE_MAX } from '../../server/schemas/common'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

interface Listed {
  method: string
  url: string
  schema: Record<string, TSchema | undefined>
}

let server: TestServer
const routes: Listed[] = []
const log: string[] = []
let admin: string

beforeAll(async () => {
  server = await startTestServer({
    devLogin: true,
    logger: true,
    logLevel: 'info',
    logStream: { write: (l) => void log.push(l) },
    beforeListen: (app) =>
      app.addHook('onRoute', (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          routes.push({ method, url: route.url, schema: (route.schema ?? {}) as Listed['schema'] })
        }
      }),
  })
  // the city's admin: the console lists (accounts, audit) are scoped to an organisation
  admin = ((await (await server.api('/auth/dev', postJson({ role: 'admin', org: '331000' }))).json()) as { token: string }).token
})
afterAll(() => server.close())

const paged = () =>
  routes.filter((r) => r.method === 'GET' && 'page' in (((r.schema.querystring as unknown as { properties?: object }) ?? {}).properties ?? {}))

/** a path of the route with its `:params` filled (the values need not exist: validation comes first) */
const pathOf = (url: string) => url.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, 'x1')

it('finds the paged lists by listing the routes', () => {
  const urls = paged().map((r) => r.url)
  // the known ones are among them; any new paged list is tested too without touching this file
  expect(urls).toEqual(
    expect.arrayContaining(['/api/v1/policies', '/api/v1/interpretations', '/api/v1/videos', '/api/v1/consultations', '/api/v1/lecture-orders']),
  )
})

const BAD_PAGES: [string, RegExp][] = [
  ['1e300', /^页码超出范围，最大为 10000$/],
  ['99999999999999999999', /^页码超出范围，最大为 10000$/],
  ['Infinity', /^(页码超出范围，最大为 10000|参数错误：page 必须是正整数)$/],
  [String(PAGE_MAX + 1), /^页码超出范围，最大为 10000$/],
  ['-1', /^参数错误：page 必须是正整数$/],
  ['1.5', /^参数错误：page 必须是正整数$/],
  ['-Infinity', /^参数错误：page 必须是正整数$/],
  ['NaN', /^参数错误：page 必须是正整数$/],
]
const BAD_SIZES = ['Infinity', '1e300', '99999999999999999999', '-1', '1.5', '0']

it('every paged list answers 400 in Chinese for page and pageSize out of range', async () => {
  const failures: string[] = []
  for (const route of paged()) {
    const path = pathOf(route.url)
    for (const [page, message] of BAD_PAGES) {
      const res = await server.api(`${path}?page=${encodeURIComponent(page)}`, { headers: { authorization: `Bearer ${admin}` } })
      const body = (await res.json()) as { error?: { code: string; message: string } }
      if (res.status !== 400 || body.error?.code !== 'bad_request' || !message.test(body.error.message)) {
        failures.push(`${path}?page=${page} → ${res.status} ${JSON.stringify(body)}`)
      }
    }
    for (const size of BAD_SIZES) {
      const res = await server.api(`${path}?pageSize=${encodeURIComponent(size)}`, { headers: { authorization: `Bearer ${admin}` } })
      const body = (await res.json()) as { error?: { message: string } }
      if (res.status !== 400 || !/^参数错误：pageSize 必须是 1 到 50 之间的整数$/.test(body.error?.message ?? '')) {
        failures.push(`${path}?pageSize=${size} → ${res.status} ${JSON.stringify(body)}`)
      }
    }
    // the last page there may be is served (empty), not refused
    const last = await server.api(`${path}?page=${PAGE_MAX}`, { headers: { authorization: `Bearer ${admin}` } })
    // (a list under an id that does not exist, such as a campaign's prize list, is a 404 past validation)
    if (last.status !== 200 && !(route.url.includes('/:') && last.status === 404)) failures.push(`${path}?page=${PAGE_MAX} → ${last.status}`)
  }
  expect(failures).toEqual([])
})

/** every integer or number schema a request may carry, with where it is */
function numbersIn(schema: TSchema | undefined, at: string, out: { at: string; schema: TSchema }[] = []) {
  if (!schema || typeof schema !== 'object') return out
  if (schema.type === 'integer' || schema.type === 'number') out.push({ at, schema })
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) numbersIn(child, `${at}.${key}`, out)
  if (schema.items) numbersIn(schema.items as TSchema, `${at}[]`, out)
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') numbersIn(schema.additionalProperties as TSchema, `${at}{}`, out)
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const s of (schema[k] ?? []) as TSchema[]) numbersIn(s, at, out)
  return out
}

it('every number in every request schema is bounded within the safe integers', () => {
  const unbounded: string[] = []
  for (const route of routes) {
    for (const part of ['querystring', 'params', 'body', 'headers'] as const) {
      for (const { at, schema } of numbersIn(route.schema[part], `${route.method} ${route.url} ${part}`)) {
        const max = schema.maximum ?? schema.exclusiveMaximum
        const min = schema.minimum ?? schema.exclusiveMinimum
        if (typeof max !== 'number' || typeof min !== 'number' || max > Number.MAX_SAFE_INTEGER || min < -Number.MAX_SAFE_INTEGER) unbounded.push(at)
      }
    }
  }
  expect(unbounded).toEqual([])
})

it('numbers in query strings and bodies beyond the safe integers are 400, not 500', async () => {
  const cases: [string, RequestInit | undefined][] = [
    ['/qa/search?q=养老&limit=1e300', undefined],
    ['/qa/search?q=养老&limit=Infinity', undefined],
    ['/qa/search?q=养老&limit=99999999999999999999', undefined],
    ['/lecture-orders?status=submitted&page=1e300', { headers: { authorization: `Bearer ${admin}` } }],
  ]
  for (const [path, init] of cases) {
    const res = await server.api(path, init)
    expect([path, res.status]).toEqual([path, 400])
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/)
  }
  const resident = ((await (await server.api('/auth/dev', postJson({ role: 'resident' }))).json()) as { token: string }).token
  for (const raw of ['1e300', '99999999999999999999', '-1e300']) {
    const res = await server.api('/lecture-orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${resident}` },
      body: `{"topicId":"lt01","villageCode":"331002001003","placeName":"礼堂","dateFrom":"2099-01-01","dateTo":"2099-01-02","timeOfDay":"morning","audienceSize":${raw},"contactName":"林","contactPhone":"13912345678"}`,
    })
    expect([raw, res.status]).toEqual([raw, 400])
  }
})

it('logged nothing at error level (no stack traces for bad input)', () => {
  const errors = log.filter((l) => /"level":(50|60)/.test(l))
  expect(errors).toEqual([])
})
