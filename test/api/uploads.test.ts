/**
 * POST /api/v1/uploads over HTTP: real JPEG/PNG accepted and served back (nosniff, the sniffed
 * type, a year's cache); a text file named .jpg, an SVG, 6 MB, anonymous callers and a second
 * file refused with nothing stored; Idempotency-Key replays; the per-user limit answers 429.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { UPLOAD_MAX_BYTES, type UploadResult } from '../../src/contract'
import { sniffImage } from '../../server/modules/uploads/sniff'
import { JPEG, PNG, photoForm, upload } from './helpers/uploads'
import { makeTempDir } from './helpers/temp-dir'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
let token: string
const temp = makeTempDir()
const uploadsDir = path.join(temp.path, 'uploads')
const stored = () => readdirSync(uploadsDir)

beforeAll(async () => {
  // as main.ts runs it: the database and DATA_DIR/uploads in one data dir
  server = await startTestServer({ dataDir: temp.path, uploadsDir, devLogin: true })
  token = ((await (await server.api('/auth/dev', postJson({ role: 'lecturer', name: '陈海燕' }))).json()) as { token: string }).token
})
afterAll(async () => {
  await server.close()
  temp.remove()
})

it('accepts a real JPEG and PNG, whatever they are called, and serves them back with nosniff', async () => {
  const before = stored().length
  const jpeg = await upload(server, token, photoForm(JPEG, 'IMG_0001.HEIC', 'application/octet-stream'))
  expect(jpeg.status).toBe(201)
  const j = (await jpeg.json()) as UploadResult
  expect(j).toEqual({ url: expect.stringMatching(/^\/media\/uploads\/[0-9a-f]{32}\.jpg$/), type: 'image/jpeg', size: JPEG.length })

  const png = await upload(server, token, photoForm(PNG, 'icon.jpg', 'image/jpeg'))
  expect(png.status).toBe(201)
  const p = (await png.json()) as UploadResult
  expect(p).toMatchObject({ url: expect.stringMatching(/\.png$/), type: 'image/png', size: PNG.length })
  expect(stored().length).toBe(before + 2)

  const served = await server.get(j.url)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  expect(served.headers.get('cache-control')).toContain('max-age=31536000')
  expect(served.headers.get('content-security-policy')).toContain('sandbox')
  expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true)
  expect((await server.get(p.url)).headers.get('content-type')).toBe('image/png')
  // nothing else under /media/uploads: no listing, no made-up names, no way out of the folder
  expect([403, 404]).toContain((await server.get('/media/uploads/')).status)
  expect((await server.get('/media/uploads/0123456789abcdef0123456789abcdef.jpg')).status).toBe(404)
  expect([403, 404]).toContain((await server.get('/media/uploads/..%2F..%2Fzhengcetong.db')).status)
})

it('refuses what is not a JPEG, PNG or WebP by its bytes, and stores nothing', async () => {
  const before = stored().length
  const cases: [Uint8Array, string, string][] = [
    [Buffer.from('这不是图片，只是改了扩展名的文本文件\n'), 'photo.jpg', 'image/jpeg'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'a.png', 'image/png'],
    [Buffer.from('<html><script>alert(1)</script></html>'), 'a.webp', 'image/webp'],
    [Buffer.from('GIF89a\x01\x00\x01\x00'), 'a.gif', 'image/gif'],
  ]
  for (const [bytes, name, type] of cases) {
    const res = await upload(server, token, photoForm(bytes, name, type))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: '仅支持 JPG、PNG、WebP 图片' } })
  }
  expect(stored().length).toBe(before)
})

it('refuses 6 MB with 413 in Chinese and stores nothing', async () => {
  const before = stored().length
  const big = Buffer.alloc(6 * 1024 * 1024, 0)
  JPEG.copy(big) // a JPEG header, then 6 MB
  const res = await upload(server, token, photoForm(big))
  expect(res.status).toBe(413)
  expect(await res.json()).toEqual({ error: { code: 'bad_request', message: '照片不能超过 5 MB' } })
  expect(stored().length).toBe(before)
  // just over the limit without a Content-Length to trust: refused while streaming
  const over = Buffer.alloc(UPLOAD_MAX_BYTES + 1, 0)
  JPEG.copy(over)
  const streamed = await server.api('/uploads', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=zctboundary' },
    body: new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('--zctboundary\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n'))
        c.enqueue(new Uint8Array(over))
        c.enqueue(new TextEncoder().encode('\r\n--zctboundary--\r\n'))
        c.close()
      },
    }),
    duplex: 'half',
  } as RequestInit)
  expect(streamed.status).toBe(413)
  expect(stored().length).toBe(before)
  // the server is fine afterwards
  expect((await upload(server, token, photoForm(JPEG))).status).toBe(201)
})

it('asks anonymous callers to sign in, and refuses forms without a photo or with two', async () => {
  const before = stored().length
  const anonymous = await upload(server, undefined, photoForm(JPEG))
  expect(anonymous.status).toBe(401)
  expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: '请先登录' } })

  const json = await server.api('/uploads', postJson({ url: 'https://example.com/a.jpg' }, { authorization: `Bearer ${token}` }))
  expect(json.status).toBe(400)
  expect(((await json.json()) as { error: { message: string } }).error.message).toBe('请选择要上传的照片')

  const two = photoForm(JPEG)
  two.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'b.png')
  expect((await upload(server, token, two)).status).toBe(400)
  expect((await upload(server, token, photoForm(JPEG, 'a.jpg', 'image/jpeg', 'photo'))).status).toBe(400)
  const empty = new FormData()
  empty.append('note', '没有文件')
  expect((await upload(server, token, empty)).status).toBe(400)
  expect(stored().length).toBe(before)
})

it('replays a retried upload with the same Idempotency-Key, and refuses the key for other bytes', async () => {
  const first = await upload(server, token, photoForm(JPEG), { 'idempotency-key': 'photo-1' })
  const again = await upload(server, token, photoForm(JPEG), { 'idempotency-key': 'photo-1' })
  expect(first.status).toBe(201)
  expect(await again.json()).toEqual(await first.json())
  expect((await upload(server, token, photoForm(PNG), { 'idempotency-key': 'photo-1' })).status).toBe(422)
})

it('limits uploads per user (30 an hour) with a 429 in Chinese', async () => {
  const other = ((await (await server.api('/auth/dev', postJson({ role: 'resident', name: '上传测试' }))).json()) as { token: string }).token
  const statuses: number[] = []
  for (let i = 0; i < 31; i++) statuses.push((await upload(server, other, photoForm(PNG))).status)
  expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true)
  const refused = await upload(server, other, photoForm(PNG))
  expect(refused.status).toBe(429)
  expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^上传照片过于频繁，请 \d+ (分钟|小时)后再试$/)
})

it('sniffs WebP and nothing that merely starts like one', () => {
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
  expect(sniffImage(webp)).toBe('image/webp')
  expect(sniffImage(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeUndefined()
  expect(sniffImage(JPEG)).toBe('image/jpeg')
  expect(sniffImage(PNG)).toBe('image/png')
  expect(sniffImage(new Uint8Array(0))).toBeUndefined()
})
