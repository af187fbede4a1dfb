/**
 * A WebVTT parser for caption overlays. WeChat's video component has no subtitle track, so the
 * app draws the current cue itself from the playback time on both platforms.
 */
export interface Cue {
  id?: string
  start: number
  end: number
  text: string
}

export class WebVttError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `字幕文件第${line}行有误：${message}` : `字幕文件有误：${message}`)
    this.name = 'WebVttError'
  }
}

const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/

/** `01:02:03.456` or `02:03.456` → seconds */
export function parseTimestamp(s: string, line?: number): number {
  const m = TIMESTAMP.exec(s.trim())
  if (!m) throw new WebVttError(`时间格式不对：“${s.trim()}”`, line)
  const [, h, min, sec, ms] = m
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(sec) + Number(ms) / 1000
}

/** Parses a WebVTT file into cues ordered by start; NOTE, STYLE and REGION blocks are skipped. */
export function parseWebVtt(source: string): Cue[] {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new WebVttError('缺少 WEBVTT 文件头', 1)
  const cues: Cue[] = []
  let i = 1
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++
    if (i >= lines.length) break
    const blockStart = i
    const block: string[] = []
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++])
    if (/^(NOTE|STYLE|REGION)\b/.test(block[0])) continue
    const timingAt = block[0].includes('-->') ? 0 : 1
    const timing = block[timingAt]
    if (!timing?.includes('-->')) throw new WebVttError('缺少时间轴（开始 --> 结束）', blockStart + 1 + timingAt)
    const [from, rest] = timing.split('-->')
    const start = parseTimestamp(from, blockStart + 1 + timingAt)
    const end = parseTimestamp(rest.trim().split(/\s+/)[0], blockStart + 1 + timingAt)
    if (end <= start) throw new WebVttError('结束时间必须晚于开始时间', blockStart + 1 + timingAt)
    const text = block
      .slice(timingAt + 1)
      .join('\n')
      .replace(/<[^>]+>/g, '')
    cues.push({ ...(timingAt === 1 ? { id: block[0] } : {}), start, end, text })
  }
  return cues.sort((a, b) => a.start - b.start)
}

/** The cue showing at `time` (seconds), if any; the latest-starting one when cues overlap. */
export function cueAt(cues: Cue[], time: number): Cue | undefined {
  let found: Cue | undefined
  for (const c of cues) {
    if (c.start > time) break
    if (time < c.end) found = c
  }
  return found
}

/** The captions as plain text, for a transcript. */
export function transcript(cues: Cue[]): string {
  return cues.map((c) => c.text.replace(/\n/g, '')).join('\n')
}
