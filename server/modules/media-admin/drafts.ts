/**
 * Videos and courses as editorial items: how their drafts are read (validate.ts calls these), what
 * 送审 requires of them (checks.ts), what publishing writes into the public tables the resident
 * app reads (videos, courses, lessons) and what withdrawing removes. No video goes live without
 * captions: 送审 refuses one, and so does 发布 itself.
 */
import type { Kysely } from 'kysely'
import type { CourseDraft, CourseLessonDraft, EditorialCheck, VideoDraft } from '../../../common/contract'
import { UPLOAD_URL_PREFIX } from '../../../common/contract'
import type { DB } from '../../db/schema'
import { badRequest } from '../../errors'

export const VIDEO_LIMITS = { title: 100, topic: 32, summary: 500, department: 50, lessons: 100, lessonTitle: 100 } as const
export const NO_CAPTIONS = '视频没有字幕，不能发布：请上传 WebVTT 字幕'

const MP4 = /^\/media\/uploads\/[0-9a-f]{32}\.mp4$/
const VTT = /^\/media\/uploads\/[0-9a-f]{32}\.vtt$/
const FIXTURE_MEDIA = /^\/media\/(videos|captions)\/[A-Za-z0-9_-]+\.(mp4|vtt)$/

/** the field reader of editorial/validate.ts (its DraftReader), as far as these drafts use it */
export interface DraftReader {
  fail(key: string, message: string): void
  text(key: string, value: unknown, label: string, rule: { max: number; multiline?: boolean }): string
  optionalText(key: string, value: unknown, label: string, rule: { max: number; multiline?: boolean }): string | undefined
  date(key: string, value: unknown, label: string): string | undefined
  id(key: string, value: unknown, label: string): string | undefined
  array(key: string, value: unknown, label: string, max: number): unknown[]
  link(key: string, value: unknown, label: string, test: (v: string) => boolean, hint: string): string
  media(key: string, value: unknown, label: string): string
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function withoutUndefined<O extends object>(o: O): O {
  for (const k of Object.keys(o) as (keyof O)[]) if (o[k] === undefined) delete o[k]
  return o
}

function count(r: DraftReader, key: string, value: unknown, label: string, max: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    r.fail(key, `${label}应为 0 到 ${max} 的整数`)
    return undefined
  }
  return value
}

export function readVideo(r: DraftReader, d: Record<string, unknown>): VideoDraft {
  const file = (key: string, value: unknown, label: string, pattern: RegExp) =>
    r.link(key, value, label, (v) => pattern.test(v) || FIXTURE_MEDIA.test(v), '应为在此上传的文件')
  return withoutUndefined({
    title: r.text('draft.title', d.title, '标题', { max: VIDEO_LIMITS.title }),
    topic: r.text('draft.topic', d.topic, '主题', { max: VIDEO_LIMITS.topic }),
    summary: r.optionalText('draft.summary', d.summary, '简介', { max: VIDEO_LIMITS.summary, multiline: true }),
    src: file('draft.src', d.src, '视频文件', MP4),
    poster: r.media('draft.poster', d.poster, '封面'),
    captions: file('draft.captions', d.captions, '字幕', VTT),
    durationSec: count(r, 'draft.durationSec', d.durationSec, '时长（秒）', 24 * 3600) ?? 0,
    width: count(r, 'draft.width', d.width, '宽度', 10_000),
    height: count(r, 'draft.height', d.height, '高度', 10_000),
    policyId: r.id('draft.policyId', d.policyId, '关联政策'),
    interpretationId: r.id('draft.interpretationId', d.interpretationId, '关联解读'),
    reviewDate: r.date('draft.reviewDate', d.reviewDate, '复核日期'),
  })
}

