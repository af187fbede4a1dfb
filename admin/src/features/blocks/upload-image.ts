import { useEffect, useState } from 'react'
import { UPLOAD_FIELD, UPLOAD_MAX_BYTES, UPLOAD_URL_PREFIX } from '@common/contract'
import { api, session } from '../../api/client'

export const UPLOAD_ACCEPT = 'image/jpeg,image/png,image/webp'

/** one picture through POST /api/v1/uploads; answers the URL it is served at */
export async function uploadImage(file: File): Promise<string> {
  if (file.size > UPLOAD_MAX_BYTES) throw new Error(`图片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`)
  const form = new FormData()
  form.append(UPLOAD_FIELD, file)
  const { url } = await api.post<{ url: string }>('/uploads', form)
  return url
}

/**
 * What an <img> can show for a picture's URL. Until the item is published an upload is served
 * only to whoever uploaded it, with the bearer token an <img> does not send, so the console
 * fetches it itself and shows the bytes as a blob URL.
 */
export function useImageUrl(src: string): string | undefined {
  const isUpload = src.startsWith(UPLOAD_URL_PREFIX)
  const [blobUrl, setBlobUrl] = useState<string>()
  useEffect(() => {
    setBlobUrl(undefined)
    if (!isUpload || typeof fetch !== 'function' || typeof URL.createObjectURL !== 'function') return
    let url: string | undefined
    let cancelled = false
    const token = session.token()
    fetch(src, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
      .then((r) => (r.ok ? r.blob() : undefined))
      .then((blob) => {
        if (cancelled || !blob) return
        url = URL.createObjectURL(blob)
        setBlobUrl(url)
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [src, isUpload])
  if (!src) return undefined
  return isUpload ? (blobUrl ?? src) : src
}
