/**
 * The words of 一站搜索: Chinese text as character bigrams (a single character only when the
 * query has a lone one), runs of Latin letters and digits as words (12333, app, 2021), after
 * folding each character (full-width → half-width, case). Folding keeps one character for one,
 * so a match found in the folded text is a range of the original: highlights are offsets into the
 * text the client shows, never markup.
 */
import type { TextRange } from '../../../common/contract'

const HAN = /\p{Script=Han}/u
const WORD = /^[a-z0-9]$/

/** particles: a bigram with one of these at an end says how, not what (了吗, 的猫, 么会) */
const PARTICLES = new Set([...'的了吗呢吧啊呀嘛么'])
/** bigrams about the asking, not the subject: they count a fifth of a subject bigram and never make a hit alone */
const ASKING = new Set(
  '怎么 什么 如何 怎样 可以 能不 不能 是否 哪里 哪些 多少 需要 我们 我家 请问 为什 有没 没有 这个 那个 一下 现在 还能 能否 应该 要不 是不 不是 想问 我想 咨询'.split(
    ' ',
  ),
)

export type Kind = 'han' | 'word' | 'other'

export interface Folded {
  /** one folded character per code point of the text */
  chars: string[]
  kinds: Kind[]
  /** UTF-16 offset of each code point, and the text's length at the end */
  offsets: number[]
}

export function fold(text: string): Folded {
  const chars: string[] = []
  const kinds: Kind[] = []
  const offsets: number[] = []
  let at = 0
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0
    let one: string
    let kind: Kind
    // fast paths (most of the text): ASCII only lower-cases, a CJK unified ideograph is itself
    if (code < 0x80) {
      one = c.toLowerCase()
      kind = WORD.test(one) ? 'word' : 'other'
    } else if (code >= 0x4e00 && code <= 0x9fff) {
      one = c
      kind = 'han'
    } else {
      const f = c.normalize('NFKC').toLowerCase()
      one = [...f].length === 1 ? f : c
      kind = HAN.test(one) ? 'han' : WORD.test(one) ? 'word' : 'other'
    }
    chars.push(one)
    kinds.push(kind)
    offsets.push(at)
    at += c.length
  }
  offsets.push(at)
  return { chars, kinds, offsets }
}

/** maximal runs of one kind (han or word), as [start, end) code point indexes */
function runs(f: Folded): { kind: Kind; start: number; end: number }[] {
  const out: { kind: Kind; start: number; end: number }[] = []
  let i = 0
  while (i < f.chars.length) {
    const kind = f.kinds[i]
    let j = i + 1
    while (j < f.chars.length && f.kinds[j] === kind) j++
    if (kind !== 'other') out.push({ kind, start: i, end: j })
    i = j
  }
  return out
}

/** every term a text can be found by: each Chinese character and bigram, each word */
export function indexTerms(text: string): string[] {
  const f = fold(text)
  const out: string[] = []
  for (const r of runs(f)) {
    if (r.kind === 'word') {
      out.push(f.chars.slice(r.start, r.end).join(''))
      continue
    }
    for (let k = r.start; k < r.end; k++) {
      out.push(f.chars[k])
      if (k + 1 < r.end) out.push(f.chars[k] + f.chars[k + 1])
    }
  }
  return out
}

export interface QueryTerm {
  term: string
  /** about the subject (not a particle bigram or one about the asking) */
  content: boolean
  /** a lone character of the query (weighs half a bigram) */
  single: boolean
}

/** what a query looks for: bigrams of its Chinese runs (a lone character as itself), its words */
export function queryTerms(q: string): QueryTerm[] {
  const f = fold(q)
  const seen = new Map<string, QueryTerm>()
  const add = (term: string, content: boolean, single: boolean) => {
    if (!seen.has(term)) seen.set(term, { term, content, single })
  }
  for (const r of runs(f)) {
    if (r.kind === 'word') {
      add(f.chars.slice(r.start, r.end).join(''), true, false)
      continue
    }
    if (r.end - r.start === 1) {
      const c = f.chars[r.start]
      add(c, !PARTICLES.has(c), true)
      continue
    }
    for (let k = r.start; k + 1 < r.end; k++) {
      const a = f.chars[k]
      const b = f.chars[k + 1]
      const bigram = a + b
      add(bigram, !PARTICLES.has(a) && !PARTICLES.has(b) && !ASKING.has(bigram), false)
    }
  }
  return [...seen.values()]
}

