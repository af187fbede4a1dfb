/**
 * 短视频 and 网络课堂 over the query layer (Kysely; SQLite or PostgreSQL, one implementation):
 * the video feed with its view and like counters, courses with their lessons, and where each user
 * is in each lesson.
 *
 * Under concurrent requests on PostgreSQL every counter moves in SQL, never read-modify-write in JS:
 * - a view counts once per viewer per VIEW_REPLAY_WINDOW_MS: one upsert of the (video, viewer) row
 *   whose DO UPDATE only fires when the last counted view is old enough; the row lock it takes makes
 *   a concurrent replay of the same viewer wait and then see the new time. `views = views + 1`.
 * - a like is the (video, user) primary key: INSERT … ON CONFLICT DO NOTHING / DELETE, and the total
 *   moves only when a row was really inserted or deleted.
 * - a completed lesson stays completed: the upsert ORs the stored flag in, in the same statement.
 */
import { sql } from 'kysely'
import type { Course, CourseSummary, Lesson, LessonProgress, Page, Video } from '../../../common/contract'
import type { Db } from '../../db/database'
import { progressOf, VIEW_REPLAY_WINDOW_MS } from './rules'

export interface VideoSearch {
  page: number
  pageSize: number
  topic?: string
}

interface VideoRow {
  id: string | null
  title: string
  topic: string
  src: string
  poster: string
  captions: string
  duration_sec: number
  views: number
  likes: number
  interpretation_id: string | null
  published_at: string
}

function videoFrom(r: VideoRow): Video {
  return {
    id: r.id as string,
    title: r.title,
    topic: r.topic,
    src: r.src,
    poster: r.poster,
    captions: r.captions,
    durationSec: r.duration_sec,
    views: r.views,
    likes: r.likes,
    ...(r.interpretation_id !== null ? { interpretationId: r.interpretation_id } : {}),
    publishedAt: r.published_at,
  }
}

interface LessonRow {
  id: string | null
  title: string
  src: string
  poster: string
  captions: string
  duration_sec: number
}

function lessonFrom(r: LessonRow): Lesson {
  return { id: r.id as string, title: r.title, src: r.src, poster: r.poster, captions: r.captions, durationSec: r.duration_sec }
}

const COURSE_COLUMNS = ['c.id', 'c.title', 'c.topic', 'c.department', 'c.cover', 'c.summary'] as const

