/**
 * Every error leaves as `{error:{code,message}}` with a Chinese message: validation → 400,
 * ApiError → its status, Fastify's own 4xx → their status, anything else → 500 (logged).
 */
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance } from 'fastify'
import { API_PREFIX } from '../../common/contract'
import { ApiError, codeForStatus, errorBody, messageForStatus } from '../errors'
import type { AdminFallback } from './admin-console'
import type { SpaFallback } from '../modules/first-screen/routes'
import { validationMessage } from '../validation-message'

export function setupErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    reply.header('cache-control', 'no-store')
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.details))
    }
    if (error.validation) {
      const message = validationMessage(error.validation, error.validationContext, request.routeOptions.config.validationMessages)
      return reply.code(400).send(errorBody('bad_request', message))
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error({ err: error }, 'unhandled error')
    else request.log.info({ code: error.code, status }, 'client error')
    return reply.code(status).send(errorBody(codeForStatus(status), messageForStatus(status)))
  })
}

/**
 * Unknown /api and /media paths get a JSON 404. Any other extension-less GET is a client-side
 * route of the H5 app when it is being served (`spaFallback`), so it gets index.html; a missing
 * asset (`/js/x.js`) stays a 404.
 */
export function setupNotFound(app: FastifyInstance, options: { spaFallback?: SpaFallback; adminFallback?: AdminFallback }): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    reply.header('cache-control', 'no-store')
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || path.startsWith('/api/')) {
      return reply.code(404).send(errorBody('not_found', '接口不存在'))
    }
    if (path.startsWith('/media/')) {
      return reply.code(404).send(errorBody('not_found', '找不到该媒体文件'))
    }
    const isAsset = /\.[a-z0-9]+$/i.test(path)
    // the console's client-side routes get the console's index.html, never the H5 app's
    if (options.adminFallback && path.startsWith('/admin/') && !isAsset && (request.method === 'GET' || request.method === 'HEAD')) {
      return options.adminFallback(reply)
    }
    if (options.spaFallback && !isAsset && (request.method === 'GET' || request.method === 'HEAD')) {
      return options.spaFallback(request, reply)
    }
    return reply.code(404).send(errorBody('not_found', messageForStatus(404)))
  })
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, '请求超时，连接已关闭'],
  HPE_HEADER_OVERFLOW: [431, '请求头过大'],
}

/**
 * Fastify's `clientErrorHandler`: what a connection gets when Node gives up on it before any
 * route runs (a request that outlasts requestTimeout, headers too large, bytes that are not
 * HTTP) — Fastify's answer in the contract's shape, in Chinese.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, '请求格式不正确']
  const body = JSON.stringify(errorBody(codeForStatus(status), message))
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy(err)
}
