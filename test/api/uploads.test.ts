/**
 * POST /api/v1/uploads over HTTP: real JPEG/PNG accepted; a text file named .jpg, an SVG, 6 MB,
 * anonymous callers and a second file refused with nothing stored; Idempotency-Key replays; the
 * per-user limit answers 429. Review M4: only lecturers, editors, reviewers and admins upload
 * (residents 403); a file must be a whole picture (truncated files and polyglots refused); a
 * daily quota per user in the database; an upload is served to its owner only (private,
 * no-store) until a delivered lecture's report attaches it, then to anyone with a year's cache;
 * unattached uploads older than 24 hours are swept at start and every hour.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { UPLOAD_MAX_BYTES, type Role, type UploadResult } from '../../common/contract'
import { addDays, shanghaiToday } from '../../common/shanghai-date'
import { UPLOAD_QUOTA } from '../../server/modules/uploads/repository'
import { SWEEP_INTERVAL_MS } from '../../server/modules/uploads/routes'
import { isValidJpeg, isValidPng, isValidWebp, sniffImage } from '../../server/modules/uploads/sniff'
import { lectureOrderInput } from './helpers/lecture-order'
import { makeClock } from './helpers/clock'
import { JPEG, PNG, photoForm, upload, uploadedPhoto } from './helpers/uploads'
import { makeTempDir } from './helpers/temp-dir'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

let server: TestServer
let token: string
const temp = makeTempDir()
const uploadsDir = path.join(temp.path, 'uploads')
const stored = () => readdirSync(uploadsDir)
const clock = makeClock(new Date())
let timers: jest.SpyInstance

const start = async () => {
  // as main.ts runs it: the database and DATA_DIR/uploads in one data dir
  server = await startTestServer({ dataDir: temp.path, uploadsDir, devLogin: true, now: clock.now })
  token = (await signIn('lecturer', '陈海燕')).token
}
const signIn = async (role: Role, name: string) =>
  (await (await server.api('/auth/dev', postJson({ role, name }))).json()) as { token: string; user: { id: string } }
const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } })
/** the status of GET `path`, its body read (an unread body keeps the connection, and a restart, waiting) */
const statusOf = async (path: string, init?: RequestInit) => {
  const res = await server.get(path, init)
  await res.arrayBuffer()
  return res.status
}

beforeAll(async () => {
  timers = jest.spyOn(global, 'setInterval')
  await start()
})
afterAll(async () => {
  timers.mockRestore()
  await server.close()
  temp.remove()
})

it('accepts a real JPEG and PNG, whatever they are called, and serves them to their owner only until attached', async () => {
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

  // the owner, with their token: private, never kept by a cache
  const served = await server.get(j.url, auth(token))
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  expect(served.headers.get('cache-control')).toBe('private, no-store')
  expect(served.headers.get('content-security-policy')).toContain('sandbox')
  expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true)
  const servedPng = await server.get(p.url, auth(token))
  expect(servedPng.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await servedPng.arrayBuffer()).equals(PNG)).toBe(true)
  // anyone else: 404, exactly as for a name that does not exist
  expect(await statusOf('/media/uploads/0123456789abcdef0123456789abcdef.jpg')).toBe(404)
  const other = (await signIn('lecturer', '王建国')).token
  for (const res of [await server.get(j.url), await server.get(j.url, auth(other)), await server.get(j.url, auth('garbage'))]) {
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(await (await server.get('/media/uploads/0123456789abcdef0123456789abcdef.jpg')).json())
  }
  // nothing else under /media/uploads: no listing, no made-up names, no way out of the folder
  expect([403, 404]).toContain(await statusOf('/media/uploads/'))
  expect([403, 404]).toContain(await statusOf('/media/uploads/..%2F..%2Fzhengcetong.db'))
  expect([403, 404]).toContain(await statusOf('/media/uploads/..%2F..%2Fzhengcetong.db', auth(token)))
})

const today = () => shanghaiToday(clock.now())
const ORDER = () => lectureOrderInput(today())

/** a lecture taken to 排期 by its resident, the dispatcher and 陈海燕 */
async function scheduledOrder(): Promise<string> {
  const call = async (t: string, p: string, body: unknown) => {
    const res = await server.api(p, postJson(body, { authorization: `Bearer ${t}` }))
    expect([p, res.status]).toEqual([p, p === '/lecture-orders' ? 201 : 200])
    return (await res.json()) as { id: string }
  }
  const resident = (await signIn('resident', '林晓燕')).token
  const dispatcher = (await signIn('dispatcher', '市宣讲中心派单员')).token
  const { id } = await call(resident, '/lecture-orders', ORDER())
  await call(dispatcher, `/lecture-orders/${id}/dispatch`, { lecturerId: 'u-lec-01' })
  await call(token, `/lecture-orders/${id}/accept`, {})
  await call(token, `/lecture-orders/${id}/schedule`, { date: addDays(today(), 10), time: '14:30', place: '城隍浦社区文化礼堂' })
  return id
}

