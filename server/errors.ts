import type { ApiErrorBody, EditorialCheck, ErrorCode, FieldErrors } from '../common/contract'

/** what a refused console write adds to its message: per-field errors, the checks that stopped a 送审 */
export interface ApiErrorDetails {
  fields?: FieldErrors
  checks?: EditorialCheck[]
}

/** an error the API means to send: status, contract code and a Chinese message for the user */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const badRequest = (message: string, details?: ApiErrorDetails) => new ApiError(400, 'bad_request', message, details)
export const unauthorized = (message = '请先登录') => new ApiError(401, 'unauthorized', message)
/** 401 for a request whose token names no live session (unknown, expired, or its user disabled) */
export const sessionEnded = () => unauthorized('登录已过期，请重新登录')
export const forbidden = (message = '没有权限执行此操作') => new ApiError(403, 'forbidden', message)
export const notFound = (message: string) => new ApiError(404, 'not_found', message)
export const unavailable = (message: string) => new ApiError(503, 'unavailable', message)
export const conflict = (message: string, details?: ApiErrorDetails) => new ApiError(409, 'conflict', message, details)
/** 422, as draft-ietf-httpapi-idempotency-key-header asks: the key already names another request */
export const idempotencyKeyReused = () => new ApiError(422, 'conflict', '同一请求键不能用于不同内容')

export function errorBody(code: ErrorCode, message: string, details: ApiErrorDetails = {}): ApiErrorBody {
  return { error: { code, message, ...(details.fields ? { fields: details.fields } : {}), ...(details.checks ? { checks: details.checks } : {}) } }
}

/** the contract's code for an HTTP status Fastify or a plugin produced */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 409:
      return 'conflict'
    case 429:
      return 'rate_limited'
    case 503:
      return 'unavailable'
    default:
      return status >= 500 ? 'internal' : 'bad_request'
  }
}

/** Chinese messages for the statuses Fastify itself raises (bad JSON, wrong content type …) */
export function messageForStatus(status: number): string {
  switch (status) {
    case 401:
      return '请先登录'
    case 403:
      return '没有权限执行此操作'
    case 404:
      return '找不到请求的内容'
    case 405:
      return '不支持该请求方法'
    case 406:
      return '无法提供所需的格式'
    case 409:
      return '请求冲突，请刷新后重试'
    case 413:
      return '请求内容过大'
    case 415:
      return '不支持的内容类型，请使用 JSON'
    case 429:
      return '请求过于频繁，请稍后再试'
    case 503:
      return '服务暂时不可用，请稍后重试'
    default:
      return status >= 500 ? '服务器内部错误，请稍后重试' : '请求格式不正确'
  }
}
