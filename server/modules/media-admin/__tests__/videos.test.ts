/**
 * 视频与课堂 through the console on a real server (SQLite, or PostgreSQL under TEST_DATABASE_URL):
 * an mp4 upload checked by its bytes and read for its length (ffprobe is not installed here: the
 * file's own boxes), captions checked with line numbers, no video sent for review (so none
 * published) without captions, a published video in the resident feed and a published course
 * with its lessons in order; organisations scope everything (椒江区 vs 黄岩区) and it is audited.
 */
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { CourseSummary, EditorialItem, Page, Video, VideoFileResult } from '../../../../common/contract'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'

jest.setTimeout(120_000)

const MEDIA = join(__dirname, '../../../../mock/media')
const JIAOJIANG = '331002'
const HUANGYAN = '331003'
const mp4 = readFileSync(join(MEDIA, 'videos/v001.mp4'))
const poster = readFileSync(join(MEDIA, 'posters/v001.jpg'))
const captionsText = readFileSync(join(MEDIA, 'captions/v001.vtt'), 'utf8')

let server: TestServer
let editor: Staff
let reviewer: Staff
let otherEditor: Staff
let otherReviewer: Staff

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  editor = await signIn(server, 'editor', JIAOJIANG, '椒江编辑')
  reviewer = await signIn(server, 'reviewer', JIAOJIANG, '椒江审核')
  otherEditor = await signIn(server, 'editor', HUANGYAN, '黄岩编辑')
  otherReviewer = await signIn(server, 'reviewer', HUANGYAN, '黄岩审核')
})
afterAll(async () => server.close())

function send(who: Staff, path: string, bytes: Buffer, filename: string, type: string, headers: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  return server.api(path, { method: 'POST', headers: { authorization: `Bearer ${who.token}`, ...headers }, body: form })
}

const uploads = async () =>
  Number(
    (
      await server.store.database.kysely
        .selectFrom('uploads')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

async function errorOf(res: Response, status: number) {
  const body = (await ok<{ error: { message: string; checks?: { field?: string; message: string }[] } }>(res, status)).error
  return body
}

describe('the video file', () => {
  it('stores an mp4 and reads its length and picture size from it', async () => {
    const res = await send(editor, '/admin/videos/files', mp4, 'clip.mp4', 'video/mp4', { 'idempotency-key': 'first-video' })
    const file = await ok<VideoFileResult>(res, 201)
    expect(file).toMatchObject({ size: mp4.length, durationSec: 12, probedWith: expect.stringMatching(/^(ffprobe|mp4)$/) })
    expect(file.url).toMatch(/^\/media\/uploads\/[0-9a-f]{32}\.mp4$/)
    expect(file.width).toBeGreaterThan(0)
    // a retry answers the same file, stored once
    const before = await uploads()
    const again = await ok<VideoFileResult>(await send(editor, '/admin/videos/files', mp4, 'clip.mp4', 'video/mp4', { 'idempotency-key': 'first-video' }), 201)
    expect(again).toEqual(file)
    expect(await uploads()).toBe(before)
    // private until published: the uploader has it, a stranger gets 404
    expect((await server.get(file.url, { headers: { authorization: `Bearer ${editor.token}` } })).status).toBe(200)
    expect((await server.get(file.url)).status).toBe(404)
    const audit = await server.store.database.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', file.url).execute()
    expect(audit).toEqual([{ action: 'media.video_file', actor_id: editor.id }])
  })

  it('refuses what is no mp4 by its bytes, whatever its name, and keeps nothing', async () => {
    const before = await uploads()
    const res = await send(editor, '/admin/videos/files', poster, 'fake.mp4', 'video/mp4')
    expect((await errorOf(res, 400)).message).toBe('仅支持 MP4 视频文件')
    // an ftyp box with no movie in it
    const hollow = Buffer.concat([mp4.subarray(0, 32), Buffer.alloc(64)])
    expect((await errorOf(await send(editor, '/admin/videos/files', hollow, 'hollow.mp4', 'video/mp4'), 400)).message).toContain('无法读取视频的时长和分辨率')
    expect(await uploads()).toBe(before)
  })

  it('refuses a body declared bigger than 500 MB before reading it', async () => {
    // the headers only: the answer comes before any of the 600 MB would be read
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/v1/admin/videos/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(600 * 1024 * 1024) },
      })
      req.on('response', (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body })
          req.destroy()
        })
      })
      req.on('error', reject)
      req.write('--x\r\n')
    })
    expect(answer.status).toBe(413)
    expect((JSON.parse(answer.body) as { error: { message: string } }).error.message).toBe('视频不能超过 500 MB')
  })

  it('is for editors and admins of an organisation only', async () => {
    expect((await send(reviewer, '/admin/videos/files', mp4, 'clip.mp4', 'video/mp4')).status).toBe(403)
    const resident = await signIn(server, 'resident', JIAOJIANG, '居民')
    expect((await send(resident, '/admin/videos/files', mp4, 'clip.mp4', 'video/mp4')).status).toBe(403)
    expect((await server.api('/admin/videos/files', { method: 'POST' })).status).toBe(401)
  })
})

