import type { ApiErrorBody, ErrorCode } from '@/contract'

export type ClientErrorKind = 'network' | 'timeout' | 'http'

/** Every failure of the ApiClient: `message` is friendly Chinese fit to show to a resident. */
export class ApiError extends Error {
  readonly kind: ClientErrorKind
  readonly status: number
  readonly code: ErrorCode | 'network' | 'timeout'

  constructor(kind: ClientErrorKind, status: number, code: ApiError['code'], message: string) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.code = code
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

/** Maps an HTTP answer to an ApiError; the server's own Chinese message wins for 4xx. */
export function httpError(status: number, data: unknown): ApiError {
  const body = isErrorBody(data) ? data.error : undefined
  if (status >= 500) {
    return new ApiError('http', status, body?.code ?? 'internal', '服务暂时不可用，请稍后重试')
  }
  return new ApiError('http', status, body?.code ?? 'bad_request', body?.message ?? byStatus[status] ?? `请求失败（${status}）`)
}

/** Maps a failure of the transport itself (no HTTP status). */
export function transportError(errMsg: string | undefined): ApiError {
  if (errMsg && /timeout|超时/i.test(errMsg)) {
    return new ApiError('timeout', 0, 'timeout', '请求超时，请稍后重试')
  }
  return new ApiError('network', 0, 'network', '网络不给力，请检查网络后重试')
}
