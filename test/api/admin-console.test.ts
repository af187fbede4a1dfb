/** The console's build at /admin/: index.html with its CSP, hashed assets cached, client-side routes falling back to it. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

const admin = makeTempDir('zct-admin-')
const h5 = makeTempDir('zct-h5-')
const ADMIN_INDEX =
  '<!doctype html><html lang="zh-CN"><title>政务工作台</title><script type="module" crossorigin src="/admin/assets/index-Bq3xY_9z.js"></script></html>'
writeFileSync(join(admin.path, 'index.html'), ADMIN_INDEX)
mkdirSync(join(admin.path, 'assets'))
writeFileSync(join(admin.path, 'assets', 'index-Bq3xY_9z.js'), 'console.log("工作台")')
writeFileSync(join(h5.path, 'index.html'), '<!doctype html><title>政策通</title>')
afterAll(() => {
  admin.remove()
  h5.remove()
})

describe('with a console build', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ adminDir: admin.path, staticDir: h5.path })
  })
  afterAll(() => server.close())

  it('serves the console at /admin/ with a CSP that allows no inline script', async () => {
    const res = await server.get('/admin/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(ADMIN_INDEX)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/)
  })

  it('sends /admin to /admin/', async () => {
    const res = await server.get('/admin', { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/admin/')
  })

  it("answers the console's client-side routes with its index.html, not the H5 app's", async () => {
    for (const path of ['/admin/accounts', '/admin/policies/12', '/admin/login']) {
      const res = await server.get(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(ADMIN_INDEX)
    }
  })

  it('caches hashed assets for a year', async () => {
    const res = await server.get('/admin/assets/index-Bq3xY_9z.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await res.text()).toContain('工作台')
  })

  it('answers 404 for a missing asset instead of index.html', async () => {
    const res = await server.get('/admin/assets/missing-AAAAAAAA.js')
    expect(res.status).toBe(404)
  })

  it('still serves the H5 app at / and the API', async () => {
    expect(await (await server.get('/')).text()).toContain('政策通')
    expect((await server.api('/health')).status).toBe(200)
  })
})

describe('without a console build', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ adminDir: join(admin.path, 'absent') })
  })
  afterAll(() => server.close())

  it('answers /admin/ with 404 and the API still works', async () => {
    expect((await server.get('/admin/')).status).toBe(404)
    expect((await server.api('/health')).status).toBe(200)
  })
})