export class MediaRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** newest first (ties by id), optionally one topic */
  async listVideos(query: VideoSearch): Promise<Page<Video>> {
    let videos = this.db.kysely.selectFrom('videos')
    if (query.topic) videos = videos.where('topic', '=', query.topic)
    const { total } = await videos.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await videos
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute()
    return { items: rows.map(videoFrom), total, page: query.page, pageSize: query.pageSize }
  }

  /** the videos of a policy's interpretations, newest first: the policy page links them */
  async listVideosOfPolicy(policyId: string): Promise<Video[]> {
    const rows = await this.db.kysely
      .selectFrom('videos')
      .selectAll()
      .where('interpretation_id', 'in', (eb) => eb.selectFrom('interpretations').select('id').where('policy_id', '=', policyId))
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .execute()
    return rows.map(videoFrom)
  }

  /** one video, with the published policy of its interpretation when there is one */
  async getVideo(id: string): Promise<Video | undefined> {
    const row = await this.db.kysely
      .selectFrom('videos as v')
      .leftJoin('interpretations as i', 'i.id', 'v.interpretation_id')
      .leftJoin('policies as p', 'p.id', 'i.policy_id')
      .selectAll('v')
      .select(['p.id as policy_id', 'p.title as policy_title'])
      .where('v.id', '=', id)
      .executeTakeFirst()
    if (!row) return undefined
    const video = videoFrom(row)
    return row.policy_id && row.policy_title ? { ...video, policy: { id: row.policy_id, title: row.policy_title } } : video
  }

  /**
   * Counts a view unless the same viewer was counted within VIEW_REPLAY_WINDOW_MS;
   * undefined for an unknown video.
   */
  async recordVideoView(videoId: string, viewerKey: string): Promise<{ views: number; counted: boolean } | undefined> {
    const now = this.now()
    // ISO-8601 UTC times of one format compare as text in time order
    const windowStart = new Date(now.getTime() - VIEW_REPLAY_WINDOW_MS).toISOString()
    return this.db.kysely.transaction().execute(async (trx) => {
      const video = await trx.selectFrom('videos').select('id').where('id', '=', videoId).executeTakeFirst()
      if (!video) return undefined
      // Counted when the row is new or its last counted view is at least the window old. The upsert
      // locks the row, so a concurrent view by the same viewer waits, re-reads and is not counted.
      const counted = await trx
        .insertInto('video_views')
        .values({ video_id: videoId, viewer_key: viewerKey, last_counted_at: now.toISOString() })
        .onConflict((oc) =>
          oc
            .columns(['video_id', 'viewer_key'])
            .doUpdateSet({ last_counted_at: (eb) => eb.ref('excluded.last_counted_at') })
            .where('video_views.last_counted_at', '<=', windowStart),
        )
        .returning('video_id')
        .executeTakeFirst()
      const { views } = counted
        ? await trx
            .updateTable('videos')
            .set((eb) => ({ views: eb('views', '+', 1) }))
            .where('id', '=', videoId)
            .returning('views')
            .executeTakeFirstOrThrow()
        : await trx.selectFrom('videos').select('views').where('id', '=', videoId).executeTakeFirstOrThrow()
      return { views, counted: Boolean(counted) }
    })
  }

  /** Sets the user's like (idempotent); undefined for an unknown video. */
  async setVideoLike(videoId: string, userId: string, liked: boolean): Promise<{ likes: number; liked: boolean } | undefined> {
    return this.db.kysely.transaction().execute(async (trx) => {
      const video = await trx.selectFrom('videos').select('id').where('id', '=', videoId).executeTakeFirst()
      if (!video) return undefined
      // the (video, user) primary key: of two concurrent likes one inserts, the other waits for it
      // and then does nothing, so the total moves once
      const changed = liked
        ? await trx
            .insertInto('video_likes')
            .values({ video_id: videoId, user_id: userId, created_at: this.now().toISOString() })
            .onConflict((oc) => oc.columns(['video_id', 'user_id']).doNothing())
            .returning('video_id')
            .executeTakeFirst()
        : await trx.deleteFrom('video_likes').where('video_id', '=', videoId).where('user_id', '=', userId).returning('video_id').executeTakeFirst()
      const { likes } = changed
        ? await trx
            .updateTable('videos')
            .set((eb) => ({ likes: eb('likes', liked ? '+' : '-', 1) }))
            .where('id', '=', videoId)
            .returning('likes')
            .executeTakeFirstOrThrow()
        : await trx.selectFrom('videos').select('likes').where('id', '=', videoId).executeTakeFirstOrThrow()
      return { likes, liked }
    })
  }

  async isVideoLiked(videoId: string, userId: string): Promise<boolean> {
    const row = await this.db.kysely
      .selectFrom('video_likes')
      .select('video_id')
      .where('video_id', '=', videoId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    return Boolean(row)
  }

  /** in course order, with the lesson count and total length computed from the lessons */
  async listCourses(): Promise<CourseSummary[]> {
    const rows = await this.db.kysely
      .selectFrom('courses as c')
      .leftJoin('lessons as l', 'l.course_id', 'c.id')
      .select(COURSE_COLUMNS)
      .select((eb) => [eb.fn.count<number>('l.id').as('lesson_count'), eb.fn.sum<number | null>('l.duration_sec').as('total_sec')])
      .groupBy([...COURSE_COLUMNS, 'c.position'])
      .orderBy('c.position')
      .execute()
    return rows.map(({ lesson_count, total_sec, ...c }) => ({ ...c, id: c.id as string, lessonCount: lesson_count, totalSec: total_sec ?? 0 }))
  }

  /** a course with its lessons in order */
  async getCourse(id: string): Promise<Course | undefined> {
    const course = await this.db.kysely.selectFrom('courses as c').select(COURSE_COLUMNS).where('c.id', '=', id).executeTakeFirst()
    if (!course) return undefined
    const lessons = (
      await this.db.kysely
        .selectFrom('lessons')
        .select(['id', 'title', 'src', 'poster', 'captions', 'duration_sec'])
        .where('course_id', '=', id)
        .orderBy('position')
        .execute()
    ).map(lessonFrom)
    return {
      ...course,
      id: course.id as string,
      lessonCount: lessons.length,
      totalSec: lessons.reduce((sum, l) => sum + l.durationSec, 0),
      lessons,
    }
  }

  /** the user's progress in a course's lessons, in lesson order */
  async listLessonProgress(userId: string, courseId: string): Promise<LessonProgress[]> {
    const rows = await this.db.kysely
      .selectFrom('lesson_progress as p')
      .innerJoin('lessons as l', 'l.id', 'p.lesson_id')
      .select(['p.lesson_id', 'p.position_sec', 'p.completed', 'p.updated_at'])
      .where('p.user_id', '=', userId)
      .where('p.course_id', '=', courseId)
      .orderBy('l.position')
      .orderBy('p.lesson_id')
      .execute()
    return rows.map((r) => ({ lessonId: r.lesson_id, positionSec: r.position_sec, completed: r.completed === 1, updatedAt: r.updated_at }))
  }

  /**
   * Saves where the user is in a lesson (position clamped to the lesson's length; completed from
   * COMPLETE_SHARE of it on, and it stays completed); undefined when the lesson is not in the course.
   * The latest save's position wins.
   */
  async saveLessonProgress(userId: string, courseId: string, lessonId: string, positionSec: number): Promise<LessonProgress | undefined> {
    const lesson = await this.db.kysely
      .selectFrom('lessons')
      .select('duration_sec')
      .where('id', '=', lessonId)
      .where('course_id', '=', courseId)
      .executeTakeFirst()
    if (!lesson) return undefined
    const progress = progressOf(lesson.duration_sec, positionSec, false)
    const updatedAt = this.now().toISOString()
    // one statement: the stored flag is OR-ed in under the row's lock, so a save that arrives after
    // (or races with) the one that completed the lesson never turns it back to not completed
    const saved = await this.db.kysely
      .insertInto('lesson_progress')
      .values({
        user_id: userId,
        lesson_id: lessonId,
        course_id: courseId,
        position_sec: progress.positionSec,
        completed: progress.completed ? 1 : 0,
        updated_at: updatedAt,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'lesson_id']).doUpdateSet((eb) => ({
          position_sec: eb.ref('excluded.position_sec'),
          completed: sql<number>`CASE WHEN ${eb.ref('lesson_progress.completed')} = 1 THEN 1 ELSE ${eb.ref('excluded.completed')} END`,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning('completed')
      .executeTakeFirstOrThrow()
    return { lessonId, positionSec: progress.positionSec, completed: saved.completed === 1, updatedAt }
  }
}