describe('captions', () => {
  it('are stored when they pass, and refused with line numbers when not', async () => {
    const good = await ok<{ url: string; cues: number }>(
      await call(server, editor, 'POST', '/admin/videos/captions', { text: captionsText, durationSec: 12 }),
      201,
    )
    expect(good.cues).toBe(4)
    expect(good.url).toMatch(/\.vtt$/)
    const served = await server.get(good.url, { headers: { authorization: `Bearer ${editor.token}` } })
    expect(served.headers.get('content-type')).toContain('text/vtt')
    expect(await served.text()).toBe(captionsText)

    const before = await uploads()
    const bad = await errorOf(
      await call(server, editor, 'POST', '/admin/videos/captions', {
        text: 'WEBVTT\n\n00:00:01.000 --> 00:00:20.000\n<img src=x onerror=alert(1)>\n',
        durationSec: 12,
      }),
      400,
    )
    expect(bad.message).toBe('字幕有 2 处问题：第 3 行：结束时间超出视频时长（00:00:12）')
    expect(bad.checks?.map((c) => c.message)).toEqual(['第 3 行：结束时间超出视频时长（00:00:12）', '第 4 行：字幕文字不能包含标签、HTML 或脚本'])
    expect((await errorOf(await call(server, editor, 'POST', '/admin/videos/captions', { text: 'hello' }), 400)).message).toContain('第 1 行应为 WEBVTT')
    expect((await errorOf(await call(server, editor, 'POST', '/admin/videos/captions', { text: 1 }), 400)).message).toBeTruthy()
    expect(await uploads()).toBe(before)
  })
})

async function uploadVideo(who: Staff) {
  const file = await ok<VideoFileResult>(await send(who, '/admin/videos/files', mp4, 'clip.mp4', 'video/mp4'), 201)
  const captions = await ok<{ url: string }>(
    await call(server, who, 'POST', '/admin/videos/captions', { text: captionsText, durationSec: file.durationSec }),
    201,
  )
  const cover = await ok<{ url: string }>(await send(who, '/uploads', poster, 'cover.jpg', 'image/jpeg'), 201)
  return { file, captions: captions.url, poster: cover.url }
}

async function publish(path: string, item: EditorialItem): Promise<EditorialItem> {
  let it = await ok<EditorialItem>(await call(server, editor, 'POST', `${path}/${item.id}/submit`, { revision: item.revision }))
  it = await ok(await call(server, reviewer, 'POST', `${path}/${item.id}/approve`, { revision: it.revision }))
  return ok(await call(server, reviewer, 'POST', `${path}/${item.id}/publish`, { revision: it.revision }))
}

