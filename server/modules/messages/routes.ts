/**
 * 我的消息: a signed-in user's messages (consultation replies and 宣讲点单 notices), newest first,
 * with the unread count; marking one or all read. Only the user's own: another's id is 404.
 */
import { notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody, IdParams } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { EmptyBody, MESSAGE_LIMITS, MessagePage, MessageQuery, Unread } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const personal = { cache: 'no-store' as const }

export function messageRoutes(): RoutePlugin {
  return async (app) => {
    const messages = () => app.messages.repository

    app.get(
      '/messages',
      {
        schema: { querystring: MessageQuery, response: { 200: MessagePage, ...errors } },
        config: personal,
        onRequest: requireRole(),
      },
      async (request) => messages().list(request.user!.id, request.query),
    )

    app.get('/messages/unread-count', { schema: { response: { 200: Unread, ...errors } }, config: personal, onRequest: requireRole() }, async (request) => ({
      unread: await messages().unreadCount(request.user!.id),
    }))

    app.post(
      '/messages/read-all',
      {
        schema: { body: EmptyBody, response: { 200: Unread, ...errors } },
        config: personal,
        onRequest: requireRole(),
        preHandler: [app.limit(MESSAGE_LIMITS.readPerUser)],
      },
      async (request) => {
        const userId = request.user!.id
        await messages().markAllRead(userId)
        return { unread: await messages().unreadCount(userId) }
      },
    )

    app.post(
      '/messages/:id/read',
      {
        schema: { params: IdParams, body: EmptyBody, response: { 200: Unread, ...errors } },
        config: personal,
        onRequest: requireRole(),
        preHandler: [app.limit(MESSAGE_LIMITS.readPerUser)],
      },
      async (request) => {
        const userId = request.user!.id
        if (!(await messages().markRead(userId, request.params.id))) throw notFound('找不到该消息')
        return { unread: await messages().unreadCount(userId) }
      },
    )
  }
}