const complete = (id: string, photos: string[]) =>
  server.api(
    `/lecture-orders/${id}/complete`,
    postJson({ attendance: 30, summary: '讲解了缴费档次和待遇领取。', photos }, { authorization: `Bearer ${token}` }),
  )

it('an upload attached to a delivered lecture is served to anyone, cached for a year', async () => {
  const id = await scheduledOrder()
  const photo = await uploadedPhoto(server, token)
  expect(await statusOf(photo)).toBe(404)
  expect((await complete(id, [photo])).status).toBe(200)
  const served = await server.get(photo)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true)
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
        c.enqueue(
          new TextEncoder().encode('--zctboundary\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n'),
        )
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
  const other = (await signIn('editor', '上传测试')).token
  const statuses: number[] = []
  for (let i = 0; i < 31; i++) statuses.push((await upload(server, other, photoForm(PNG))).status)
  expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true)
  const refused = await upload(server, other, photoForm(PNG))
  expect(refused.status).toBe(429)
  expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^上传照片过于频繁，请 \d+ (分钟|小时)后再试$/)
})

/** a RIFF/WEBP file of `chunks` (fourcc, payload), the RIFF size right unless given */
function webp(chunks: [string, Buffer][], riffSize?: number): Buffer {
  const body = Buffer.concat(
    chunks.map(([fourcc, data]) => {
      const head = Buffer.alloc(8)
      head.write(fourcc, 0, 'latin1')
      head.writeUInt32LE(data.length, 4)
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
    }),
  )
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(riffSize ?? body.length + 4, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}
/** VP8L: signature 0x2f, then 14-bit width-1 and height-1 */
const vp8l = (w: number, h: number) => {
  const b = Buffer.alloc(10)
  b[0] = 0x2f
  b.writeUInt32LE(((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14), 1)
  return b
}
/** VP8 (lossy) key frame header: frame tag, start code, 14-bit width and height */
const vp8 = (w: number, h: number) => {
  const b = Buffer.alloc(16)
  b.set([0x9d, 0x01, 0x2a], 3)
  b.writeUInt16LE(w, 6)
  b.writeUInt16LE(h, 8)
  return b
}
/** PNG chunk with its CRC */
const pngChunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([len, typed, crc])
}
const SCRIPT = Buffer.from('<html><script>alert(document.domain)</script></html>')

describe('a whole picture, not something that starts like one', () => {
  it('real JPEG, PNG and WebP pass', () => {
    expect(sniffImage(JPEG)).toBe('image/jpeg')
    expect(sniffImage(PNG)).toBe('image/png')
    expect(sniffImage(webp([['VP8L', vp8l(640, 480)]]))).toBe('image/webp')
    expect(sniffImage(webp([['VP8 ', vp8(640, 480)]]))).toBe('image/webp')
    const vp8x = Buffer.alloc(10)
    vp8x.writeUIntLE(1279, 4, 3)
    vp8x.writeUIntLE(719, 7, 3)
    expect(
      sniffImage(
        webp([
          ['VP8X', vp8x],
          ['VP8L', vp8l(1280, 720)],
          ['EXIF', Buffer.from('exif!')],
        ]),
      ),
    ).toBe('image/webp')
    expect(sniffImage(new Uint8Array(0))).toBeUndefined()
  })

  it('JPEG: SOI alone, a cut-off file, bytes after EOI, no SOF, zero dimensions are refused', () => {
    expect(isValidJpeg(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
    expect(isValidJpeg(JPEG.subarray(0, JPEG.length - 2))).toBe(false)
    expect(isValidJpeg(JPEG.subarray(0, 2000))).toBe(false)
    expect(isValidJpeg(Buffer.concat([JPEG, SCRIPT]))).toBe(false)
    expect(isValidJpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0]), SCRIPT, Buffer.from([0xff, 0xd9])]))).toBe(false)
    expect(isValidJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(false)
    // the SOF (baseline or progressive) of the real file with its height set to 0
    const sof = Math.max(JPEG.indexOf(Buffer.from([0xff, 0xc0])), JPEG.indexOf(Buffer.from([0xff, 0xc2])))
    const flat = Buffer.from(JPEG)
    flat.writeUInt16BE(0, sof + 5)
    expect(sof).toBeGreaterThan(0)
    expect(isValidJpeg(flat)).toBe(false)
  })

  it('PNG: the signature followed by a script, a cut-off file, bytes after IEND, a bad CRC, absurd dimensions are refused', () => {
    const signature = PNG.subarray(0, 8)
    expect(isValidPng(Buffer.concat([signature, SCRIPT]))).toBe(false)
    expect(isValidPng(PNG.subarray(0, PNG.length - 12))).toBe(false)
    expect(isValidPng(PNG.subarray(0, 40))).toBe(false)
    expect(isValidPng(Buffer.concat([PNG, SCRIPT]))).toBe(false)
    const badCrc = Buffer.from(PNG)
    badCrc[PNG.length - 20] ^= 0xff
    expect(isValidPng(badCrc)).toBe(false)
    const ihdr = (w: number, h: number) => {
      const d = Buffer.alloc(13)
      d.writeUInt32BE(w, 0)
      d.writeUInt32BE(h, 4)
      d[8] = 8
      d[9] = 6
      return pngChunk('IHDR', d)
    }
    const png = (w: number, h: number) =>
      Buffer.concat([signature, ihdr(w, h), pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])), pngChunk('IEND', Buffer.alloc(0))])
    expect(isValidPng(png(64, 64))).toBe(true)
    expect(isValidPng(png(0, 64))).toBe(false)
    expect(isValidPng(png(100_000, 100_000))).toBe(false)
    // a script in a text chunk is still a picture (served as image/png with nosniff, never run)
    expect(
      isValidPng(Buffer.concat([signature, ihdr(8, 8), pngChunk('tEXt', SCRIPT), pngChunk('IDAT', Buffer.from([1])), pngChunk('IEND', Buffer.alloc(0))])),
    ).toBe(true)
  })

  it('WebP: a RIFF size that is not the file, another RIFF type, an unknown first chunk, trailing bytes are refused', () => {
    const good = webp([['VP8L', vp8l(64, 64)]])
    expect(isValidWebp(good)).toBe(true)
    expect(isValidWebp(webp([['VP8L', vp8l(64, 64)]], 1000))).toBe(false)
    expect(isValidWebp(Buffer.concat([good, SCRIPT]))).toBe(false)
    expect(isValidWebp(good.subarray(0, good.length - 2))).toBe(false)
    const wave = Buffer.from(good)
    wave.write('WAVE', 8, 'latin1')
    expect(isValidWebp(wave)).toBe(false)
    expect(isValidWebp(webp([['ICCP', Buffer.alloc(10)]]))).toBe(false)
    expect(isValidWebp(webp([['VP8 ', Buffer.concat([Buffer.alloc(3), SCRIPT])]]))).toBe(false)
  })

  it('over HTTP: the 3-byte FF D8 FF, a PNG signature and a script, a cut-off JPEG are 400 and nothing is stored', async () => {
    const before = stored().length
    const me = (await signIn('lecturer', '多态文件测试')).token
    for (const bytes of [
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.concat([PNG.subarray(0, 8), SCRIPT]),
      Buffer.concat([PNG, SCRIPT]),
      JPEG.subarray(0, JPEG.length - 100),
    ]) {
      const res = await upload(server, me, photoForm(bytes))
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: { code: 'bad_request', message: '仅支持 JPG、PNG、WebP 图片' } })
    }
    expect(stored().length).toBe(before)
  })
})

