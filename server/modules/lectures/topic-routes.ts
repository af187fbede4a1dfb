/**
 * 宣讲菜单: the topics with their lecturers, and the rating of past lectures (the seeded record
 * plus every rating given here); one topic with its recent reviews.
 */
import { Type } from '@sinclair/typebox'
import type { LectureTopic as LectureTopicEntity } from '../../../common/contract'
import { notFound } from '../../errors'
import { mergedRating } from './ratings'
import { IdParams, readErrors } from '../../schemas/common'
import { LectureTopic, LectureTopicQuery } from './topic-schemas'
import { LectureTopicDetail } from './schemas'
import type { LectureReviewRecord } from './types'
import type { RoutePlugin } from '../../type-provider'
import type { Store } from '../../store/store'

const REVIEWS_SHOWN = 20

function withRatings(topic: LectureTopicEntity, reviews: LectureReviewRecord[]): LectureTopicEntity {
  const stars = reviews.filter((r) => r.topicId === topic.id).map((r) => r.stars)
  return { ...topic, rating: mergedRating(topic.rating, stars) }
}

/** 宣讲菜单 (GET /lecture-topics, and the menu page's first screen): the topics with their ratings */
export async function lectureMenu(store: Pick<Store, 'lectures'>, filter: { topic?: string }): Promise<LectureTopicEntity[]> {
  const [topics, reviews] = [await store.lectures.listTopics(filter), await store.lectures.reviews()]
  return topics.map((t) => withRatings(t, reviews))
}

const lectureTopicRoutes: RoutePlugin = async (app) => {
  app.get('/lecture-topics', { schema: { querystring: LectureTopicQuery, response: { 200: Type.Array(LectureTopic), ...readErrors } } }, async (request) =>
    lectureMenu(app.store, request.query),
  )

  app.get('/lecture-topics/:id', { schema: { params: IdParams, response: { 200: LectureTopicDetail, ...readErrors } } }, async (request) => {
    const topic = (await app.store.lectures.listTopics()).find((t) => t.id === request.params.id)
    if (!topic) throw notFound('找不到该宣讲专题')
    const reviews = await app.store.lectures.reviews(topic.id)
    return {
      ...withRatings(topic, reviews),
      reviews: reviews.slice(0, REVIEWS_SHOWN).map(({ topicId: _, ...r }) => r),
    }
  })
}

export default lectureTopicRoutes
