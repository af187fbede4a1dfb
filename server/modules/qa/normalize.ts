import { CANONICAL, LONGEST_WORD, SYNONYMS } from './synonyms'

/** Characters that carry no meaning on their own in a question. */
const STOP_CHARS = new Set('的了吗呢啊吧呀么嘛哦哈我你他她它们是在有和与及或要能会可以也都还就这那个些吗么请问下一'.split(''))

/** Question and function words: a bigram with one of these says nothing about the subject. */
const FUNCTION_CHARS = new Set([...STOP_CHARS, ...'怎么什样哪几会不没啥咋如何为该得着过给被把让从对到去来说想吃玩天好向跟'])

/**
 * Bigrams that say nothing about the subject though their characters do elsewhere: the asking
 * (多少, 多久, 什么时候, 能不能, 怎么办), the time of asking (今年, 现在: a resident asks about
 * the rule in force, whichever FAQ says 今年) and 台州 itself, which every FAQ is about.
 */
const ASKING_BIGRAMS = new Set([
  '多少',
  '少钱',
  '几岁',
  '么办',
  '多久',
  '多长',
  '长时',
  '时候',
  '时间',
  '能不',
  '不能',
  '可不',
  '有没',
  '没有',
  '是不',
  '不是',
  '要不',
  '不要',
  '台州',
  '州市',
  '今年',
  '明年',
  '去年',
  '现在',
  '目前',
])

/**
 * The bigrams of the synonym table's canonical words (就业, 个体 of 个体工商户, 到账, 失能): words
 * about the subject even where a character of theirs is a function character elsewhere (就, 个, 到,
 * 能), except the asking (多少, 怎么办) and bigrams made only of function characters.
 */
const VOCABULARY_BIGRAMS = new Set(
  [...new Set(SYNONYMS.map((row) => row[0]))]
    .flatMap((w) => [...w].slice(0, -1).map((c, i) => c + w[i + 1]))
    .filter((b) => !ASKING_BIGRAMS.has(b) && !(FUNCTION_CHARS.has(b[0]) && FUNCTION_CHARS.has(b[1]))),
)

/** A bigram about the subject (医保, 备案, 就业), not about the asking (怎么, 多少, 会不). */
export function isContentBigram(term: string): boolean {
  if (term.length !== 2 || ASKING_BIGRAMS.has(term)) return false
  return (!FUNCTION_CHARS.has(term[0]) && !FUNCTION_CHARS.has(term[1])) || VOCABULARY_BIGRAMS.has(term)
}

/** A character or bigram that says something about the subject. */
export function isContentTerm(term: string): boolean {
  return term.length === 1 ? !FUNCTION_CHARS.has(term) : isContentBigram(term)
}

/** words that are only about the asking (怎么办, 什么时候, 能不能) or the place every FAQ is about */
const ASKING_WORDS = new Set([
  '什么',
  '为什么',
  '怎么办',
  '怎么样',
  '如何',
  '哪里',
  '哪儿',
  '哪个',
  '多少',
  '多久',
  '时候',
  '什么时候',
  '现在',
  '目前',
  '今年',
  '可以',
  '能够',
  '需要',
  '知道',
  '一下',
  '请问',
  '台州',
  '台州市',
  '问题',
  '情况',
  '还有',
  '已经',
  '这个',
  '那个',
  '自己',
  '东西',
  '事情',
  '办法',
])

/**
 * Places outside 台州 a resident may name (provinces, Zhejiang's other cities, large cities): a
 * question about 温州's 高龄补贴 or a 北京 社保卡 is not answered by 台州's FAQ unless the FAQ is about
 * other places (异地就医, 跨省通办 …). `outside` those beyond Zhejiang, `inProvince` Zhejiang's.
 */
