/**
 * Uploading one photo (POST /api/v1/uploads, multipart field `file`): `Taro.uploadFile` on weapp
 * (a temp file path from chooseMedia), XMLHttpRequest with FormData on H5 (a File from the file
 * input; XHR rather than fetch for the upload progress). Errors are the ApiClient's: the
 * server's Chinese message for a 4xx, a friendly one for the network. Tests replace the
 * transport (`setUploadTransport`) with one that calls the real routes in process.
 */
import Taro from '@tarojs/taro'
import { api, useSessionStore } from '@/api'
import { ApiError, httpError, transportError } from '@/api/errors'
import { API_PREFIX, UPLOAD_FIELD, UPLOAD_MAX_BYTES, type UploadResult } from '@common/contract'

/** a photo picked on the device: a File on H5, a temp file path on weapp */
export interface PickedPhoto {
  source: Blob | string
  /** bytes, when the platform says */
  size?: number
  name?: string
}

export interface UploadRequest {
  url: string
  photo: PickedPhoto
  token?: string
  idempotencyKey: string
  onProgress?: (fraction: number) => void
}

export type UploadTransport = (req: UploadRequest) => Promise<{ statusCode: number; data: unknown }>

const TIMEOUT_MS = 60_000

function parse(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const headersOf = (req: UploadRequest): Record<string, string> => ({
  'Idempotency-Key': req.idempotencyKey,
  ...(req.token ? { Authorization: `Bearer ${req.token}` } : {}),
})

const xhrTransport: UploadTransport = (req) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', req.url)
    xhr.timeout = TIMEOUT_MS
    for (const [k, v] of Object.entries(headersOf(req))) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) req.onProgress?.(e.loaded / e.total)
    }
    xhr.onload = () => resolve({ statusCode: xhr.status, data: parse(xhr.responseText) })
    xhr.onerror = () => reject(transportError('request:fail'))
    xhr.ontimeout = () => reject(transportError('timeout'))
    const form = new FormData()
    form.append(UPLOAD_FIELD, req.photo.source as Blob, req.photo.name ?? 'photo')
    xhr.send(form)
  })

const taroTransport: UploadTransport = (req) =>
  new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: req.url,
      filePath: req.photo.source as string,
      name: UPLOAD_FIELD,
      header: headersOf(req),
      timeout: TIMEOUT_MS,
      success: (r) => resolve({ statusCode: r.statusCode, data: parse(r.data) }),
      fail: (e) => reject(transportError(e?.errMsg)),
    })
    task?.onProgressUpdate?.((p) => req.onProgress?.(p.progress / 100))
  })

let transport: UploadTransport = process.env.TARO_ENV === 'weapp' ? taroTransport : xhrTransport

export function setUploadTransport(next: UploadTransport): void {
  transport = next
}

export const TOO_LARGE_MESSAGE = `照片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`

/** uploads one photo as the signed-in user; rejects with an ApiError in Chinese */
export async function uploadPhoto(photo: PickedPhoto, options: { idempotencyKey: string; onProgress?: (fraction: number) => void }): Promise<UploadResult> {
  if (photo.size !== undefined && photo.size > UPLOAD_MAX_BYTES) throw new ApiError('http', 413, 'bad_request', TOO_LARGE_MESSAGE)
  const token = useSessionStore.getState().token
  const res = await transport({ url: api.resolveUrl(`${API_PREFIX}/uploads`), photo, token, ...options })
  if (res.statusCode === 201 || res.statusCode === 200) return res.data as UploadResult
  if (res.statusCode === 401) useSessionStore.getState().signOut()
  throw httpError(res.statusCode, res.data)
}
