/** Real picture bytes from the repository and a multipart upload as a client sends it. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { UploadResult } from '../../../common/contract'
import type { TestServer } from './test-server'

const root = path.resolve(__dirname, '../../..')
/** a 15 KB JPEG cover from mock/media */
export const JPEG = readFileSync(path.join(root, 'mock/media/covers/c001.jpg'))
/** a tab-bar icon (PNG) */
export const PNG = readFileSync(path.join(root, 'src/assets/tabbar/home-active.png'))

export function photoForm(bytes: Uint8Array, filename = 'photo.jpg', type = 'image/jpeg', field = 'file'): FormData {
  const form = new FormData()
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename)
  return form
}

export async function upload(server: TestServer, token: string | undefined, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
  return server.api('/uploads', { method: 'POST', body: form, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } })
}

/** uploads JPEG as `token` and returns its URL */
export async function uploadedPhoto(server: TestServer, token: string, bytes: Uint8Array = JPEG): Promise<string> {
  const res = await upload(server, token, photoForm(bytes))
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
  return ((await res.json()) as UploadResult).url
}