export const OTHER_PLACES = {
  outside: [
    '北京',
    '上海',
    '天津',
    '重庆',
    '河北',
    '山西',
    '内蒙古',
    '辽宁',
    '吉林',
    '黑龙江',
    '江苏',
    '安徽',
    '福建',
    '江西',
    '山东',
    '河南',
    '湖北',
    '湖南',
    '广东',
    '广西',
    '海南',
    '四川',
    '贵州',
    '云南',
    '西藏',
    '陕西',
    '甘肃',
    '青海',
    '宁夏',
    '新疆',
    '香港',
    '澳门',
    '广州',
    '深圳',
    '南京',
    '苏州',
    '无锡',
    '合肥',
    '厦门',
    '福州',
    '长沙',
    '武汉',
    '成都',
    '西安',
    '郑州',
    '济南',
    '青岛',
    '大连',
    '沈阳',
    '哈尔滨',
    '长春',
    '昆明',
    '南昌',
    '南宁',
    '贵阳',
    '兰州',
    '东北',
    '外国',
    '国外',
  ],
  inProvince: ['杭州', '宁波', '温州', '绍兴', '金华', '嘉兴', '湖州', '衢州', '丽水', '舟山', '义乌'],
} as const

const ALL_OTHER_PLACES = [...OTHER_PLACES.outside, ...OTHER_PLACES.inProvince].join('|')
const ORIGIN_OR_TRIP = new RegExp(`(?:从|去|到)(?:${ALL_OTHER_PLACES})|(?:${ALL_OTHER_PLACES})(?:人|来|的人|老家)`, 'g')

/**
 * The places outside 台州 a folded question names that a FAQ's folded text does not cover: it
 * names the place itself, or it is about other places in general — 异地/外地/外省/跨省/全国 for any,
 * 省内 for Zhejiang's cities (so 异地就医备案 covers 北京, 台州's 高龄津贴 does not cover 温州)
 */
export function uncoveredPlaces(question: string, faqText: string): string[] {
  const out: string[] = []
  // where the resident comes from (我是河南人, 贵州来的, 从安徽来) or travels to (去杭州看病, 到上海出差)
  // says who asks, not what about: 台州's 居住证 answers the 河南人 who wants one
  question = question.replace(ORIGIN_OR_TRIP, '')
  const anywhere = /异地|外地|外省|省外|跨省|外市|全国|国外|境外/.test(faqText)
  for (const p of OTHER_PLACES.outside) if (question.includes(p) && !faqText.includes(p) && !anywhere) out.push(p)
  for (const p of OTHER_PLACES.inProvince) if (question.includes(p) && !faqText.includes(p) && !anywhere && !/省内|浙江/.test(faqText)) out.push(p)
  return out
}

/**
 * the last character of a document or benefit noun (驾驶证, 护照, 社保卡, 抚恤金, 补贴, 保险);
 * not 费 or 款: 收费 / 免费 / 要钱 are the asking about cost, 贷款 / 到款 too varied
 */
const SUBJECT_NOUN_ENDS = new Set(['证', '照', '卡', '金', '贴', '险', '簿'])
/** a first character that makes X证 / X卡 a verb phrase (换证, 补卡, 办证, 领金) or a count (张卡), not another document */
const VERB_FIRST = new Set([...'换补办领考发开交缴退取拿申挂丢免张'])

/**
 * Whether a question's document/benefit noun disagrees with a FAQ's: the question names one
 * (驾驶证) the FAQ's text does not contain, while the FAQ's question or keywords name another of
 * the same kind (身份证) — the FAQ answers about another document than the one asked about
 * (`title`, `text`: the FAQ's normalized question + keywords and whole text, without spaces)
 */
export function nounClash(words: readonly string[], title: string, text: string): string | undefined {
  for (const w of words) {
    const cs = [...w]
    const end = cs[cs.length - 1]
    if (cs.length < 2 || !SUBJECT_NOUN_ENDS.has(end) || VERB_FIRST.has(cs[0]) || text.includes(w)) continue
    const own = cs[cs.length - 2] + end
    // 身分证 / 公基金 are slips of the keyboard for the FAQ's 身份证 / 公积金, not other documents
    const slips = homophoneVariants(own)
    for (let i = title.indexOf(end, 1); i > 0; i = title.indexOf(end, i + 1)) {
      const other = title[i - 1] + end
      if (other !== own && !VERB_FIRST.has(title[i - 1]) && isContentBigram(other) && !slips.includes(other)) return w + '/' + other
    }
  }
  return undefined
}

