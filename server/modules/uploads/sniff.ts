/**
 * What a file is, from its first bytes (magic numbers), never from its name or declared type:
 * a text file renamed .jpg is not a picture. Only the three formats every phone and browser shows.
 */
import type { UploadType } from '../../../src/contract'

export const EXTENSION: Record<UploadType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** the image type of `bytes`, or undefined when it is none of JPEG, PNG, WebP */
export function sniffImage(bytes: Uint8Array): UploadType | undefined {
  // JPEG: SOI marker then the start of another marker
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  // PNG: the 8-byte signature and an IHDR chunk first
  if (startsWith(bytes, PNG) && startsWith(bytes, ascii('IHDR'), 12)) return 'image/png'
  // WebP: a RIFF container of form type WEBP with a VP8/VP8L/VP8X chunk
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) && startsWith(bytes, ascii('VP8'), 12)) return 'image/webp'
  return undefined
}
