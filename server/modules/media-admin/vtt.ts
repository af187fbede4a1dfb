/**
 * WebVTT captions as residents' players will show them: the `WEBVTT` header, cues whose timings
 * are well-formed, start before they end, never go back in time and end within the video, and
 * text with no markup (no tags, no HTML or script: captions are plain text). Each problem names
 * its line, in Chinese.
 */
import type { CaptionProblem } from '../../../common/contract'

export interface CaptionsCheck {
  problems: CaptionProblem[]
  cues: number
}

const TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/
// NUL and the other C0 controls but tab
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/
const MARKUP = /<[^>]*>|&[#a-zA-Z0-9]+;|javascript:/i
const MAX_PROBLEMS = 20

/** ms of a WebVTT timestamp (hh:mm:ss.ttt or mm:ss.ttt), or undefined */
export function vttTime(text: string): number | undefined {
  const m = TIME.exec(text)
  if (!m) return undefined
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4])
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}

/** the problems of `text` as captions of a video `durationMs` long (undefined: not known) */
export function checkCaptions(text: string, durationMs?: number): CaptionsCheck {
  const problems: CaptionProblem[] = []
  const fail = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message })
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    fail(1, '第 1 行应为 WEBVTT（字幕文件须为 WebVTT 格式）')
    return { problems, cues: 0 }
  }
  let cues = 0
  let lastStart = -1
  let i = 1
  // the header's own lines run to the first blank line
  while (i < lines.length && lines[i].trim() !== '') i++
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++
    if (i >= lines.length) break
    const blockStart = i
    const block: string[] = []
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++])
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0])) {
      if (block[0].startsWith('STYLE')) fail(blockStart + 1, `第 ${blockStart + 1} 行：字幕不能包含样式（STYLE）`)
      continue
    }
    // an optional cue identifier, then the timing line
    let t = 0
    if (!block[0].includes('-->')) {
      t = 1
      if (block.length < 2 || !block[1].includes('-->')) {
        fail(blockStart + 1, `第 ${blockStart + 1} 行：应为时间轴（如 00:00:01.000 --> 00:00:03.000）`)
        continue
      }
    }
    const lineNo = blockStart + t + 1
    const m = TIMING.exec(block[t].trim())
    const start = m ? vttTime(m[1]) : undefined
    const end = m ? vttTime(m[2]) : undefined
    if (start === undefined || end === undefined) {
      fail(lineNo, `第 ${lineNo} 行：时间格式不正确，应为 00:00:01.000 --> 00:00:03.000`)
      continue
    }
    cues++
    if (end <= start) fail(lineNo, `第 ${lineNo} 行：结束时间应晚于开始时间`)
    if (start < lastStart) fail(lineNo, `第 ${lineNo} 行：开始时间早于上一条字幕，字幕须按时间顺序排列`)
    // a frame's rounding of slack at the end
    if (durationMs !== undefined && end > durationMs + 500) fail(lineNo, `第 ${lineNo} 行：结束时间超出视频时长（${clock(durationMs)}）`)
    lastStart = Math.max(lastStart, start)
    const body = block.slice(t + 1)
    if (body.length === 0) fail(lineNo, `第 ${lineNo} 行：这条字幕没有文字`)
    body.forEach((textLine, k) => {
      const n = lineNo + 1 + k
      if (MARKUP.test(textLine)) fail(n, `第 ${n} 行：字幕文字不能包含标签、HTML 或脚本`)
      else if (CONTROL.test(textLine)) fail(n, `第 ${n} 行：字幕文字包含不可见的控制字符`)
      else if (textLine.includes('-->')) fail(n, `第 ${n} 行：字幕之间应有空行`)
    })
  }
  if (cues === 0 && problems.length === 0) fail(lines.length, '字幕文件没有任何字幕')
  return { problems, cues }
}
