/** /media/ with range requests and long caching; the H5 build at / with SPA fallback; or a hint. */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { brotliCompressSync } from 'node:zlib'
import { join } from 'node:path'
import { ROOT_DIR } from '../../server/config'
import { NO_BUILD_MESSAGE } from '../../server/plugins/static-files'
import { makeTempDir } from './helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers/test-server'

const media = makeTempDir('zct-media-')
const h5 = makeTempDir('zct-h5-')
const video = randomBytes(10_000)
mkdirSync(join(media.path, 'videos'))
mkdirSync(join(media.path, 'captions'))
writeFileSync(join(media.path, 'videos', 'v001.mp4'), video)
writeFileSync(join(media.path, 'captions', 'v001.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\n政策通\n')
writeFileSync(join(h5.path, 'index.html'), '<!doctype html><title>政策通</title>')
mkdirSync(join(h5.path, 'js'))
writeFileSync(join(h5.path, 'js', 'app.js'), 'console.log(1)')
// a hashed build file with the brotli twin scripts/precompress.mjs writes
const hashedJs = 'console.log("政策通")'.repeat(100)
writeFileSync(join(h5.path, 'js', 'app.1a2b3c4d.js'), hashedJs)
writeFileSync(join(h5.path, 'js', 'app.1a2b3c4d.js.br'), brotliCompressSync(hashedJs))
afterAll(() => {
  media.remove()
  h5.remove()
})

describe('with media and an H5 build', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ mediaDir: media.path, staticDir: h5.path })
  })
  afterAll(() => server.close())

  it('serves a byte range of a video with 206', async () => {
    const res = await server.get('/media/videos/v001.mp4', { headers: { range: 'bytes=100-199' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe('bytes 100-199/10000')
    expect(res.headers.get('content-type')).toBe('video/mp4')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(video.subarray(100, 200))
  })

  it('serves the whole file with accept-ranges and a long cache', async () => {
    const res = await server.get('/media/videos/v001.mp4')
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('cache-control')).toBe('public, max-age=2592000')
    expect((await res.arrayBuffer()).byteLength).toBe(10_000)
  })

  it('serves caption tracks as text/vtt', async () => {
    const res = await server.get('/media/captions/v001.vtt')
    expect(res.headers.get('content-type')).toMatch(/^text\/vtt/)
  })

  it('answers JSON 404 for missing media, not index.html', async () => {
    const res = await server.get('/media/videos/none.mp4')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
    expect((await server.get('/media/../package.json')).status).toBe(404)
  })

  it('serves the H5 app at / and its assets', async () => {
    expect(await (await server.get('/')).text()).toContain('<title>政策通</title>')
    expect(await (await server.get('/js/app.js')).text()).toBe('console.log(1)')
    expect((await server.get('/favicon.ico')).status).toBe(200)
  })

  it('sends the precompressed file, and caches hashed files for a year but revalidates index.html', async () => {
    const js = await server.get('/js/app.1a2b3c4d.js', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(js.headers.get('content-encoding')).toBe('br')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await js.text()).toBe(hashedJs) // fetch decodes it
    expect((await server.get('/')).headers.get('cache-control')).toBe('no-cache')
  })

  it('falls back to index.html for client-side routes only', async () => {
    const route = await server.get('/pages/policy/detail?id=p001')
    expect(route.status).toBe(200)
    expect(route.headers.get('content-type')).toMatch(/^text\/html/)
    expect((await server.get('/js/missing.js')).status).toBe(404)
    const api = await server.api('/nope')
    expect(api.status).toBe(404)
    expect((await api.json()).error.message).toBe('接口不存在')
  })
})

describe('without an H5 build or media', () => {
  it('says how to build at /', async () => {
    const server = await startTestServer({ staticDir: join(h5.path, 'missing'), mediaDir: join(media.path, 'missing') })
    try {
      const res = await server.get('/')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
      const text = await res.text()
      expect(text).toBe(NO_BUILD_MESSAGE)
      expect(text).toContain('npm run build:h5')
      expect((await server.get('/media/videos/v001.mp4')).status).toBe(404)
      // the tab icon is there with or without a build
      const icon = await server.get('/favicon.ico')
      expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/x-icon'])
      expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))
    } finally {
      await server.close()
    }
  })
})

describe('the generated mock/media, once it exists', () => {
  const dir = join(ROOT_DIR, 'mock', 'media', 'videos')
  const mp4 = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.mp4')) : undefined
  const maybe = mp4 ? it : it.skip

  maybe('supports seeking in a real video', async () => {
    const server = await startTestServer({ mediaDir: join(ROOT_DIR, 'mock', 'media') })
    try {
      const res = await server.get(`/media/videos/${mp4}`, { headers: { range: 'bytes=0-1023' } })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toMatch(/^bytes 0-1023\/\d+$/)
      await res.arrayBuffer()
    } finally {
      await server.close()
    }
  })
})
