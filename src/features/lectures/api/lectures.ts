import { api, outbox } from '@/api'
import type { CompleteInput, DispatchInput, LectureOrderInput, LectureOrderQuery, RateInput, ScheduleInput } from '@common/contract'

/**
 * Orders, messages and codes change through other people's steps (the dispatcher's, the
 * lecturer's): they are read live, never from the stale-while-revalidate cache.
 */
const live = { cache: 'network' as const }

export const getLectureTopics = (topic?: string) => api.call('GET /lecture-topics', { query: { topic } })
/** H5: the list as 宣讲菜单's server-drawn first screen gave it, for the first render (api.embedded) */
export const embeddedLectureTopics = (topic?: string) => api.embedded('GET /lecture-topics', { query: { topic } })
export const getLectureTopic = (id: string) => api.call('GET /lecture-topics/:id', { params: { id } })
/** the counties (one level of the tree: the lecture pages filter by county) */
export const getCounties = () => api.call('GET /regions/children')
/** the server's settings, among them 提前预约 (lectureLeadDays) */
export const getAppConfig = () => api.call('GET /app-config')

/**
 * through the outbox: sent now, or kept with its key (「待发送」) and sent exactly once when the
 * network is back; the server's idempotency replay makes a lost answer harmless
 */
export const submitLectureOrder = (input: LectureOrderInput, topicTitle: string, idempotencyKey: string) =>
  outbox.submit('POST /lecture-orders', { body: input, idempotencyKey, label: `点单：${topicTitle}` })
export const getMyLectureOrders = () => api.call('GET /lecture-orders/mine', live)
export const getLectureOrder = (id: string) => api.call('GET /lecture-orders/:id', { params: { id }, ...live })
export const getIncomingOrders = (query: LectureOrderQuery) => api.call('GET /lecture-orders', { query, ...live })
export const getAssignedOrders = () => api.call('GET /lecture-orders/assigned', live)

export const lectureSteps = {
  dispatch: (id: string, body: DispatchInput, key: string) => api.call('POST /lecture-orders/:id/dispatch', { params: { id }, body, idempotencyKey: key }),
  accept: (id: string, key: string) => api.call('POST /lecture-orders/:id/accept', { params: { id }, body: {}, idempotencyKey: key }),
  decline: (id: string, reason: string, key: string) => api.call('POST /lecture-orders/:id/decline', { params: { id }, body: { reason }, idempotencyKey: key }),
  schedule: (id: string, body: ScheduleInput, key: string) => api.call('POST /lecture-orders/:id/schedule', { params: { id }, body, idempotencyKey: key }),
  complete: (id: string, body: CompleteInput, key: string) => api.call('POST /lecture-orders/:id/complete', { params: { id }, body, idempotencyKey: key }),
  cancel: (id: string, reason: string | undefined, key: string) =>
    api.call('POST /lecture-orders/:id/cancel', { params: { id }, body: reason ? { reason } : {}, idempotencyKey: key }),
  reject: (id: string, reason: string, key: string) => api.call('POST /lecture-orders/:id/reject', { params: { id }, body: { reason }, idempotencyKey: key }),
  rate: (id: string, body: RateInput, key: string) => api.call('POST /lecture-orders/:id/rate', { params: { id }, body, idempotencyKey: key }),
}

export const getSignInCode = (id: string) => api.call('GET /lecture-orders/:id/sign-in-code', { params: { id }, ...live })
export const signInWithOrder = (id: string, code: string) => api.call('POST /lecture-orders/:id/sign-in', { params: { id }, body: { code } })
export const signInWithCode = (code: string) => api.call('POST /lecture-sign-ins', { body: { code } })

export const getLectureCalendar = (month: string, county?: string) => api.call('GET /lecture-calendar', { query: { month, county } })

export const getNotifications = () => api.call('GET /notifications', live)
export const getUnreadCount = () => api.call('GET /notifications/unread-count', live)
export const markNotificationRead = (id: string) => api.call('POST /notifications/:id/read', { params: { id }, body: {} })