it('only lecturers, editors, reviewers and admins may upload: the others get 403 in Chinese and nothing is stored', async () => {
  const before = stored().length
  for (const role of ['resident', 'staff', 'dispatcher', 'responder'] as const) {
    const res = await upload(server, (await signIn(role, `上传角色${role}`)).token, photoForm(JPEG))
    expect([role, res.status]).toEqual([role, 403])
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: '只有宣讲员和内容编辑、审核、管理人员可以上传照片' } })
  }
  expect(stored().length).toBe(before)
  for (const role of ['editor', 'reviewer', 'admin'] as const) {
    expect([role, (await upload(server, (await signIn(role, `上传角色${role}`)).token, photoForm(PNG))).status]).toEqual([role, 201])
  }
})

describe(`a daily quota per user (${UPLOAD_QUOTA.files} files, ${UPLOAD_QUOTA.bytes / 1024 / 1024} MB), in the database`, () => {
  /** rows as if `userId` had uploaded `n` files of `size` bytes at `at` (one multi-row insert) */
  const pretend = async (userId: string, n: number, size: number, at: Date) => {
    const rows = Array.from({ length: n }, () => ({
      name: `${randomBytes(16).toString('hex')}.jpg`,
      user_id: userId,
      type: 'image/jpeg',
      size,
      sha256: '',
      created_at: at.toISOString(),
    }))
    await server.store.database.kysely.insertInto('uploads').values(rows).execute()
  }
  const refusedForQuota = async (res: Response) => {
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^今天上传的照片已达上限（500 张或 200 MB），请 \d+ (分钟|小时)后再试$/,
    )
  }

  it('files: the 500th of the day is stored, the 501st refused until the next day; yesterday does not count', async () => {
    const me = await signIn('lecturer', '配额测试甲')
    await pretend(me.user.id, 300, 1000, new Date(clock.now().getTime() - 24 * 3600_000 - 60_000))
    await pretend(me.user.id, UPLOAD_QUOTA.files - 1, 1000, clock.now())
    expect((await upload(server, me.token, photoForm(PNG))).status).toBe(201)
    const before = stored().length
    await refusedForQuota(await upload(server, me.token, photoForm(PNG)))
    expect(stored().length).toBe(before)
    // someone else is not affected
    expect((await upload(server, (await signIn('lecturer', '配额测试乙')).token, photoForm(PNG))).status).toBe(201)
  })

  it('bytes: an upload that would pass 200 MB is refused, and nothing is stored', async () => {
    const me = await signIn('lecturer', '配额测试丙')
    await pretend(me.user.id, 1, UPLOAD_QUOTA.bytes - JPEG.length + 1, clock.now())
    const before = stored().length
    await refusedForQuota(await upload(server, me.token, photoForm(JPEG)))
    expect(stored().length).toBe(before)
    // a smaller one still fits
    expect(PNG.length).toBeLessThan(JPEG.length)
    expect((await upload(server, me.token, photoForm(PNG))).status).toBe(201)
  })
})

