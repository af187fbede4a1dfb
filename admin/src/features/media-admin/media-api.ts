import type { CaptionsResult, VideoFileResult } from '@common/contract'
import { CAPTIONS_MAX_BYTES, UPLOAD_FIELD, VIDEO_MAX_BYTES } from '@common/contract'
import { API_BASE, api, ApiRequestError, session } from '../../api/client'

/**
 * An mp4 through POST /admin/videos/files with its progress (fetch reports none, so an
 * XMLHttpRequest): `onProgress` gets 0…100. Refusals are ApiRequestError with the server's words.
 */
export function uploadVideo(file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<VideoFileResult> {
  if (file.size > VIDEO_MAX_BYTES) return Promise.reject(new ApiRequestError(413, 'bad_request', `视频不能超过 ${VIDEO_MAX_BYTES / 1024 / 1024} MB`))
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/admin/videos/files`)
    const token = session.token()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Idempotency-Key', crypto.randomUUID())
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = undefined
      }
      if (xhr.status === 201) return resolve(body as VideoFileResult)
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error
      reject(new ApiRequestError(xhr.status, (error?.code as 'bad_request') ?? 'internal', error?.message ?? `上传失败（${xhr.status}）`))
    }
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', '网络连接失败，请检查网络后重试'))
    xhr.onabort = () => reject(new ApiRequestError(0, 'network', '已取消上传'))
    signal?.addEventListener('abort', () => xhr.abort())
    const form = new FormData()
    form.append(UPLOAD_FIELD, file)
    xhr.send(form)
  })
}

/** WebVTT text, checked by the server (its problems come back as `checks`, each naming its line) */
export function uploadCaptions(text: string, durationSec?: number): Promise<CaptionsResult> {
  if (new Blob([text]).size > CAPTIONS_MAX_BYTES)
    return Promise.reject(new ApiRequestError(413, 'bad_request', `字幕文件不能超过 ${CAPTIONS_MAX_BYTES / 1024} KB`))
  return api.post<CaptionsResult>('/admin/videos/captions', { text, ...(durationSec ? { durationSec } : {}) })
}

/** 125 → 「2分05秒」 */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor(s / 60) % 60
  const rest = String(s % 60).padStart(2, '0')
  return h ? `${h}小时${String(m).padStart(2, '0')}分${rest}秒` : `${m}分${rest}秒`
}

/** a chosen file's text (UTF-8) */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(new Error('无法读取该文件'))
    reader.readAsText(file, 'utf-8')
  })
}
