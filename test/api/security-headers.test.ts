/**
 * Security headers on every kind of answer (issue 12): the H5 HTML (plain, client-side route,
 * first screen), the API, errors and media carry a CSP, nosniff, frame and referrer headers; an
 * HTML page's CSP allows exactly its own inline scripts by hash (a script the page did not come
 * with, e.g. one injected through content, would not run), never 'unsafe-inline' for scripts.
 * No HSTS on plain HTTP unless configured. Also: SQLite runs synchronous=FULL.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../server/store/sqlite'
import { openStore } from '../../server/store/open-store'
import { fixtures } from '../../mock/fixtures'
import helmet from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'
import { helmetOptions, inlineScriptHashes, setupSecurityHeaders } from '../../server/plugins/security-headers'
import { itSqliteOnly } from './helpers/database'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

const ROOT_FONT = "!function(){var d=document.documentElement;d.style.fontSize='20px'}()"
const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策通</title>' +
  `<script>${ROOT_FONT}</script><script>window.__zctPreload={}</script><script defer="defer" src="/js/app.1a2b3c4d.js"></script>` +
  '<link href="/css/app.1a2b3c4d.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

const h5 = makeTempDir('zct-h5-csp-')
mkdirSync(join(h5.path, 'css'))
mkdirSync(join(h5.path, 'js'))
writeFileSync(join(h5.path, 'index.html'), INDEX_HTML)
writeFileSync(join(h5.path, 'css', 'app.1a2b3c4d.css'), ':root{--fs-md:.8rem}')
writeFileSync(join(h5.path, 'js', 'app.1a2b3c4d.js'), 'console.log(1)')
writeFileSync(join(h5.path, 'page-assets.json'), '{}')
afterAll(() => h5.remove())

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** the directives of a CSP header as a map */
function directives(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy()
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  )
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('strict-transport-security')).toBeNull()
  const csp = directives(res.headers.get('content-security-policy'))
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['object-src']).toEqual(["'none'"])
  expect(csp['script-src']).not.toContain("'unsafe-inline'")
  expect(csp['script-src']).not.toContain("'unsafe-eval'")
  expect(csp['upgrade-insecure-requests']).toBeUndefined()
  return csp
}

describe('security headers', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ staticDir: h5.path })
  })
  afterAll(() => server.close())

  it('index.html and a path that is no page: its own inline scripts by hash, nothing else inline', async () => {
    for (const path of ['/index.html', '/some/where']) {
      const res = await server.get(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(INDEX_HTML)
      const csp = expectCommonHeaders(res)
      expect(csp['script-src'].sort()).toEqual(["'self'", sha(ROOT_FONT), sha('window.__zctPreload={}')].sort())
    }
  })

  it("client-side routes (a skeleton layer): index.html's scripts, the layer's data and script by hash, nothing else inline", async () => {
    for (const path of ['/packages/policy/pages/list/index', '/packages/quiz/pages/practice/index']) {
      const res = await server.get(path)
      expect(res.status).toBe(200)
      const html = await res.text()
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
      // the layer's data (the /app-config answer, for the 演示模式 banner), the root font, the preload, the layer's script
      expect(scripts).toHaveLength(4)
      expect(scripts[0]).toMatch(/^window\.__zctFirstScreen=\{"\/api\/v1\/app-config":/)
      const csp = expectCommonHeaders(res)
      expect(csp['script-src'].sort()).toEqual(["'self'", ...scripts.map(sha)].sort())
      expect(csp['script-src']).toContain(sha('window.__zctPreload={}'))
    }
  })

  it("a first-screen page: the hashes of this response's data and layer scripts, which differ per page", async () => {
    const home = await server.get('/')
    const html = await home.text()
    const csp = expectCommonHeaders(home)
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
    expect(inline.length).toBeGreaterThanOrEqual(4) // data, root font, preload, layer
    expect(csp['script-src'].sort()).toEqual(["'self'", ...new Set(inline.map(sha))].sort())

    const interp = await server.get('/packages/interpretation/pages/detail/index?id=i001')
    const other = directives(interp.headers.get('content-security-policy'))
    expect(other['script-src']).not.toEqual(csp['script-src'])
    expect(inlineScriptHashes(await interp.text()).every((h) => other['script-src'].includes(h))).toBe(true)
  })

  it('the API, its errors and media carry them too', async () => {
    for (const path of ['/api/v1/health', '/api/v1/policies?page=abc', '/api/v1/nope', '/media/covers/c001.jpg', '/media/nope.jpg']) {
      const res = await server.get(path)
      const csp = expectCommonHeaders(res)
      expect(csp['script-src']).toEqual(["'self'"])
    }
    // the mini-program shows /media from its own origin
    expect((await server.get('/media/covers/c001.jpg')).headers.get('cross-origin-resource-policy')).toBe('cross-origin')
  })

  it('HSTS only when configured (HSTS=1 behind HTTPS)', async () => {
    const tls = await startTestServer({ hsts: true })
    try {
      expect((await tls.api('/health')).headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    } finally {
      await tls.close()
    }
  })
})

itSqliteOnly('SQLite commits with synchronous=FULL (2): a 201 is on disk', async () => {
  const dir = makeTempDir()
  const store = await openStore({ kind: 'sqlite', file: join(dir.path, DB_FILE_NAME), fixtures })
  try {
    expect(store.database.sqlite!.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
  } finally {
    store.close()
    dir.remove()
  }
})

describe('the headers, set once per answer instead of by helmet on each request', () => {
  // the same answers from an app with @fastify/helmet itself, with the same options
  async function headersOf(build: (app: FastifyInstance) => Promise<void> | void): Promise<Record<string, string>> {
    const app = Fastify()
    await build(app)
    app.get('/ok', async () => ({ ok: true }))
    app.get('/fail', async () => {
      throw new Error('boom')
    })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const out: Record<string, string> = {}
      for (const path of ['/ok', '/fail', '/missing']) {
        const res = await fetch(`${address}${path}`)
        await res.text()
        res.headers.forEach((value, name) => {
          if (name !== 'date' && name !== 'content-length' && name !== 'keep-alive' && name !== 'connection') out[`${path} ${name}`] = value
        })
      }
      return out
    } finally {
      await app.close()
    }
  }

  it.each([false, true])('equal those of @fastify/helmet, on answers, errors and 404s (HSTS %s)', async (hsts) => {
    const ours = await headersOf((app) => setupSecurityHeaders(app, { hsts }))
    const helmets = await headersOf(async (app) => {
      await app.register(helmet, helmetOptions({ hsts }))
    })
    expect(ours).toEqual(helmets)
    expect(ours['/ok content-security-policy']).toContain("frame-ancestors 'none'")
    expect(ours['/fail x-frame-options']).toBe('DENY')
    expect(ours['/missing x-content-type-options']).toBe('nosniff')
    expect(ours['/ok strict-transport-security'] !== undefined).toBe(hsts)
  })
})
