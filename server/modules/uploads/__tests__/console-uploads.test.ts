/**
 * Uploads for the console (政务工作台) over HTTP, on SQLite and (test:pg) PostgreSQL: a policy's
 * PDF attachment (≤ 20 MB, editors, reviewers and admins only, a PDF by its bytes); a picture a
 * 仙居县 editor's saved interpretation uses is seen by the 仙居县 reviewer but by nobody of
 * 椒江区 nor any resident until it is published, then by anyone with a year's cache; it is never
 * swept while the draft uses it; and nobody attaches another user's private upload.
 */
import path from 'node:path'
import { existsSync, readdirSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import type { EditorialItem, UploadResult } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { JPEG, PNG, photoForm, upload, uploadedPhoto } from '../../../../test/api/helpers/uploads'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, interpretationDraft, JIAOJIANG, ok, signIn, type Staff, XIANJU } from '../../editorial/__tests__/helpers'

const clock = makeClock(new Date('2026-03-02T02:00:00.000Z'))
const temp = makeTempDir()
const uploadsDir = path.join(temp.path, 'uploads')
let server: TestServer
let editor: Staff
let reviewer: Staff
let jiaojiangReviewer: Staff
let lecturer: Staff
let resident: string

/** a small but well-formed PDF (header, one object, xref, trailer, %%EOF) */
function pdf(padding = 0): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
    Buffer.alloc(padding, 0x20),
    Buffer.from('xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n', 'latin1'),
  ])
}
/** a whole 8×8 PNG carrying `textBytes` in a tEXt chunk (a picture of any size) */
function pngWithText(textBytes: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([len, typed, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(8, 0)
  ihdr.writeUInt32BE(8, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  return Buffer.concat([
    PNG.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.alloc(textBytes, 0x61)),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
const pdfForm = (bytes: Uint8Array, name = '政策原文.pdf') => photoForm(bytes, name, 'application/pdf')
const auth = (who: { token: string } | string) => ({ headers: { authorization: `Bearer ${typeof who === 'string' ? who : who.token}` } })
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message
/** the status of GET `url`, its body read */
const statusOf = async (url: string, init?: RequestInit) => {
  const res = await server.get(url, init)
  await res.arrayBuffer()
  return res.status
}

async function uploadedPdf(who: Staff, bytes = pdf()): Promise<string> {
  const res = await upload(server, who.token, pdfForm(bytes))
  const body = (await res.json()) as UploadResult
  expect([res.status, body.type]).toEqual([201, 'application/pdf'])
  return body.url
}

const createInterpretation = (who: Staff, draft: unknown) => call(server, who, 'POST', '/admin/interpretations', { orgCode: XIANJU, draft })
const pictureDraft = (title: string, cover: string, picture = cover) => ({
  ...interpretationDraft(title),
  cover,
  blocks: [
    { type: 'paragraph', text: '正文第一段' },
    { type: 'image', src: picture, alt: '补贴标准示意图' },
  ],
})

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false, uploadsDir, now: clock.now })
  editor = await signIn(server, 'editor', XIANJU, '仙居编辑')
  reviewer = await signIn(server, 'reviewer', XIANJU, '仙居审核')
  jiaojiangReviewer = await signIn(server, 'reviewer', JIAOJIANG, '椒江审核')
  lecturer = await signIn(server, 'lecturer', XIANJU, '仙居宣讲员')
  resident = ((await (await server.api('/auth/dev', postJson({ role: 'resident', name: '林晓燕' }))).json()) as { token: string }).token
})
afterAll(async () => {
  await server.close()
  temp.remove()
})

describe('a policy PDF', () => {
  it('is accepted from an editor up to 20 MB and served as application/pdf with nosniff and the sandbox CSP', async () => {
    const url = await uploadedPdf(editor)
    expect(url).toMatch(/^\/media\/uploads\/[0-9a-f]{32}\.pdf$/)
    // 6 MB: over a photo's limit, within a PDF's
    expect((await upload(server, editor.token, pdfForm(pdf(6 * 1024 * 1024)))).status).toBe(201)
    const served = await server.get(url, auth(editor))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(served.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf())).toBe(true)
  })

  it('is refused from a lecturer, who keeps photos only', async () => {
    const before = readdirSync(uploadsDir).length
    const res = await upload(server, lecturer.token, pdfForm(pdf()))
    expect(res.status).toBe(400)
    expect(await message(res)).toBe('仅支持 JPG、PNG、WebP 图片')
    expect(readdirSync(uploadsDir).length).toBe(before)
    expect((await upload(server, lecturer.token, photoForm(JPEG))).status).toBe(201)
  })

  it('is refused when its bytes are no PDF: a renamed text, a PDF header without %%EOF, HTML after %%EOF', async () => {
    for (const bytes of [
      Buffer.from('这不是 PDF，只是改了扩展名的文本文件\n'.repeat(4)),
      Buffer.from('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n'.repeat(4)),
      Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')]),
      Buffer.concat([Buffer.from('<html>'), pdf()]),
    ]) {
      const res = await upload(server, editor.token, pdfForm(bytes))
      expect(res.status).toBe(400)
      expect(await message(res)).toBe('仅支持 JPG、PNG、WebP 图片或 PDF 文件')
    }
  })

  it('is refused over 20 MB with 413 in Chinese; a picture from an editor still stops at 5 MB', async () => {
    const big = await upload(server, editor.token, pdfForm(pdf(20 * 1024 * 1024)))
    expect(big.status).toBe(413)
    expect(await message(big)).toBe('PDF 文件不能超过 20 MB')
    const tooBig = await upload(server, editor.token, photoForm(pngWithText(6 * 1024 * 1024), 'big.png', 'image/png'))
    expect(tooBig.status).toBe(413)
    expect(await message(tooBig)).toBe('照片不能超过 5 MB')
  })
})