/** A word (of the segmenter) about the subject: not only function characters, not only the asking. */
export function isContentWord(word: string): boolean {
  if (ASKING_WORDS.has(word)) return false
  return [...word].some((c) => !FUNCTION_CHARS.has(c) && !/\d/.test(c))
}

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu

/** Full-width to half-width, lower case, no punctuation or spaces. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '')
}

const CHINESE_DIGIT = '一二三四五六七八九'

/**
 * Ages in a question point at age-banded benefits: "我妈83了" is about 高龄津贴, "五十多岁" of
 * someone out of work about the 大龄 (就业困难) rules, which start at 40 for women and 50 for
 * men. The rule adds the canonical term instead of guessing the FAQ.
 */
function situationHints(text: string): string {
  const ages: number[] = []
  for (const m of text.matchAll(/(\d{2,3})\s*(?:岁|周岁|了|多)/g)) ages.push(Number(m[1]))
  // 七十三了, 九十一岁, 刚满六十, 八十多: tens in Chinese numerals, as an age
  for (const m of text.matchAll(/(满)?([四五六七八九])十([一二三四五六七八九])?(岁|周岁|了|多|出头)?/g)) {
    if (m[1] || m[4]) ages.push(10 * (CHINESE_DIGIT.indexOf(m[2]) + 1) + (m[3] ? CHINESE_DIGIT.indexOf(m[3]) + 1 : 0))
  }
  if (/一百(岁|多|了)/.test(text)) ages.push(100)
  const hints: string[] = []
  if (ages.some((a) => a >= 80 && a < 130)) hints.push('高龄')
  if (ages.some((a) => a >= 100 && a < 130)) hints.push('百岁')
  if (ages.some((a) => a >= 60 && a < 130)) hints.push('老人')
  if (ages.some((a) => a >= 40 && a < 60)) hints.push('大龄')
  for (const [re, hint] of SITUATIONS) if (re.test(text)) hints.push(hint)
  return hints.join(' ')
}

/**
 * Situations a resident describes instead of naming the policy, each with the canonical word of
 * what it is about: an area in 亩 is about a per-亩 benefit (种了60亩 → 每亩), any cancer is a
 * 大病, a trade's certificate (焊工证, 厨师证, 保育员证) is a 技能证书, showing one's face to a
 * phone (刷一次脸) is the 认证, land others farm (给亲戚种) is
 * 流转, raising animals (养几头猪, 养点鸭子) is 养殖, a shop one runs (开了家五金店) is a
 * 个体工商户. Patterns of everyday speech, not phrases of any question set.
 */
const SITUATIONS: readonly (readonly [RegExp, string])[] = [
  [/[\d一二两三四五六七八九十百几多]\s*亩/, '每亩'],
  [/癌/, '大病'],
  [/[工师员]证(?!明)/, '证书'],
  [/刷.{0,2}脸/, '认证'],
  [/(?:租|包|转|给)给?(?:别人|人家|亲戚|邻居|朋友|他人|大户|合作社).{0,2}种/, '流转'],
  [/养(?:了|点|些|几[头只条箱])?(?:鸡|鸭|鹅|猪|鱼|虾|蟹|牛|羊|兔|蜂)/, '养殖'],
  [/开(?:了|个|家|一家|了个|了家|了一家)?[\p{Script=Han}]{0,3}(?<!药)店/u, '个体工商户'],
]

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
 * The form both FAQs and questions are indexed in: folded, synonyms rewritten, age and situation
 * hints added.
 * Punctuation and spaces become one space: no n-gram spans two clauses (学区，在哪 is no 区在) or
 * two keywords, and no synonym is read across them.
 */
export function normalize(text: string): string {
  const parts = text.normalize('NFKC').toLowerCase().split(PUNCTUATION).filter(Boolean)
  const hints = situationHints(parts.join(''))
  return [...parts.map(canonicalize), ...(hints ? [hints] : [])].join(' ')
}

