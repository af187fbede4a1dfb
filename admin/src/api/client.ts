/**
 * The console's one API client: JSON over fetch to /api/v1, the staff session's token from
 * sessionStorage (a shared office computer forgets it with the tab), an Idempotency-Key on every
 * POST, and refusals as ApiRequestError with the server's Chinese message, its per-field errors
 * and its 送审 findings.
 */
import type { ApiErrorBody, EditorialCheck, ErrorCode, FieldErrors } from '@common/contract'

export const API_BASE = '/api/v1'
const TOKEN_KEY = 'zct-admin-token'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields?: FieldErrors,
    readonly checks?: EditorialCheck[],
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
}

type Query = Record<string, string | number | boolean | undefined | null>

/** called when the server answers 401: the session ended (the app shows the sign-in page) */
let onUnauthorized: () => void = () => {}
export const setUnauthorizedHandler = (handler: () => void) => {
  onUnauthorized = handler
}

export function queryString(query?: Query): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** reused for a retry of the same write (the server answers the first result again) */
  idempotencyKey?: string
  signal?: AbortSignal
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = session.token()
  if (token) headers.Authorization = `Bearer ${token}`
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json'
  if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? crypto.randomUUID()
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiRequestError(0, 'network', '网络连接失败，请检查网络后重试')
  }
  const text = await response.text()
  if (!response.ok) {
    let body: ApiErrorBody | undefined
    try {
      body = JSON.parse(text) as ApiErrorBody
    } catch {
      body = undefined
    }
    if (response.status === 401) onUnauthorized()
    const e = body?.error
    throw new ApiRequestError(response.status, e?.code ?? 'internal', e?.message ?? `请求失败（${response.status}）`, e?.fields, e?.checks)
  }
  if (!text) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  return (type.includes('json') ? JSON.parse(text) : text) as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}