export function readCourse(r: DraftReader, d: Record<string, unknown>): CourseDraft {
  const lessons: CourseLessonDraft[] = []
  r.array('draft.lessons', d.lessons, '课时', VIDEO_LIMITS.lessons).forEach((l, i) => {
    const key = `draft.lessons[${i}]`
    if (!isObject(l)) return r.fail(key, '课时格式不正确')
    const videoId = r.id(`${key}.videoId`, l.videoId, '课时视频') ?? ''
    if (videoId && lessons.some((x) => x.videoId === videoId)) return r.fail(`${key}.videoId`, '同一视频不能重复作为课时')
    lessons.push({ videoId, title: r.text(`${key}.title`, l.title, '课时标题', { max: VIDEO_LIMITS.lessonTitle }) })
  })
  return withoutUndefined({
    title: r.text('draft.title', d.title, '标题', { max: VIDEO_LIMITS.title }),
    topic: r.text('draft.topic', d.topic, '主题', { max: VIDEO_LIMITS.topic }),
    department: r.text('draft.department', d.department, '发布部门', { max: VIDEO_LIMITS.department }),
    cover: r.media('draft.cover', d.cover, '封面'),
    summary: r.text('draft.summary', d.summary, '简介', { max: VIDEO_LIMITS.summary, multiline: true }),
    lessons,
    reviewDate: r.date('draft.reviewDate', d.reviewDate, '复核日期'),
  })
}

const error = (code: string, field: string, message: string): EditorialCheck => ({ level: 'error', code, field, message })

const uploadName = (url: string) => (url.startsWith(UPLOAD_URL_PREFIX) ? url.slice(UPLOAD_URL_PREFIX.length) : undefined)

/** the probed length (ms) of an uploaded mp4, or undefined */
async function probedMs(db: Kysely<DB>, src: string): Promise<number | undefined> {
  const name = uploadName(src)
  if (!name) return undefined
  const row = await db.selectFrom('video_files').select('duration_ms').where('name', '=', name).executeTakeFirst()
  return row?.duration_ms
}

/** the 送审 findings of a video: required fields, captions, an upload that was read, the links */
export async function videoChecks(db: Kysely<DB>, d: VideoDraft): Promise<EditorialCheck[]> {
  const found: EditorialCheck[] = []
  if (!d.title) found.push(error('required', 'draft.title', '请填写标题'))
  if (!d.topic) found.push(error('required', 'draft.topic', '请选择主题'))
  if (!d.src) found.push(error('required', 'draft.src', '请上传视频文件'))
  else if (MP4.test(d.src) && (await probedMs(db, d.src)) === undefined) found.push(error('video_unread', 'draft.src', '视频文件无法读取，请重新上传'))
  if (!d.poster) found.push(error('required', 'draft.poster', '请上传封面'))
  if (!d.captions) found.push(error('no_captions', 'draft.captions', NO_CAPTIONS))
  if (d.policyId && !(await db.selectFrom('policies').select('id').where('id', '=', d.policyId).executeTakeFirst())) {
    found.push(error('broken_link', 'draft.policyId', `关联的政策（${d.policyId}）不存在或未发布`))
  }
  if (d.interpretationId && !(await db.selectFrom('interpretations').select('id').where('id', '=', d.interpretationId).executeTakeFirst())) {
    found.push(error('broken_link', 'draft.interpretationId', `关联的解读（${d.interpretationId}）不存在或未发布`))
  }
  return found
}

/** the 送审 findings of a course: required fields, and every lesson a published video */
export async function courseChecks(db: Kysely<DB>, d: CourseDraft): Promise<EditorialCheck[]> {
  const found: EditorialCheck[] = []
  if (!d.title) found.push(error('required', 'draft.title', '请填写标题'))
  if (!d.topic) found.push(error('required', 'draft.topic', '请选择主题'))
  if (!d.department) found.push(error('required', 'draft.department', '请填写发布部门'))
  if (!d.cover) found.push(error('required', 'draft.cover', '请上传封面'))
  if (!d.summary) found.push(error('required', 'draft.summary', '请填写简介'))
  if (d.lessons.length === 0) found.push(error('required', 'draft.lessons', '请至少添加一节课时'))
  const ids = d.lessons.map((l) => l.videoId).filter(Boolean)
  const live = new Set(ids.length ? (await db.selectFrom('videos').select('id').where('id', 'in', ids).execute()).map((v) => v.id!) : [])
  d.lessons.forEach((l, i) => {
    if (!l.videoId) found.push(error('required', `draft.lessons[${i}].videoId`, `第 ${i + 1} 课时请选择视频`))
    else if (!live.has(l.videoId)) found.push(error('broken_link', `draft.lessons[${i}].videoId`, `第 ${i + 1} 课时的视频（${l.videoId}）不存在或未发布`))
  })
  return found
}