/**
 * Character unigrams (minus stop characters), bigrams (minus all-stop pairs) and bigrams that skip
 * one stop character (see skipBigram) of each segment of a normalized text.
 */
export function tokenize(normalized: string): string[] {
  const out: string[] = []
  for (const segment of normalized.split(' ')) {
    const chars = [...segment]
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (!STOP_CHARS.has(c)) out.push(c)
      if (i + 1 < chars.length && !(STOP_CHARS.has(c) && STOP_CHARS.has(chars[i + 1]))) out.push(c + chars[i + 1])
      const skip = skipBigram(chars, i)
      if (skip) out.push(skip)
    }
  }
  return out
}

/**
 * The bigram at i that skips one stop character (收我钱 → 收钱, 交了钱 → 交钱): residents put
 * 我 / 了 / 的 / 个 inside the words the FAQs write whole. Only one character is skipped. A
 * skipped bigram that is a two-character word of the synonym table becomes its canonical form
 * when that is two characters too (收我钱 → 收钱 → 收费), as the contiguous word would have.
 */
function skipBigram(chars: string[], i: number): string | undefined {
  if (i + 2 >= chars.length) return undefined
  const [a, m, b] = [chars[i], chars[i + 1], chars[i + 2]]
  if (!STOP_CHARS.has(m) || STOP_CHARS.has(a) || STOP_CHARS.has(b)) return undefined
  const canonical = CANONICAL.get(a + b)
  return canonical?.length === 2 ? canonical : a + b
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

/**
 * School stages, one excluding the other: a resident who names one (读高一, 上大班) asks about that
 * stage, and a FAQ whose question is about another (幼儿园 when 高中 is asked) answers someone else.
 */
const STAGES: readonly RegExp[] = [
  /幼儿园|大班|中班|小班|托班|学前/,
  /小学|[一二三四五六]年级/,
  /初中|初[一二三]|小升初/,
  /高中|高[一二三]|普高/,
  /大学|高校|本科|专科|大专|研究生/,
]

/** bit i set when the folded text names STAGES[i] */
export function stagesOf(folded: string): number {
  let bits = 0
  STAGES.forEach((re, i) => {
    if (re.test(folded)) bits |= 1 << i
  })
  return bits
}

/** bit i set when the folded text asks about ASPECTS[i] */
export function aspectsOf(folded: string): number {
  let bits = 0
  ASPECTS.forEach((re, i) => {
    if (re.test(folded)) bits |= 1 << i
  })
  return bits
}

/** the canonical words of the synonym table that are longer than a bigram, longest first */
const LONG_CANONICAL = [...new Set(SYNONYMS.map((row) => row[0]).filter((w) => w.length > 2))].sort((a, b) => b.length - a.length)
const LONGEST_CANONICAL = Math.max(0, ...LONG_CANONICAL.map((w) => w.length))
const LONG_CANONICAL_SET = new Set(LONG_CANONICAL)
const CANONICAL_WORDS = new Set(SYNONYMS.map((row) => row[0]))

/**
 * How much each term of a normalized question counts, relative to the others. A long canonical word
 * (城乡居民养老保险: seven bigrams) is one concept of the question: its inner bigrams and characters
 * share the weight of `wordBigrams` bigrams instead of each counting fully, so one long official
 * word the resident happened to use does not outweigh the rest of the question. A term that also
 * occurs outside such a word counts fully. A bigram with one character in a canonical word (of
 * any length: 大班, 城乡居民养老保险) and one outside it joins two words by chance (上大 of 上大班
 * matches 上大学) and counts `edgeShare`. A bigram that skips a stop character (skipBigram) is
 * weaker evidence than a contiguous one and counts `skipShare`. The terms are those of tokenize.
 */
export function queryTermShares(normalized: string, wordBigrams = 2, skipShare = 0.5, edgeShare = 0.5): Map<string, number> {
  const shares = new Map<string, number>()
  const put = (t: string, share: number) => shares.set(t, Math.max(shares.get(t) ?? 0, share))
  for (const segment of normalized.split(' ')) {
    const chars = [...segment]
    // the share of each character position's terms (the bigram starting at it, and the character)
    const share = new Array<number>(chars.length).fill(1)
    // the start of the canonical word (two characters or more) each character is part of, or -1
    const word = new Array<number>(chars.length).fill(-1)
    for (let i = 0; i < chars.length;) {
      let len = Math.min(LONGEST_CANONICAL, chars.length - i)
      for (; len > 2; len--) if (LONG_CANONICAL_SET.has(chars.slice(i, i + len).join(''))) break
      if (len <= 2) len = i + 1 < chars.length && CANONICAL_WORDS.has(chars[i] + chars[i + 1]) ? 2 : 1
      if (len > 1) {
        const f = Math.min(1, wordBigrams / (len - 1))
        for (let j = i; j < i + len; j++) {
          share[j] = f
          word[j] = i
        }
      }
      i += len
    }
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (!STOP_CHARS.has(c)) put(c, share[i])
      if (i + 1 < chars.length && !(STOP_CHARS.has(c) && STOP_CHARS.has(chars[i + 1]))) {
        // a bigram inside one word takes the word's share; one across a word's edge (上大 of 上大班,
        // 销多 of 报销多少) is no word of the question and counts edgeShare; others count fully
        const inside = word[i] >= 0 && word[i] === word[i + 1]
        const edge = word[i] !== word[i + 1] && (word[i] >= 0 || word[i + 1] >= 0)
        put(c + chars[i + 1], inside ? share[i] : edge ? edgeShare : 1)
      }
      const skip = skipBigram(chars, i)
      if (skip) put(skip, skipShare)
    }
  }
  return shares
}

