import { api, outbox } from '@/api'

export const getCourses = () => api.call('GET /courses')
export const getCourse = (id: string) => api.call('GET /courses/:id', { params: { id } })

/**
 * Through the outbox: a position that cannot be saved now waits in storage (only the newest per
 * lesson) and goes out on reconnect or the next launch, as its author.
 */
export const queueProgress = (courseId: string, lessonId: string, positionSec: number, lessonTitle: string) =>
  outbox.submit('PUT /courses/:id/progress', {
    params: { id: courseId },
    body: { lessonId, positionSec: Math.round(positionSec) },
    coalesce: `progress:${courseId}:${lessonId}`,
    label: `学习进度：${lessonTitle}`,
  })