/**
 * The ranges of `text` made of the given terms (bigrams, lone characters, words), merged, in
 * UTF-16 offsets.
 */
export function matchRanges(text: string, terms: ReadonlySet<string>): TextRange[] {
  if (!text || !terms.size) return []
  const f = fold(text)
  const mark = new Uint8Array(f.chars.length)
  for (const r of runs(f)) {
    if (r.kind === 'word') {
      if (terms.has(f.chars.slice(r.start, r.end).join(''))) mark.fill(1, r.start, r.end)
      continue
    }
    for (let k = r.start; k < r.end; k++) {
      if (terms.has(f.chars[k])) mark[k] = 1
      if (k + 1 < r.end && terms.has(f.chars[k] + f.chars[k + 1])) mark[k] = mark[k + 1] = 1
    }
  }
  const out: TextRange[] = []
  let start = -1
  for (let i = 0; i <= mark.length; i++) {
    if (i < mark.length && mark[i]) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push({ start: f.offsets[start], end: f.offsets[i] })
      start = -1
    }
  }
  return out
}

/** the ranges where each of `phrases` occurs in `text` (the Q&A engine's matched runs), merged with `ranges` */
export function withPhrases(text: string, ranges: TextRange[], phrases: readonly string[]): TextRange[] {
  const all = [...ranges]
  for (const p of phrases) {
    if (!p) continue
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length)) all.push({ start: at, end: at + p.length })
  }
  return mergeRanges(all)
}

export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: TextRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else out.push({ ...r })
  }
  return out
}

export const SNIPPET_CHARS = 60
/** how much of the text before the first match a snippet keeps */
const LEAD_IN = 12
const SENTENCE_END = /[。；！？!?;\n]/

export interface Snippet {
  text: string
  highlights: TextRange[]
}

/**
 * An excerpt of `text` around its first match (up to SNIPPET_CHARS characters, 「…」 where cut,
 * line breaks as spaces), or undefined when nothing in it matches.
 */
export function snippetAround(text: string, terms: ReadonlySet<string>): Snippet | undefined {
  const ranges = matchRanges(text, terms)
  if (!ranges.length) return undefined
  const first = ranges[0].start
  const chars = [...text]
  // code point index of the first match
  let firstCp = 0
  for (let at = 0; firstCp < chars.length && at < first; firstCp++) at += chars[firstCp].length
  let start = Math.max(0, firstCp - LEAD_IN)
  // begin at the sentence the match is in when it starts within the lead-in
  for (let k = firstCp - 1; k >= start; k--) {
    if (SENTENCE_END.test(chars[k])) {
      start = k + 1
      break
    }
  }
  return excerpt(chars, start, ranges)
}

/** the start of `text` as a snippet (nothing highlighted unless `terms` match in it) */
export function snippetStart(text: string, terms: ReadonlySet<string>): Snippet {
  return excerpt([...text], 0, matchRanges(text, terms))
}

function excerpt(chars: string[], start: number, ranges: TextRange[]): Snippet {
  const end = Math.min(chars.length, start + SNIPPET_CHARS)
  const before = chars.slice(0, start).join('').length
  const body = chars
    .slice(start, end)
    .join('')
    .replace(/[\r\n]/g, ' ')
  const prefix = start > 0 ? '…' : ''
  const suffix = end < chars.length ? '…' : ''
  const length = body.length
  const highlights: TextRange[] = []
  for (const r of ranges) {
    const s = Math.max(r.start - before, 0)
    const e = Math.min(r.end - before, length)
    if (e > s) highlights.push({ start: s + prefix.length, end: e + prefix.length })
  }
  return { text: prefix + body + suffix, highlights }
}
