/**
 * What an uploaded mp4 is: its length and picture size, read with `ffprobe` when it is installed
 * on PATH, else from the file's own boxes (ISO BMFF: moov/mvhd for the length, the video track's
 * moov/trak/tkhd for the size). Only the box headers and the moov box are read, never the media.
 */
import { execFile } from 'node:child_process'
import { open, type FileHandle } from 'node:fs/promises'

export interface VideoProbe {
  durationMs: number
  width: number
  height: number
  probedWith: 'ffprobe' | 'mp4'
}

/** the moov box is metadata; one bigger than this is no video we accept */
const MOOV_MAX_BYTES = 32 * 1024 * 1024
const BRANDS = /^(isom|iso[2-9]|mp4[12v]|avc1|M4V |M4VP|dash|mmp4|f4v |qt {2})$/

/** whether the first bytes are an mp4's: an `ftyp` box first, of a known brand */
export function looksLikeMp4(head: Uint8Array): boolean {
  if (head.length < 12) return false
  const type = Buffer.from(head.subarray(4, 8)).toString('latin1')
  const brand = Buffer.from(head.subarray(8, 12)).toString('latin1')
  return type === 'ftyp' && BRANDS.test(brand)
}

interface Box {
  type: string
  /** where its content starts and ends, in the buffer or file */
  start: number
  end: number
}

/** the boxes in buf[from, to) */
function boxesIn(buf: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = []
  let at = from
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    let header = 8
    if (size === 1) {
      if (at + 16 > to) break
      size = Number(buf.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) break
    boxes.push({ type, start: at + header, end: at + size })
    at += size
  }
  return boxes
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  const { bytesRead } = await file.read(buf, 0, length, position)
  return buf.subarray(0, bytesRead)
}

/** the moov box's bytes, found by walking the top-level box headers */
async function readMoov(path: string): Promise<Buffer | undefined> {
  const file = await open(path, 'r')
  try {
    const { size: fileSize } = await file.stat()
    let at = 0
    while (at + 8 <= fileSize) {
      const head = await readAt(file, at, 16)
      if (head.length < 8) return undefined
      let size = head.readUInt32BE(0)
      const type = head.toString('latin1', 4, 8)
      let header = 8
      if (size === 1) {
        if (head.length < 16) return undefined
        size = Number(head.readBigUInt64BE(8))
        header = 16
      } else if (size === 0) size = fileSize - at
      if (size < header || at + size > fileSize) return undefined
      if (type === 'moov') {
        if (size > MOOV_MAX_BYTES) return undefined
        return readAt(file, at, size)
      }
      at += size
    }
    return undefined
  } finally {
    await file.close()
  }
}

/** length and size from the moov box; undefined when it is missing or has no video track */
export function parseMoov(moov: Buffer): Omit<VideoProbe, 'probedWith'> | undefined {
  const [root] = boxesIn(moov, 0, moov.length)
  if (!root || root.type !== 'moov') return undefined
  const children = boxesIn(moov, root.start, root.end)
  const mvhd = children.find((b) => b.type === 'mvhd')
  if (!mvhd || mvhd.end - mvhd.start < 32) return undefined
  const version = moov.readUInt8(mvhd.start)
  const timescale = version === 1 ? moov.readUInt32BE(mvhd.start + 20) : moov.readUInt32BE(mvhd.start + 12)
  const duration = version === 1 ? Number(moov.readBigUInt64BE(mvhd.start + 24)) : moov.readUInt32BE(mvhd.start + 16)
  if (!timescale) return undefined
  let width = 0
  let height = 0
  for (const trak of children.filter((b) => b.type === 'trak')) {
    const tkhd = boxesIn(moov, trak.start, trak.end).find((b) => b.type === 'tkhd')
    if (!tkhd) continue
    const v = moov.readUInt8(tkhd.start)
    const at = tkhd.start + (v === 1 ? 88 : 76)
    if (at + 8 > tkhd.end) continue
    const w = moov.readUInt32BE(at) / 65536
    const h = moov.readUInt32BE(at + 4) / 65536
    if (w > 0 && h > 0) {
      width = Math.round(w)
      height = Math.round(h)
      break
    }
  }
  if (!width || !height) return undefined
  return { durationMs: Math.round((duration / timescale) * 1000), width, height }
}

/** the file's own boxes */
export async function probeMp4Boxes(path: string): Promise<VideoProbe | undefined> {
  const moov = await readMoov(path)
  const parsed = moov && parseMoov(moov)
  return parsed && { ...parsed, probedWith: 'mp4' }
}

/** ffprobe's reading; null when ffprobe is not installed, undefined when it cannot read the file */
export function probeWithFfprobe(path: string, command = 'ffprobe'): Promise<VideoProbe | undefined | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      ['-v', 'error', '-print_format', 'json', '-show_entries', 'format=duration:stream=codec_type,width,height', path],
      { timeout: 30_000, maxBuffer: 1024 * 1024 },
      (err, stdout) => {
        if (err) return resolve((err as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined)
        try {
          const out = JSON.parse(stdout) as { format?: { duration?: string }; streams?: { codec_type?: string; width?: number; height?: number }[] }
          const video = out.streams?.find((s) => s.codec_type === 'video' && s.width && s.height)
          const seconds = Number(out.format?.duration)
          if (!video || !Number.isFinite(seconds)) return resolve(undefined)
          resolve({ durationMs: Math.round(seconds * 1000), width: video.width!, height: video.height!, probedWith: 'ffprobe' })
        } catch {
          resolve(undefined)
        }
      },
    )
  })
}

/** ffprobe when installed, else the boxes; undefined when the file is no playable mp4 video */
export async function probeVideo(path: string, options: { ffprobe?: string } = {}): Promise<VideoProbe | undefined> {
  const probed = await probeWithFfprobe(path, options.ffprobe)
  if (probed !== null) return probed
  return probeMp4Boxes(path)
}