describe('a video through review and publish', () => {
  it('is not sent for review (so never published) without captions, then goes live with them', async () => {
    const { file, captions, poster: cover } = await uploadVideo(editor)
    const draft = { title: '三分钟看懂椒江区养老补贴', topic: 'yanglao', src: file.url, poster: cover, captions: '', durationSec: 999, policyId: 'p001' }
    const created = await ok<EditorialItem<'video'>>(await call(server, editor, 'POST', '/admin/videos', { orgCode: JIAOJIANG, draft }), 201)
    expect(created.id).toMatch(/^v-/)
    const refused = await errorOf(await call(server, editor, 'POST', `/admin/videos/${created.id}/submit`, { revision: created.revision }), 400)
    expect(refused.message).toContain('视频没有字幕，不能发布')
    expect(refused.checks?.find((c) => c.field === 'draft.captions')).toBeTruthy()
    expect((await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/videos/${created.id}`))).status).toBe('draft')

    // a file the editor did not upload is refused as a field
    const stray = await errorOf(
      await call(server, editor, 'PUT', `/admin/videos/${created.id}`, {
        revision: created.revision,
        draft: { ...draft, captions: '/media/uploads/0123456789abcdef0123456789abcdef.vtt' },
      }),
      400,
    )
    expect(stray.message).toBe('附件不存在或无权使用')

    const saved = await ok<EditorialItem>(
      await call(server, editor, 'PUT', `/admin/videos/${created.id}`, { revision: created.revision, draft: { ...draft, captions } }),
    )
    const live = await publish('/admin/videos', saved)
    expect(live).toMatchObject({ status: 'published', live: true })

    const feed = await ok<Page<Video>>(await server.api('/videos?pageSize=50'))
    const shown = feed.items.find((v) => v.id === created.id)
    // the length is the file's, not what the draft said
    expect(shown).toMatchObject({ title: draft.title, src: file.url, captions, poster: cover, durationSec: 12, views: 0 })
    expect(await ok<Video>(await server.api(`/videos/${created.id}`))).toMatchObject({ id: created.id })
    // published: anyone may fetch the video and its captions
    expect((await server.get(file.url)).status).toBe(200)
    expect((await server.get(captions)).status).toBe(200)
    // a player seeks by ranges
    const part = await server.get(file.url, { headers: { range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${mp4.length}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(mp4.subarray(100, 200))
    const tail = await server.get(file.url, { headers: { range: 'bytes=-10' } })
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(mp4.subarray(mp4.length - 10))
    expect((await server.get(file.url, { headers: { range: `bytes=${mp4.length}-` } })).status).toBe(416)
    // the fixtures are still there
    expect(feed.items.some((v) => v.id === 'v001')).toBe(true)

    const withdrawn = await ok<EditorialItem>(await call(server, reviewer, 'POST', `/admin/videos/${created.id}/withdraw`, { revision: live.revision }))
    expect(withdrawn.status).toBe('withdrawn')
    expect((await server.api(`/videos/${created.id}`)).status).toBe(404)
    const actions = await server.store.database.kysely.selectFrom('audit_log').select('action').where('target_id', '=', created.id).orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual([
      'editorial.create',
      'editorial.update',
      'editorial.submit',
      'editorial.approve',
      'editorial.publish',
      'editorial.withdraw',
    ])
  })

  it('belongs to its organisation: 黄岩区 can neither read, edit nor review a video of 椒江区', async () => {
    const { file, captions, poster: cover } = await uploadVideo(editor)
    const draft = { title: '椒江区的视频', topic: 'yanglao', src: file.url, poster: cover, captions, durationSec: 12 }
    const item = await ok<EditorialItem>(await call(server, editor, 'POST', '/admin/videos', { orgCode: JIAOJIANG, draft }), 201)
    expect((await call(server, otherEditor, 'GET', `/admin/videos/${item.id}`)).status).toBe(403)
    expect((await call(server, otherEditor, 'PUT', `/admin/videos/${item.id}`, { revision: item.revision, draft })).status).toBe(403)
    expect((await call(server, otherEditor, 'POST', '/admin/videos', { orgCode: JIAOJIANG, draft })).status).toBe(403)
    const submitted = await ok<EditorialItem>(await call(server, editor, 'POST', `/admin/videos/${item.id}/submit`, { revision: item.revision }))
    expect((await errorOf(await call(server, otherReviewer, 'POST', `/admin/videos/${item.id}/approve`, { revision: submitted.revision }), 403)).message).toBe(
      '不能操作其他单位的内容',
    )
    // 黄岩区's editor may not use 椒江区's private files in a draft of their own
    const theirs = await errorOf(await call(server, otherEditor, 'POST', '/admin/videos', { orgCode: HUANGYAN, draft }), 400)
    expect(theirs.message).toBe('附件不存在或无权使用')
    const list = await ok<Page<{ id: string }>>(await call(server, otherEditor, 'GET', '/admin/videos'))
    expect(list.items.map((i) => i.id)).not.toContain(item.id)
    expect((await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/videos/${item.id}`))).status).toBe('in_review')
  })
})