describe('pictures and attachments of console items', () => {
  let picture: string
  let item: EditorialItem

  it('a 仙居县 editor saves an interpretation with their picture: the 仙居县 reviewer sees it, 椒江区 and residents get 404', async () => {
    picture = await uploadedPhoto(server, editor.token)
    item = await ok(await createInterpretation(editor, pictureDraft('一图读懂仙居县高龄津贴', picture)), 201)
    const seen = await server.get(picture, auth(reviewer))
    expect(seen.status).toBe(200)
    expect(seen.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(await seen.arrayBuffer()).equals(JPEG)).toBe(true)
    expect(await statusOf(picture, auth(jiaojiangReviewer))).toBe(404)
    expect(await statusOf(picture, auth(resident))).toBe(404)
    expect(await statusOf(picture)).toBe(404)
    // a 仙居县 lecturer is no console staff
    expect(await statusOf(picture, auth(lecturer))).toBe(404)
  })

  it('a policy attachment saved by PUT is seen by the reviewer of the same county', async () => {
    const attachment = await uploadedPdf(editor)
    expect(await statusOf(attachment, auth(reviewer))).toBe(404)
    const draft = {
      title: '仙居县高龄津贴发放办法',
      docNumber: '仙政办发〔2026〕12号',
      issuer: '仙居县人民政府办公室',
      department: '仙居县民政局',
      topic: 'elderly',
      regionCode: XIANJU,
      publishedAt: '2026-01-10',
      summary: '80周岁以上老人按月领取津贴。',
      sections: [{ heading: '第一条', paragraphs: ['津贴按月发放。'] }],
      validity: 'valid',
    }
    const created = await ok<EditorialItem<'policy'>>(await call(server, editor, 'POST', '/admin/policies', { orgCode: XIANJU, draft }), 201)
    await ok(
      await call(server, editor, 'PUT', `/admin/policies/${created.id}`, {
        revision: created.revision,
        draft: { ...created.draft, attachment: { url: attachment, name: '仙居县高龄津贴发放办法.pdf' } },
      }),
    )
    const served = await server.get(attachment, auth(reviewer))
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'application/pdf'])
    await served.arrayBuffer()
    expect(await statusOf(attachment, auth(jiaojiangReviewer))).toBe(404)
  })

  it("an editor cannot save a draft with another user's unattached upload, nor a name that does not exist (400, nothing saved)", async () => {
    const colleague = await signIn(server, 'editor', XIANJU, '仙居编辑乙')
    const theirs = await uploadedPhoto(server, colleague.token, PNG)
    const refused = await createInterpretation(editor, pictureDraft('借用他人图片', '/media/covers/elderly.svg', theirs))
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { error: { message: string; fields: Record<string, string> } }
    expect(body.error.message).toBe('图片不存在或无权使用')
    expect(body.error.fields).toEqual({ 'draft.blocks[1].src': '图片不存在或无权使用' })
    const list = (await (await call(server, editor, 'GET', '/admin/interpretations?q=借用他人图片')).json()) as { total: number }
    expect(list.total).toBe(0)
    // still private to its owner
    expect(await statusOf(theirs, auth(editor))).toBe(404)

    const invented = await call(server, editor, 'PUT', `/admin/interpretations/${item.id}`, {
      revision: item.revision,
      draft: pictureDraft('一图读懂仙居县高龄津贴', '/media/uploads/0123456789abcdef0123456789abcdef.jpg', picture),
    })
    expect([invented.status, await message(invented)]).toEqual([400, '图片不存在或无权使用'])
    // a PDF is no cover
    const attachment = await uploadedPdf(editor)
    const notAPicture = await createInterpretation(editor, pictureDraft('封面是PDF', attachment, picture))
    expect([notAPicture.status, await message(notAPicture)]).toEqual([400, '请使用 JPG、PNG 或 WebP 图片'])
  })

  it('a picture already used in 仙居县 may be reused by a colleague there, not by an editor of 椒江区', async () => {
    const colleague = await signIn(server, 'editor', XIANJU, '仙居编辑丙')
    await ok(await createInterpretation(colleague, pictureDraft('仙居县高龄津贴问答', picture)), 201)
    const jiaojiangEditor = await signIn(server, 'editor', JIAOJIANG, '椒江编辑')
    const other = await call(server, jiaojiangEditor, 'POST', '/admin/interpretations', {
      orgCode: JIAOJIANG,
      draft: { ...pictureDraft('椒江区借图', picture), department: '椒江区民政局' },
    })
    expect([other.status, await message(other)]).toEqual([400, '图片不存在或无权使用'])
  })

  it('is not swept after 25 hours while the draft uses it; an unused upload of the same age is', async () => {
    const unused = await uploadedPhoto(server, editor.token, PNG)
    clock.advance(25 * 3600_000)
    const swept = await server.app.uploads.sweep()
    expect(swept).toContain(path.basename(unused))
    expect(swept).not.toContain(path.basename(picture))
    expect(existsSync(path.join(uploadsDir, path.basename(picture)))).toBe(true)
    // staff sessions end after 12 hours unused
    editor = await signIn(server, 'editor', XIANJU, '仙居编辑')
    reviewer = await signIn(server, 'reviewer', XIANJU, '仙居审核')
    expect(await statusOf(picture, auth(reviewer))).toBe(200)
    expect(await statusOf(unused, auth(editor))).toBe(404)
  })

  it('after publishing anyone gets it, cached for a year; withdrawing leaves it public', async () => {
    const base = `/admin/interpretations/${item.id}`
    let it = await ok(await call(server, editor, 'GET', base))
    it = await ok(await call(server, editor, 'POST', `${base}/submit`, { revision: it.revision }))
    it = await ok(await call(server, reviewer, 'POST', `${base}/approve`, { revision: it.revision }))
    expect(await statusOf(picture)).toBe(404)
    it = await ok(await call(server, reviewer, 'POST', `${base}/publish`, { revision: it.revision }))
    expect(it.status).toBe('published')
    const live = (await (await server.api(`/interpretations/${item.id}`)).json()) as { cover: string }
    expect(live.cover).toBe(picture)
    for (const init of [undefined, auth(resident), auth(jiaojiangReviewer)]) {
      const res = await server.get(picture, init)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true)
    }
    await ok(await call(server, reviewer, 'POST', `${base}/withdraw`, { revision: it.revision }))
    expect(await statusOf(picture)).toBe(200)
  })
})