/**
 * Characters a pinyin keyboard easily swaps for one another (same or near-same reading), in the
 * words of the FAQs: 津帖 for 津贴, 户藉 for 户籍, 备按 for 备案. Written from common IME slips, not
 * from any question set.
 */
const HOMOPHONE_GROUPS = [
  '执直职值指只纸支址',
  '保宝报包饱',
  '险线现县先限',
  '医已以意议依异易移',
  '疗料',
  '备被背倍',
  '案按安岸',
  '办半版班',
  '证正政整症',
  '费废肥',
  '龄领令零灵',
  '津金今进近尽紧经京精',
  '贴帖铁',
  '账帐章涨',
  '籍藉级及即急集记技纪际机积基疾',
  '缴交教较',
  '低底抵',
  '照招找召兆',
  '公工功供共',
  '租组族',
  '住注助主著',
  '出处初',
  '退推',
  '休修',
  '养样阳',
  '老劳',
  '户护互',
  '扣口',
  '款宽',
  '贷代带待',
  '付副福扶复服',
  '资子自字',
  '失事是市时实识视试式',
  '业页',
  '停听',
  '发法罚',
  '新心信薪',
  '店电点',
  '育于与语预',
  '城成程承',
  '乡想享项相',
  '居局据聚',
  '照找招',
  '刻可课',
  '生省声',
  '营应影',
  '收手受首',
  '残惨',
  '障账仗',
  '补捕',
  '申深身',
  '请清情',
  '审婶',
  '批披',
  '登灯等',
  '记纪计',
  '销消',
  '租足',
  '购够构',
  '房防访',
  '贫频品',
  '困捆',
  '孕运韵',
  '婴营鹰',
  '园元员原源',
  '保报',
  '额鹅',
  '息西希',
  '率律',
  '罚法',
  '粮良量梁',
  '份分',
]
const HOMOPHONES = new Map<string, string[]>()
for (const group of HOMOPHONE_GROUPS) {
  for (const c of group) {
    const others = HOMOPHONES.get(c) ?? []
    for (const o of group) if (o !== c && !others.includes(o)) others.push(o)
    HOMOPHONES.set(c, others)
  }
}

/** bigrams one homophone away from `bigram` (each character swapped in turn) */
export function homophoneVariants(bigram: string): string[] {
  const [a, b] = [...bigram]
  const out: string[] = []
  for (const x of HOMOPHONES.get(a) ?? []) out.push(x + b)
  for (const y of HOMOPHONES.get(b) ?? []) out.push(a + y)
  return out
}
