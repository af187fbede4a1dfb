import { CANONICAL, LONGEST_WORD } from './synonyms'

/** Characters that carry no meaning on their own in a question. */
const STOP_CHARS = new Set('的了吗呢啊吧呀么嘛哦哈我你他她它们是在有和与及或要能会可以也都还就这那个些吗么请问下一'.split(''))

/** Question and function words: a bigram with one of these says nothing about the subject. */
const FUNCTION_CHARS = new Set([...STOP_CHARS, ...'怎么什样哪几会不没啥咋如何为该得着过给被把让从对到去来说想吃玩天好'])

/**
 * Bigrams that say nothing about the subject though their characters do elsewhere: the asking
 * (多少, 多久, 什么时候, 能不能) and 台州 itself, which every FAQ is about.
 */
const ASKING_BIGRAMS = new Set(['多少', '少钱', '多久', '多长', '长时', '时候', '时间', '能不', '不能', '可不', '有没', '没有', '是不', '不是', '要不', '不要', '台州', '州市'])

/** A bigram about the subject (医保, 备案), not about the asking (怎么, 多少, 会不). */
export function isContentBigram(term: string): boolean {
  return term.length === 2 && !FUNCTION_CHARS.has(term[0]) && !FUNCTION_CHARS.has(term[1]) && !ASKING_BIGRAMS.has(term)
}

/** A character or bigram that says something about the subject. */
export function isContentTerm(term: string): boolean {
  return term.length === 1 ? !FUNCTION_CHARS.has(term) : isContentBigram(term)
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
  return hints.join(' ')
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

/**
 * The form both FAQs and questions are indexed in: folded, synonyms rewritten, age hints added.
 * Punctuation and spaces become one space: no n-gram spans two clauses (学区，在哪 is no 区在) or
 * two keywords, and no synonym is read across them.
 */
export function normalize(text: string): string {
  const parts = text.normalize('NFKC').toLowerCase().split(PUNCTUATION).filter(Boolean)
  const hints = ageHints(parts.join(''))
  return [...parts.map(canonicalize), ...(hints ? [hints] : [])].join(' ')
}

/** Character unigrams (minus stop characters) and bigrams (minus all-stop pairs) of each segment of a normalized text. */
export function tokenize(normalized: string): string[] {
  const out: string[] = []
  for (const segment of normalized.split(' ')) {
    const chars = [...segment]
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (!STOP_CHARS.has(c)) out.push(c)
      if (i + 1 < chars.length && !(STOP_CHARS.has(c) && STOP_CHARS.has(chars[i + 1]))) out.push(c + chars[i + 1])
    }
  }
  return out
}

/** 台州's nine counties; a FAQ or question naming one is about that county */
export const COUNTIES = ['椒江', '黄岩', '路桥', '临海', '温岭', '玉环', '天台', '仙居', '三门'] as const

/** indexes in COUNTIES of the counties a folded text names */
export function regionsOf(folded: string): number[] {
  const out: number[] = []
  COUNTIES.forEach((c, i) => {
    if (folded.includes(c)) out.push(i)
  })
  return out
}

/**
 * The aspects of a service that a 办事指南 answers one by one. A FAQ whose question asks about one
 * of them (「…需要准备哪些材料」) answers a resident who did not ask about it less well than the
 * FAQ about the matter itself: 「高龄津贴每月多少钱」 is not 「高龄津贴在哪个窗口办理」.
 */
const ASPECTS: readonly RegExp[] = [
  /(哪些|什么|啥)(材料|证件|资料)|带(什么|哪些|啥)/, // 申请材料
  /(哪个|什么)窗口|(在|去|到)哪(里|儿)?(办|申请)|哪里(能|可以)?办|办理地点/, // 办理地点
  /时限|多久|多长时间|几天|几个工作日/, // 办理时限
  /代办|委托|代领|代理/, // 委托代办
  /电话|热线|联系方式/, // 咨询电话
  /进度/, // 办理进度
  /依据|哪个文件|什么文件/, // 设定依据
  /最新|新规定|新政策/, // 最新规定
]

/** bit i set when the folded text asks about ASPECTS[i] */
export function aspectsOf(folded: string): number {
  let bits = 0
  ASPECTS.forEach((re, i) => {
    if (re.test(folded)) bits |= 1 << i
  })
  return bits
}