/** the columns of a video's public row */
async function videoRow(trx: Kysely<DB>, id: string, d: VideoDraft, today: string) {
  const ms = await probedMs(trx, d.src)
  return {
    title: d.title,
    topic: d.topic,
    src: d.src,
    poster: d.poster,
    captions: d.captions,
    duration_sec: ms !== undefined ? Math.round(ms / 1000) : d.durationSec,
    interpretation_id: d.interpretationId ?? null,
    published_at: today,
    id,
  }
}

/** makes the draft the public video (its views and likes kept when a new version replaces the live one) */
export async function publishVideo(trx: Kysely<DB>, id: string, d: VideoDraft, today: string): Promise<void> {
  if (!d.captions) throw badRequest(NO_CAPTIONS, { fields: { 'draft.captions': NO_CAPTIONS } })
  const row = await videoRow(trx, id, d, today)
  const { id: _id, published_at, ...content } = row
  void _id
  await trx
    .insertInto('videos')
    .values({ ...row, views: 0, likes: 0 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...content, published_at }))
    .execute()
  // a course's lessons that play this video follow it
  await trx
    .updateTable('lessons')
    .set({ src: content.src, poster: content.poster, captions: content.captions, duration_sec: content.duration_sec })
    .where('id', 'like', `%~${id}`)
    .execute()
}

export async function unpublishVideo(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('video_views').where('video_id', '=', id).execute()
  await trx.deleteFrom('video_likes').where('video_id', '=', id).execute()
  await trx.deleteFrom('videos').where('id', '=', id).execute()
}

/** a lesson's id: the course's and the video's (a lesson of a republished course keeps its learners' progress) */
export const lessonId = (courseId: string, videoId: string) => `${courseId}~${videoId}`

export async function publishCourse(trx: Kysely<DB>, id: string, d: CourseDraft): Promise<void> {
  const ids = d.lessons.map((l) => l.videoId)
  const videos = ids.length ? await trx.selectFrom('videos').selectAll().where('id', 'in', ids).execute() : []
  const byId = new Map(videos.map((v) => [v.id!, v]))
  const missing = d.lessons.findIndex((l) => !byId.has(l.videoId))
  if (missing >= 0) throw badRequest(`第 ${missing + 1} 课时的视频未发布，不能发布课程`)
  const existing = await trx.selectFrom('courses').select('position').where('id', '=', id).executeTakeFirst()
  const position =
    existing?.position ??
    Number(
      (
        await trx
          .selectFrom('courses')
          .select((eb) => eb.fn.max<number | null>('position').as('p'))
          .executeTakeFirst()
      )?.p ?? 0,
    ) + 1
  const course = { title: d.title, topic: d.topic, department: d.department, cover: d.cover, summary: d.summary }
  await trx
    .insertInto('courses')
    .values({ id, ...course, position })
    .onConflict((oc) => oc.column('id').doUpdateSet(course))
    .execute()
  const keep = d.lessons.map((l) => lessonId(id, l.videoId))
  let dropped = trx.selectFrom('lessons').select('id').where('course_id', '=', id)
  if (keep.length) dropped = dropped.where('id', 'not in', keep)
  const gone = (await dropped.execute()).map((l) => l.id!)
  if (gone.length) {
    await trx.deleteFrom('lesson_progress').where('lesson_id', 'in', gone).execute()
    await trx.deleteFrom('lessons').where('id', 'in', gone).execute()
  }
  for (const [i, l] of d.lessons.entries()) {
    const v = byId.get(l.videoId)!
    const lesson = { position: i + 1, title: l.title || v.title, src: v.src, poster: v.poster, captions: v.captions, duration_sec: v.duration_sec }
    await trx
      .insertInto('lessons')
      .values({ id: lessonId(id, l.videoId), course_id: id, ...lesson })
      .onConflict((oc) => oc.column('id').doUpdateSet(lesson))
      .execute()
  }
}

export async function unpublishCourse(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('lesson_progress').where('course_id', '=', id).execute()
  await trx.deleteFrom('lessons').where('course_id', '=', id).execute()
  await trx.deleteFrom('courses').where('id', '=', id).execute()
}