describe('a course', () => {
  it('is published with its lessons in the order the editor set, each a published video', async () => {
    const ids: string[] = []
    for (const title of ['第一课 什么是城乡居民养老保险', '第二课 怎么缴费']) {
      const { file, captions, poster: cover } = await uploadVideo(editor)
      const item = await ok<EditorialItem>(
        await call(server, editor, 'POST', '/admin/videos', {
          orgCode: JIAOJIANG,
          draft: { title, topic: 'yanglao', src: file.url, poster: cover, captions, durationSec: 12 },
        }),
        201,
      )
      ids.push(item.id)
    }
    const cover = await ok<{ url: string }>(await send(editor, '/uploads', poster, 'cover.jpg', 'image/jpeg'), 201)
    const draft = {
      title: '养老保险入门课',
      topic: 'yanglao',
      department: '椒江区人力社保局',
      cover: cover.url,
      summary: '两节课讲清楚城乡居民养老保险',
      lessons: [
        { videoId: ids[1], title: '' },
        { videoId: ids[0], title: '' },
      ],
    }
    const course = await ok<EditorialItem>(await call(server, editor, 'POST', '/admin/courses', { orgCode: JIAOJIANG, draft }), 201)
    expect(course.id).toMatch(/^c-/)
    // its lessons are not published yet
    const early = await errorOf(await call(server, editor, 'POST', `/admin/courses/${course.id}/submit`, { revision: course.revision }), 400)
    expect(early.checks?.filter((c) => c.field?.startsWith('draft.lessons')).map((c) => c.message)).toEqual([
      `第 1 课时的视频（${ids[1]}）不存在或未发布`,
      `第 2 课时的视频（${ids[0]}）不存在或未发布`,
    ])
    for (const id of ids) await publish('/admin/videos', await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/videos/${id}`)))
    // reordered: 第一课 first
    const reordered = await ok<EditorialItem>(
      await call(server, editor, 'PUT', `/admin/courses/${course.id}`, {
        revision: course.revision,
        draft: { ...draft, lessons: [...draft.lessons].reverse() },
      }),
    )
    await publish('/admin/courses', reordered)
    const list = await ok<CourseSummary[]>(await server.api('/courses'))
    expect(list.find((c) => c.id === course.id)).toMatchObject({ title: draft.title, lessonCount: 2, totalSec: 24 })
    const detail = await ok<{ lessons: { id: string; title: string; durationSec: number }[] }>(await server.api(`/courses/${course.id}`))
    expect(detail.lessons.map((l) => l.title)).toEqual(['第一课 什么是城乡居民养老保险', '第二课 怎么缴费'])
    expect(list.some((c) => c.id === 'c001')).toBe(true)
  })

  it('refuses a lesson listed twice, as a field', async () => {
    const res = await call(server, editor, 'POST', '/admin/courses', {
      orgCode: JIAOJIANG,
      draft: { title: '重复', lessons: [{ videoId: 'v001' }, { videoId: 'v001' }] },
    })
    const body = await ok<{ error: { fields: Record<string, string> } }>(res, 400)
    expect(body.error.fields).toEqual({ 'draft.lessons[1].videoId': '同一视频不能重复作为课时' })
  })
})
