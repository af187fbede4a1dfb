import { CANONICAL, LONGEST_WORD } from './synonyms'

/** Characters that carry no meaning on their own in a question. */
const STOP_CHARS = new Set('的了吗呢啊吧呀么嘛哦哈我你他她它们是在有和与及或要能会可以也都还就这那个些吗么请问下一'.split(''))

/** Question and function words: a bigram with one of these says nothing about the subject. */
const FUNCTION_CHARS = new Set([...STOP_CHARS, ...'怎么什样哪几会不没啥咋如何为该得着过给被把让从对到去来说想吃玩天好'])

/** A bigram about the subject (医保, 备案), not about the asking (怎么, 会不). */
export function isContentBigram(term: string): boolean {
  return term.length === 2 && !FUNCTION_CHARS.has(term[0]) && !FUNCTION_CHARS.has(term[1])
}

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu

/** Full-width to half-width, lower case, no punctuation or spaces. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '')
}

const CHINESE_AGE: Record<string, number> = { 七十: 70, 八十: 80, 九十: 90, 一百: 100 }

/**
 * Ages in a question point at age-banded benefits: "我妈83了" is about 高龄津贴. The rule adds the
 * canonical term instead of guessing the FAQ.
 */
function ageHints(text: string): string {
  const ages: number[] = []
  for (const m of text.matchAll(/(\d{2,3})\s*(?:岁|周岁|了|多)/g)) ages.push(Number(m[1]))
  for (const [word, n] of Object.entries(CHINESE_AGE)) if (text.includes(`${word}岁`) || text.includes(`${word}多`)) ages.push(n)
  const hints: string[] = []
  if (ages.some((a) => a >= 80 && a < 130)) hints.push('高龄')
  if (ages.some((a) => a >= 60 && a < 130)) hints.push('老人')
  return hints.join('')
}

/** Rewrites every word of the synonym table to its canonical form, longest match first, left to right. */
export function canonicalize(s: string): string {
  let out = ''
  let i = 0
  while (i < s.length) {
    let matched = false
    for (let len = Math.min(LONGEST_WORD, s.length - i); len >= 1; len--) {
      const canonical = CANONICAL.get(s.slice(i, i + len))
      if (canonical !== undefined) {
        out += canonical
        i += len
        matched = true
        break
      }
    }
    if (!matched) out += s[i++]
  }
  return out
}

/** The form both FAQs and questions are indexed in: folded, age hints added, synonyms rewritten. */
export function normalize(text: string): string {
  const s = fold(text)
  return canonicalize(s + ageHints(s))
}

/** Character unigrams (minus stop characters) and bigrams (minus all-stop pairs). */
export function tokenize(normalized: string): string[] {
  const chars = [...normalized]
  const out: string[] = []
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if (!STOP_CHARS.has(c)) out.push(c)
    if (i + 1 < chars.length) {
      const d = chars[i + 1]
      if (!(STOP_CHARS.has(c) && STOP_CHARS.has(d))) out.push(c + d)
    }
  }
  return out
}
