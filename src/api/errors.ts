import type { ApiErrorBody, ErrorCode } from '@common/contract'

export type ClientErrorKind = 'network' | 'timeout' | 'http'

/** Every failure of the ApiClient: `message` is friendly Chinese fit to show to a resident. */
export class ApiError extends Error {
  readonly kind: ClientErrorKind
  readonly status: number
  readonly code: ErrorCode | 'network' | 'timeout'
  /** a 429's Retry-After: not worth asking again before this many ms */
  readonly retryAfterMs?: number

  constructor(kind: ClientErrorKind, status: number, code: ApiError['code'], message: string, retryAfterMs?: number) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.code = code
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs
  }

  /** Worth retrying a read: the network, a timeout, or the server being unavailable. */
  get transient(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 429
  }
}

const byStatus: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在或已下线',
  409: '当前状态下不能进行此操作',
  429: '操作太频繁，请稍后再试',
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.message === 'string'
}

/** Retry-After in ms: seconds (`120`) or an HTTP date; undefined when absent or unreadable */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const at = Date.parse(header)
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined
}

/** Maps an HTTP answer to an ApiError; the server's own Chinese message wins for 4xx (a 429's says when to retry). */
export function httpError(status: number, data: unknown, headers?: Record<string, string>): ApiError {
  const body = isErrorBody(data) ? data.error : undefined
  if (status >= 500) {
    return new ApiError('http', status, body?.code ?? 'internal', '服务暂时不可用，请稍后重试')
  }
  const retryAfter = status === 429 ? retryAfterMs(headerOf(headers, 'retry-after')) : undefined
  return new ApiError('http', status, body?.code ?? 'bad_request', body?.message ?? byStatus[status] ?? `请求失败（${status}）`, retryAfter)
}

/** header names differ in case between WeChat, browsers and Node */
function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : String(headers[key])
}

/** Maps a failure of the transport itself (no HTTP status). */
export function transportError(errMsg: string | undefined): ApiError {
  if (errMsg && /timeout|超时/i.test(errMsg)) {
    return new ApiError('timeout', 0, 'timeout', '请求超时，请稍后重试')
  }
  return new ApiError('network', 0, 'network', '网络不给力，请检查网络后重试')
}
