/**
 * What a file is, from its bytes, never from its name or declared type, and whether it is a whole
 * picture of that type rather than something that merely starts like one (review M4: `FF D8 FF`
 * plus anything, or a PNG signature followed by a script, used to pass). No decoder: the container
 * is walked far enough to prove its structure.
 *
 * - PNG: the 8-byte signature, IHDR first (13 bytes, sane dimensions, a valid depth/colour pair),
 *   every chunk's length and CRC-32 right, at least one IDAT, and IEND as the last bytes of the file.
 * - JPEG: SOI, marker segments with consistent lengths up to the first SOS, a SOF among them with
 *   sane dimensions and components, and EOI as the last two bytes.
 * - WebP: `RIFF`, a size that matches the file, `WEBP`, a first chunk VP8/VP8L/VP8X whose header
 *   gives sane dimensions, and chunks that end exactly at the end of the file.
 * Only the three formats every phone and browser shows.
 *
 * - PDF (a policy's attachment, staff only): `%PDF-1.x` / `%PDF-2.x` as the first bytes and `%%EOF`
 *   in the last 1 KB, followed by line ends only. The body is not parsed: it is served as
 *   application/pdf with nosniff and a sandbox CSP, never as a page of ours.
 */
import { crc32 } from 'node:zlib'
import type { UploadType } from '../../../common/contract'

export const EXTENSION: Record<UploadType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }

/** a side longer than this, or more pixels than MAX_PIXELS, is no photo (and a decoding bomb) */
export const MAX_SIDE = 20_000
export const MAX_PIXELS = 60_000_000

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const text = (bytes: Uint8Array, at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n))
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1]
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3]
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8)
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000

function saneSize(width: number, height: number): boolean {
  return width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_PIXELS
}

/** bit depths PNG allows per colour type */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }

export function isValidPng(b: Uint8Array): boolean {
  if (!startsWith(b, PNG_SIGNATURE)) return false
  let at = 8
  let first = true
  let sawIdat = false
  while (at + 12 <= b.length) {
    const length = u32be(b, at)
    const type = text(b, at + 4, 4)
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff || at + 12 + length > b.length) return false
    const data = b.subarray(at + 8, at + 8 + length)
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== u32be(b, at + 8 + length)) return false
    if (first) {
      if (type !== 'IHDR' || length !== 13) return false
      const depth = data[8]
      const colour = data[9]
      if (!saneSize(u32be(data, 0), u32be(data, 4)) || !PNG_DEPTHS[colour]?.includes(depth)) return false
      if (data[10] !== 0 || data[11] !== 0 || data[12] > 1) return false
      first = false
    } else if (type === 'IHDR') return false
    if (type === 'IDAT') sawIdat = true
    at += 12 + length
    // IEND ends the picture, and the file with it: nothing may follow (a script, an archive …)
    if (type === 'IEND') return length === 0 && sawIdat && at === b.length
  }
  return false
}

/** SOFn markers (baseline, progressive, lossless, arithmetic …); not DHT C4, JPG C8, DAC CC */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

export function isValidJpeg(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false
  // EOI closes the picture as the file's last two bytes
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return false
  let at = 2
  let sawSof = false
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return false
    let marker = b[at + 1]
    // fill bytes: FF FF … before a marker
    while (marker === 0xff && at + 2 < b.length) {
      at++
      marker = b[at + 1]
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) return false
    const length = u16be(b, at + 2)
    if (length < 2 || at + 2 + length > b.length) return false
    if (SOF.has(marker)) {
      if (length < 8) return false
      const height = u16be(b, at + 5)
      const width = u16be(b, at + 7)
      const components = b[at + 9]
      if (!saneSize(width, height) || ![1, 3, 4].includes(components) || length !== 8 + 3 * components) return false
      sawSof = true
    }
    // the scan's entropy-coded data follows SOS: the structure up to here is what is checked
    if (marker === 0xda) return sawSof && at + 2 + length < b.length - 2
    at += 2 + length
  }
  return false
}

export function isValidWebp(b: Uint8Array): boolean {
  if (b.length < 30 || !startsWith(b, ascii('RIFF')) || !startsWith(b, ascii('WEBP'), 8)) return false
  // the RIFF size counts everything after its own field: the file, exactly
  if (u32le(b, 4) + 8 !== b.length) return false
  const first = text(b, 12, 4)
  const firstSize = u32le(b, 16)
  if (20 + firstSize > b.length) return false
  let size: [number, number] | undefined
  if (first === 'VP8 ') {
    // frame tag (3 bytes, a key frame has bit 0 clear), start code 9D 01 2A, 14-bit width and height
    if (firstSize < 10 || (b[20] & 1) !== 0 || !startsWith(b, [0x9d, 0x01, 0x2a], 23)) return false
    size = [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff]
  } else if (first === 'VP8L') {
    if (firstSize < 5 || b[20] !== 0x2f) return false
    const bits = u32le(b, 21)
    size = [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]
  } else if (first === 'VP8X') {
    if (firstSize !== 10) return false
    size = [u24le(b, 24) + 1, u24le(b, 27) + 1]
  } else return false
  if (!saneSize(size[0], size[1])) return false
  // every chunk (padded to even) ends inside the file, the last one at its end
  let at = 12
  while (at < b.length) {
    if (at + 8 > b.length || !/^[A-Z0-9 ]{4}$/i.test(text(b, at, 4))) return false
    const chunk = u32le(b, at + 4)
    at += 8 + chunk + (chunk % 2)
  }
  return at === b.length
}

/** how far from the end `%%EOF` may be (PDF 1.7, 7.5.5: within the last 1024 bytes) */
const PDF_EOF_WINDOW = 1024

export function isValidPdf(b: Uint8Array): boolean {
  if (b.length < 16 || !/^%PDF-[12]\.\d$/.test(text(b, 0, 8))) return false
  const tail = text(b, Math.max(0, b.length - PDF_EOF_WINDOW), Math.min(b.length, PDF_EOF_WINDOW))
  const eof = tail.lastIndexOf('%%EOF')
  return eof >= 0 && /^[\r\n\0 ]*$/.test(tail.slice(eof + 5))
}

/** the type of `bytes` when they are a whole JPEG, PNG or WebP, or a PDF; undefined otherwise */
export function sniffUpload(bytes: Uint8Array): UploadType | undefined {
  return sniffImage(bytes) ?? (isValidPdf(bytes) ? 'application/pdf' : undefined)
}

/** the image type of `bytes` when they are a whole JPEG, PNG or WebP; undefined otherwise */
export function sniffImage(bytes: Uint8Array): Exclude<UploadType, 'application/pdf'> | undefined {
  if (isValidJpeg(bytes)) return 'image/jpeg'
  if (isValidPng(bytes)) return 'image/png'
  if (isValidWebp(bytes)) return 'image/webp'
  return undefined
}
