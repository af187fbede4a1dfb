import { api } from '@/api'

export const getCourses = () => api.call('GET /courses')
export const getCourse = (id: string) => api.call('GET /courses/:id', { params: { id } })
export const saveProgress = (courseId: string, lessonId: string, positionSec: number) =>
  api.call('PUT /courses/:id/progress', { params: { id: courseId }, body: { lessonId, positionSec } })
