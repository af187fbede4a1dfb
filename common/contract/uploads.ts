/**
 * Files staff upload: lecture completion photos, the console's pictures (interpretation covers and
 * image blocks, banners) and policies' PDF attachments: the limits both sides know.
 */

/** what the server accepts, sniffed from the bytes (the declared type and the file name are ignored) */
export type UploadType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'

/** the roles that may upload a PDF (a policy's attachment); lecturers upload photos only */
export const UPLOAD_PDF_ROLES = ['editor', 'reviewer', 'admin'] as const

/** 5 MB: a phone photo; bigger is refused and nothing is stored */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024

/** 20 MB: a scanned policy document (PDF) */
export const UPLOAD_PDF_MAX_BYTES = 20 * 1024 * 1024

/** where uploaded files are served: `/media/uploads/<random name>.<jpg|png|webp|pdf>` */
export const UPLOAD_URL_PREFIX = '/media/uploads/'

/** the multipart field the file goes in */
export const UPLOAD_FIELD = 'file'

/** the answer of POST /uploads */
export interface UploadResult {
  /** a path on the API's origin: `/media/uploads/…` */
  url: string
  type: UploadType
  /** bytes */
  size: number
}
