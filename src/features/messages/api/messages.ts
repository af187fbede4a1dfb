import { api } from '@/api'

export const MESSAGES_PAGE_SIZE = 20

export const getMessages = (page = 1) => api.call('GET /messages', { query: { page, pageSize: MESSAGES_PAGE_SIZE } })

export const getMessageUnread = () => api.call('GET /messages/unread-count')

export const markMessageRead = (id: string) => api.call('POST /messages/:id/read', { params: { id }, body: {} })

export const markAllMessagesRead = () => api.call('POST /messages/read-all', { body: {} })
