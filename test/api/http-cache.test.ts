/** Reads carry a weak ETag and a Cache-Control; a matching If-None-Match gets an empty 304. */
import { etagMatches } from '../../server/plugins/http-cache'
import { bearer, postJson, startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ devLogin: true })
})
afterAll(() => server.close())

it('sends a weak ETag and public caching on reads', async () => {
  const res = await server.api('/policies?pageSize=2')
  expect(res.headers.get('etag')).toMatch(/^W\/".+"$/)
  expect(res.headers.get('cache-control')).toBe('public, max-age=60')
})

it('answers 304 with no body to a matching If-None-Match', async () => {
  const first = await server.api('/topics')
  const etag = first.headers.get('etag')!
  const again = await server.api('/topics', { headers: { 'if-none-match': etag } })
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
  expect(again.headers.get('etag')).toBe(etag)
  const listed = await server.api('/topics', { headers: { 'if-none-match': `"other", ${etag}` } })
  expect(listed.status).toBe(304)
})

it('answers 200 when the content differs', async () => {
  const etag = (await server.api('/policies?page=1&pageSize=2')).headers.get('etag')!
  const other = await server.api('/policies?page=2&pageSize=2', { headers: { 'if-none-match': etag } })
  expect(other.status).toBe(200)
  expect(other.headers.get('etag')).not.toBe(etag)
})

it('gives the same ETag for the same content', async () => {
  const a = await server.api('/regions')
  const b = await server.api('/regions')
  expect(a.headers.get('etag')).toBe(b.headers.get('etag'))
})

it('does not let shared caches keep signed-in, user-specific reads', async () => {
  const course = '/courses/' + (await (await server.api('/courses')).json())[0].id
  const anonymous = await server.api(course)
  expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60')
  expect(anonymous.headers.get('vary')).toMatch(/authorization/i)

  const { token } = await (await server.api('/auth/dev', postJson({ role: 'resident' }))).json()
  const signedIn = await server.api(course, bearer(token))
  expect(signedIn.headers.get('cache-control')).toBe('no-store')
  expect((await server.api('/auth/me', bearer(token))).headers.get('cache-control')).toBe('no-store')
})

it('marks writes no-store', async () => {
  const res = await server.api('/auth/dev', postJson({ role: 'staff' }))
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(res.headers.get('etag')).toBeNull()
})

it('compares ETags weakly', () => {
  expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true)
  expect(etagMatches('"abc"', 'W/"abc"')).toBe(true)
  expect(etagMatches('*', 'W/"abc"')).toBe(true)
  expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false)
  expect(etagMatches(undefined, 'W/"abc"')).toBe(false)
})