describe('unattached uploads are deleted after 24 hours: at start and every hour', () => {
  it("the sweep runs hourly on an unref'd timer", () => {
    const call = timers.mock.calls.findIndex((c) => c[1] === SWEEP_INTERVAL_MS)
    expect(SWEEP_INTERVAL_MS).toBe(3600_000)
    expect(call).toBeGreaterThanOrEqual(0)
    expect((timers.mock.results[call].value as NodeJS.Timeout).hasRef()).toBe(false)
  })

  it('keeps attached and young uploads, deletes the rest (row and file), also at the next start', async () => {
    await server.app.uploads.sweep() // what earlier tests left that is already a day old
    const id = await scheduledOrder()
    const attached = await uploadedPhoto(server, token)
    expect((await complete(id, [attached])).status).toBe(200)
    const old = await uploadedPhoto(server, token, PNG)
    const file = (url: string) => path.join(uploadsDir, path.basename(url))
    expect(existsSync(file(old))).toBe(true)

    clock.advance(23 * 3600_000)
    // staff sessions end after 12 h unused
    token = (await signIn('lecturer', '陈海燕')).token
    const young = await uploadedPhoto(server, token)
    expect(await server.app.uploads.sweep()).toEqual([])
    clock.advance(3600_000 + 1000)
    const swept = await server.app.uploads.sweep()
    expect(swept).toContain(path.basename(old))
    expect(swept).not.toContain(path.basename(young))
    expect(swept).not.toContain(path.basename(attached))
    expect(existsSync(file(old))).toBe(false)
    // gone for its owner too, and no longer a completion photo
    expect(await statusOf(old, auth(token))).toBe(404)
    expect(await server.app.uploads.isUploadOf(old, (await signIn('lecturer', '陈海燕')).user.id)).toBe(false)
    expect(await statusOf(attached)).toBe(200)

    // a restart a day later sweeps the young one before the first request (connections cut first:
    // under load the streamed 6 MB upload above can still hold one until its request timeout)
    server.app.server.closeAllConnections()
    await server.close()
    clock.advance(24 * 3600_000)
    await start()
    expect(existsSync(file(young))).toBe(false)
    expect(existsSync(file(attached))).toBe(true)
    expect(await statusOf(attached)).toBe(200)
  }, 30_000)

  it('a photo the sweep deleted after it was picked cannot complete a lecture', async () => {
    const id = await scheduledOrder()
    const photo = await uploadedPhoto(server, token)
    clock.advance(24 * 3600_000 + 1000)
    token = (await signIn('lecturer', '陈海燕')).token
    await server.app.uploads.sweep()
    const res = await complete(id, [photo])
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('请上传照片')
  })
})
