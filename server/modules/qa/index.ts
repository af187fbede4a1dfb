/**
 * 智能问答 ranking: BM25F over character unigrams and bigrams with field weights, after folding
 * and synonym rewriting (normalize.ts). Chinese needs no word segmenter for this: bigrams carry
 * most of the meaning of two-character words, unigrams catch the rest, and the synonym table
 * bridges the words residents use and the words departments write. No model, no dictionary
 * download, no native build. On the question side a long official word counts as one concept and
 * a bigram across a word's edge (上大 of 上大班) as half a word (queryTermShares), a bigram may
 * skip a 了/我/的 (收我钱 → 收钱, read as 收费), and a bigram no FAQ has may
 * stand for a keyword one homophone away (备按 → 备案). Rules on top of BM25: a FAQ about one
 * county ranks below the city-wide one unless the resident names the county (a county the resident
 * names is not matched as a word: 「我在三门种了80亩稻」 is about 种粮补贴, not about everything
 * 三门's FAQs say; it only lifts that county's FAQs a little), and a FAQ about one
 * 办事指南 aspect (材料, 窗口, 时限 …) ranks below the FAQ about the matter itself unless the
 * resident asks about that aspect; likewise a FAQ about one school stage (幼儿园, 高中 …) when
 * the resident names another. A FAQ is returned at all only when its question or keywords
 * share a subject word with the question (or it matches half the question in its answer) and it
 * covers enough of the question's known words: unrelated questions get no answer.
 */
import type { Faq, QaHit } from '../../../common/contract'
import {
  aspectsOf,
  COUNTIES,
  fold,
  homophoneVariants,
  isContentBigram,
  isContentWord,
  isContentTerm,
  nounClash,
  normalize,
  queryTermShares,
  regionsOf,
  stagesOf,
  tokenize,
  uncoveredPlaces,
} from './normalize'
import { isConfident, probability, type FeatureVector } from './confidence'
import { PLACE_NAMES, words } from './segment'
import { RERANK_MODEL, rerankScores, type RerankModel } from './rerank'

export interface QaIndexOptions {
  k1?: number
  /** length normalisation per field: question, keywords (a tag list: none), answer, 相似问法 */
  b?: Partial<FieldValues>
  /**
   * weight of each field's term frequency; `similar` is the FAQ's 相似问法 (other ways residents ask
   * it, Faq.similar), question-like text in a field of its own
   */
  fields?: Partial<FieldValues>
  /** weight of a single character relative to a bigram */
  unigramWeight?: number
  /** weight of a term about the asking (怎么, 多少, 能不) relative to one about the subject */
  functionWeight?: number
  /**
   * a FAQ about one county (椒江区…) when the question names no county, another one or that one:
   * its score is multiplied by `none` / `other` / `same` — a resident who names no place asks about
   * the city's rule, one who names a county prefers its FAQ at equal substance
   */
  region?: { none: number; other: number; same: number }
  /**
   * whether the county names of the question (椒江, 三门 …) are matched as words too (true) or
   * only decide the region rule (false): a county is where the resident lives, rarely what they ask
   * about, and as words it pulls every FAQ of that county above the one about their matter
   */
  matchCounties?: boolean
  /** a FAQ asking about a 办事指南 aspect the resident did not ask about: its score times this, per aspect */
  aspectPenalty?: number
  /** a FAQ about a school stage (幼儿园, 高中 …) when the resident names only another one: its score times this */
  stagePenalty?: number
  /** share of the question's weight (a term no FAQ contains counting `oovWeight`) a FAQ must match to be returned at all */
  minCoverage?: number
  /**
   * a FAQ must also share one informative bigram with the question: one that occurs in at most
   * this share of all FAQs (so 怎么 / 办理 alone never make an answer)
   */
  informativeShare?: number
  /**
   * weight, in the coverage rule only, of a question term no FAQ contains: mostly a bigram across
   * two words (龄津 of 高龄津贴) or a filler (突然, 回事), which should not make a long, chatty
   * question look unanswered
   */
  oovWeight?: number
  /**
   * the informative bigram must occur in the FAQ's question or keywords (what the FAQ is about),
   * not only somewhere in its answer; a FAQ that matches only in its answer is returned when it
   * covers this share of the question's whole weight
   */
  answerCoverage?: number
  /**
   * a FAQ whose informative bigram is only in its 相似问法 (long, chatty sentences, less telling than
   * its question) is returned when it covers this share of the question's weight, as minCoverage
   */
  similarCoverage?: number
  /** a long canonical word of the question counts as this many bigrams (see queryTermShares) */
  wordBigrams?: number
  /** share of a homophone stand-in for a bigram no FAQ contains (0: no homophone matching) */
  homophoneShare?: number
  /**
   * two FAQs are near-duplicates — one answer asked two ways (f034 社保卡丢了怎么挂失和补办 and
   * f300 社保卡丢了先打什么电话挂失, f053 and f307 on 入学年龄) — when this share of the content
   * bigrams of the shorter answer is in the other one's; the confidence's margin is measured against
   * the best hit that is not a near-duplicate of the first (see `twins`)
   */
  duplicateOverlap?: number
  /** the re-ranker (rerank.ts; `on: false`: the BM25F order) */
  rerank?: RerankModel
  /**
   * share of a question bigram that only ever spans two of the segmenter's words (府申 of 政府/申请,
   * 少年 of 多少/年, 开材 of 公开/材料): no word of the question, though it matches a FAQ worded
   * the same way and, being rare, outweighs the words that tell two FAQs apart
   */
  crossShare?: number
}

/** one value per BM25F field */
export interface FieldValues {
  question: number
  keywords: number
  answer: number
  similar: number
}

type Options = Required<Omit<QaIndexOptions, 'b' | 'fields'>> & { b: FieldValues; fields: FieldValues }

export const QA_DEFAULTS: Options = {
  k1: 1.5,
  b: { question: 0.3, keywords: 0, answer: 0.6, similar: 0.3 },
  fields: { question: 3, keywords: 2, answer: 0.6, similar: 0.75 },
  unigramWeight: 0.5,
  functionWeight: 0.2,
  region: { none: 0.8, other: 0.6, same: 1.1 },
  matchCounties: false,
  aspectPenalty: 0.8,
  stagePenalty: 0.6,
  minCoverage: 0.15,
  informativeShare: 0.2,
  oovWeight: 0.3,
  answerCoverage: 0.5,
  similarCoverage: 0.35,
  wordBigrams: 2,
  homophoneShare: 0.6,
  duplicateOverlap: 0.6,
  rerank: RERANK_MODEL,
  crossShare: 0.5,
}

/**
 * `score` of a hit is its BM25F score over the most the question could score (every term matched
 * with a saturated weight), so 0..1 and comparable between questions. Below this the best hit is a
 * guess (over the fixtures, 99.2 % of right first answers to test/qa-eval.json and
 * test/qa-eval-heldout.json score above it; of 50 everyday questions outside the FAQs (trains,
 * weather, repairs …) 41 get no answer and 8 score above it): the client should call it
 * 「可能相关」 and lead with 「没找到答案？向部门咨询」.
 */
export const QA_MIN_SCORE = 0.15

const FIELDS = 4 // question, keywords, answer, similar (相似问法)
/** hits ask() ranks to find the best one that is not a near-duplicate of the first (the margin) */
export const RIVALS = 8

/**
 * Where a term occurs in a FAQ, as the bit a search sets for the FAQ when the term is informative:
 * in its question or keywords; else only in its 相似问法; else only in its answer.
 */
const IN_TITLE = 1
const IN_ANSWER_ONLY = 2
const IN_SIMILAR_ONLY = 4

/** One term's postings: the FAQs it occurs in and its saturated BM25F weight in each. */
interface Postings {
  docs: Int32Array
  weights: Float32Array
  /** where the term occurs in each FAQ: IN_TITLE, IN_SIMILAR_ONLY or IN_ANSWER_ONLY */
  where: Uint8Array
}

function counts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1)
  return m
}

function length(m: Map<string, number>): number {
  let n = 0
  for (const c of m.values()) n += c
  return n
}

export class QaIndex {
  private readonly opts: Options
  private readonly faqs: Faq[]
  /**
   * each FAQ's answer without its pointers to other FAQs (「另见：<another FAQ's question>」): what
   * is indexed and judged. A broad FAQ that points to the narrow one (f016 高龄津贴多少钱 →
   * 另见：高龄津贴要自己去申请吗？没到账怎么办？) must not match the narrow one's question by the pointer.
   */
  private readonly answers: string[]
  private readonly postings = new Map<string, Postings>()
  /** the bigrams of the FAQs' keywords: real words, the only stand-ins a homophone slip may reach */
  private readonly keywordBigrams = new Set<string>()
  /** county index (normalize.ts COUNTIES) of a FAQ about one county, -1 for city-wide ones */
  private readonly region: Int8Array
  /** the 办事指南 aspects each FAQ's question asks about (bits, see aspectsOf) */
  private readonly aspects: Uint8Array
  /** the school stages each FAQ's question is about (bits, see stagesOf) */
  private readonly stages: Uint8Array
  /** FAQ → its position, for the confidence features of a hit */
  private readonly position = new Map<Faq, number>()
  /** each FAQ's normalized question + keywords + 相似问法 and its whole normalized text, made when first needed */
  private readonly titles: (string | undefined)[] = []
  private readonly texts: (string | undefined)[] = []
  /** each FAQ's folded (not synonym-rewritten) question, keywords and answer, made when first needed (places outside 台州) */
  private readonly foldedTexts: (string | undefined)[] = []
  /** each FAQ's answer's content bigrams, made when first needed (near-duplicates, see `twins`) */
  private readonly answerBigrams: (Set<string> | undefined)[] = []
  /** each FAQ's question's known content words with their idf, made when first needed (the confidence's `asked`) */
  private readonly questionWords: ({ w: string; idf: number }[][] | undefined)[] = []
  /** each FAQ's fields for the re-ranker (see parts), made when first needed */
  private readonly faqParts: (FaqParts | undefined)[] = []
  // per-search accumulators, reused (and zeroed again) by every search
  private readonly scores: Float64Array
  private readonly covered: Float64Array
  private readonly informative: Uint8Array

  constructor(faqs: Faq[], options: QaIndexOptions = {}) {
    this.opts = {
      ...QA_DEFAULTS,
      ...options,
      b: { ...QA_DEFAULTS.b, ...options.b },
      fields: { ...QA_DEFAULTS.fields, ...options.fields },
      region: { ...QA_DEFAULTS.region, ...options.region },
    }
    this.faqs = faqs
    faqs.forEach((f, i) => this.position.set(f, i))
    this.answers = withoutPointers(faqs)
    this.scores = new Float64Array(faqs.length)
    this.covered = new Float64Array(faqs.length)
    this.informative = new Uint8Array(faqs.length)
    this.region = Int8Array.from(faqs, (f) => {
      const r = regionsOf(fold(f.question))
      return r.length === 1 ? r[0] : -1
    })
    this.aspects = Uint8Array.from(faqs, (f) => aspectsOf(fold(f.question)))
    this.stages = Uint8Array.from(faqs, (f) => stagesOf(fold(f.question)))

    const { k1, b, fields } = this.opts
    const fieldWeights = [fields.question, fields.keywords, fields.answer, fields.similar]
    const fieldB = [b.question, b.keywords, b.answer, b.similar]
    // keywords and 相似问法 one by one, so no bigram spans two of them
    const perDoc = faqs.map((f, i) => [
      counts(tokenize(normalize(f.question))),
      counts(tokenize(normalize(f.keywords.join(' ')))),
      counts(tokenize(normalize(this.answers[i]))),
      counts(tokenize(normalize((f.similar ?? []).join(' ')))),
    ])
    // a field's average length over the FAQs that have it: a base where editors have written
    // 相似问法 for some FAQs only must not make theirs look long
    const avg = [0, 1, 2, 3].map((fi) => {
      let sum = 0
      let n = 0
      for (const d of perDoc) {
        const l = length(d[fi])
        sum += l
        if (l) n++
      }
      return sum / Math.max(1, n) || 1
    })

    // BM25F: per FAQ and term, field-weighted length-normalised frequency, saturated once. It does
    // not depend on the question, so it is computed here and a search only adds up weights.
    const lists = new Map<string, { docs: number[]; weights: number[]; where: number[] }>()
    perDoc.forEach((docFields, doc) => {
      const lengths = docFields.map(length)
      const terms = new Set<string>()
      for (const m of docFields) for (const t of m.keys()) terms.add(t)
      for (const term of terms) {
        let x = 0
        for (let fi = 0; fi < FIELDS; fi++) {
          const tf = docFields[fi].get(term)
          if (tf) x += (fieldWeights[fi] * tf) / (1 - fieldB[fi] + (fieldB[fi] * lengths[fi]) / avg[fi])
        }
        let list = lists.get(term)
        if (!list) lists.set(term, (list = { docs: [], weights: [], where: [] }))
        list.docs.push(doc)
        list.weights.push((x * (k1 + 1)) / (x + k1))
        list.where.push(docFields[0].has(term) || docFields[1].has(term) ? IN_TITLE : docFields[3].has(term) ? IN_SIMILAR_ONLY : IN_ANSWER_ONLY)
      }
    })
    for (const d of perDoc) for (const t of d[1].keys()) if (t.length === 2) this.keywordBigrams.add(t)
    for (const [term, list] of lists)
      this.postings.set(term, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights), where: Uint8Array.from(list.where) })
  }

  get size(): number {
    return this.faqs.length
  }

  private idf(term: string): number {
    const n = this.postings.get(term)?.docs.length ?? 0
    return Math.log(1 + (this.faqs.length - n + 0.5) / (n + 0.5))
  }

  /** how much a term of the question counts: bigram or character, subject or asking, times its idf */
  private termWeight(term: string): number {
    const { unigramWeight, functionWeight } = this.opts
    return (term.length === 1 ? unigramWeight : 1) * (isContentTerm(term) ? 1 : functionWeight) * this.idf(term)
  }

  search(q: string, limit = 5): QaHit[] {
    const normalized = this.opts.matchCounties ? normalize(q) : withoutCounties(normalize(q))
    const shares = queryTermShares(normalized, this.opts.wordBigrams)
    const across = this.opts.crossShare < 1 ? crossWordBigrams(normalized) : undefined
    // a subject bigram no FAQ contains may be a slip of the pinyin keyboard (备按, 津帖): the
    // bigrams one homophone away that are FAQ keyword bigrams (real words) stand in for it, at a
    // reduced share
    if (this.opts.homophoneShare > 0) {
      for (const [term, share] of [...shares]) {
        if (term.length !== 2 || !isContentBigram(term) || this.postings.has(term)) continue
        for (const v of homophoneVariants(term)) {
          if (!shares.has(v) && this.keywordBigrams.has(v)) {
            shares.set(v, share * this.opts.homophoneShare)
          }
        }
      }
    }
    const terms = [...shares.keys()]
    if (!terms.length || !this.faqs.length) return []
    const { k1, minCoverage, similarCoverage, informativeShare, region, aspectPenalty, stagePenalty, oovWeight, answerCoverage } = this.opts
    const { scores, covered, informative } = this
    const informativeMax = Math.max(3, informativeShare * this.faqs.length)
    const folded = fold(q)
    const askedRegions = regionsOf(folded)
    const askedAspects = aspectsOf(folded)
    const askedStages = stagesOf(folded)
    const touched: number[] = []
    let total = 0
    let scoreTotal = 0
    let coverTotal = 0
    for (const term of terms) {
      const w = this.termWeight(term) * (shares.get(term) ?? 1)
      // a bigram across two words weighs less in the score, not in the coverage rules: whether a
      // FAQ is returned at all stays as it was
      const sw = across?.has(term) ? w * this.opts.crossShare : w
      total += w
      scoreTotal += sw
      const list = this.postings.get(term)
      coverTotal += list ? w : w * oovWeight
      if (!list) continue
      const { docs, weights, where } = list
      const telling = isContentBigram(term) && docs.length <= informativeMax ? 1 : 0
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]
        if (covered[doc] === 0) touched.push(doc)
        scores[doc] += sw * weights[i]
        covered[doc] += w
        // where in the FAQ the informative bigrams of the question are
        informative[doc] |= telling ? where[i] : 0
      }
    }
    const keep = Math.max(1, limit)
    const best: { doc: number; score: number }[] = []
    for (const doc of touched) {
      let score = scores[doc]
      const r = this.region[doc]
      if (r >= 0) score *= askedRegions.includes(r) ? region.same : askedRegions.length ? region.other : region.none
      for (let unasked = this.aspects[doc] & ~askedAspects; unasked; unasked &= unasked - 1) score *= aspectPenalty
      if (askedStages && this.stages[doc] && !(this.stages[doc] & askedStages)) score *= stagePenalty
      const info = informative[doc]
      const relevant =
        info & IN_TITLE
          ? covered[doc] >= minCoverage * coverTotal
          : info & IN_SIMILAR_ONLY
            ? covered[doc] >= similarCoverage * coverTotal
            : info === IN_ANSWER_ONLY && covered[doc] >= answerCoverage * total
      if (relevant && (best.length < keep || score > best[best.length - 1].score)) {
        best.push({ doc, score })
        best.sort((x, y) => y.score - x.score || x.doc - y.doc)
        if (best.length > keep) best.pop()
      }
      scores[doc] = 0
      covered[doc] = 0
      informative[doc] = 0
    }
    const most = scoreTotal * (k1 + 1)
    const queryBigrams = new Set([...bigrams(folded), ...normalized.split(' ').flatMap(bigrams)])
    return best.map(({ doc, score }) => {
      const faq = this.faqs[doc]
      return { faq, score: Math.round((score / most) * 1000) / 1000, matched: matchedRuns(faq.question, queryBigrams) }
    })
  }

  /**
   * The answer to a question: the hits (in the re-ranker's order, see rank) and whether the first
   * one answers it — the confidence model's probability (confidence.ts) and its verdict. What
   * GET /qa/search and the unified search call.
   */
  ask(q: string, limit = 5): QaAnswer {
    // a few more hits than asked for: the margin is measured against the best one of another answer
    const ranking = this.rank(q, Math.max(limit, RIVALS))
    const { items } = ranking
    const features = items.length ? this.features(q, items, ranking) : undefined
    const confidence = features ? Math.round(probability(features) * 1000) / 1000 : 0
    return { items: items.slice(0, Math.max(1, limit)), confident: features !== undefined && isConfident(confidence), confidence }
  }

  /**
   * The hits of a question in the re-ranker's order (rerank.ts): search() finds them by BM25F and,
   * when the model is on, it orders the first `depth` of them anew, one dot product each. Off as
   * shipped (rerank-model.json, see the README): the hits in BM25F order.
   */
  rank(q: string, limit = 5, model: RerankModel = this.opts.rerank): Ranking {
    const items = this.search(q, Math.max(limit, model.on ? model.depth : 0))
    const content = items.length ? contentWords(q) : []
    if (!model.on || model.depth < 2 || items.length < 2) return { items, content }
    const candidates = items.slice(0, model.depth)
    const z = rerankScores(this.candidateFeatures(q, candidates, this.knownWords(content)), model)
    const order = candidates.map((_, i) => i).sort((a, b) => z[b] - z[a] || a - b)
    return { items: [...order.map((i) => candidates[i]), ...items.slice(model.depth)], content }
  }

  /**
   * the confidence features of a question and its hits (the first one is judged), see
   * confidence.ts; `ranking` (from rank) brings the question's content words, already cut
   */
  features(q: string, hits: QaHit[], ranking?: Pick<Ranking, 'content'>): FeatureVector {
    const doc = this.position.get(hits[0].faq) ?? -1
    const title = doc >= 0 ? (this.titles[doc] ??= normalize(titleOf(this.faqs[doc])).replace(/ /g, '')) : ''
    const text = doc >= 0 ? (this.texts[doc] ??= title + normalize(this.answers[doc]).replace(/ /g, '')) : ''
    const maxIdf = Math.log(1 + (this.faqs.length + 0.5) / 0.5)
    let total = 0
    let inText = 0
    let inTitle = 0
    let unknown = 0
    let head = { idf: -1, inTitle: false }
    let missing = 0
    const content = ranking?.content ?? contentWords(q)
    for (const w of content) {
      const known = this.isKnown(w)
      if (!known) {
        unknown++
        continue
      }
      const idf = this.wordIdf(w)
      total += idf
      const t = title.includes(w)
      if (text.includes(w)) inText += idf
      else missing = Math.max(missing, idf)
      if (t) inTitle += idf
      if (idf > head.idf) head = { idf, inTitle: t }
    }
    const [first] = hits
    // a place outside 台州 the FAQ is not about (温州's 高龄补贴 → 台州's), a document other than the FAQ's (驾驶证 → 身份证)
    const foldedQ = fold(q)
    const foldedText = doc >= 0 ? (this.foldedTexts[doc] ??= fold(`${titleOf(this.faqs[doc])}${this.answers[doc]}`)) : ''
    const elsewhere = uncoveredPlaces(foldedQ, foldedText).length ? 1 : 0
    const clash = nounClash(content, title, text) ? 1 : 0
    // how much of what the FAQ's question is about the resident's question names (它问的是不是我问的):
    // the best of its question and its 相似问法, each a way of asking it
    const phrasings =
      doc >= 0
        ? (this.questionWords[doc] ??= [this.faqs[doc].question, ...(this.faqs[doc].similar ?? [])].map((p) =>
            contentWords(p)
              .filter((w) => this.isKnown(w))
              .map((w) => ({ w, idf: this.wordIdf(w) })),
          ))
        : []
    const asked = normalize(q).replace(/ /g, '')
    let askedShare = 0
    for (const faqWords of phrasings) {
      let faqTotal = 0
      let faqAsked = 0
      for (const { w, idf } of faqWords) {
        faqTotal += idf
        if (asked.includes(w)) faqAsked += idf
      }
      if (faqTotal) askedShare = Math.max(askedShare, faqAsked / faqTotal)
    }
    const second = hits.slice(1).find((h) => !this.twins(first.faq, h.faq))
    const twin = hits.slice(1).find((h) => this.twins(first.faq, h.faq))
    /** the first hit's lead over another, as a share of its score (1 when there is none) */
    const leadOver = (other: QaHit | undefined) => (other ? Math.max(0, (first.score - other.score) / Math.max(first.score, 1e-6)) : 1)
    const margin = leadOver(second)
    // the re-ranker's view of the same hits (its weights, whether or not it orders them): a second
    // opinion on the first one — its softmax share and whether it would put it first too
    const candidates = this.candidateFeatures(q, hits.slice(0, RIVALS), this.knownWords(content))
    const z = rerankScores(candidates, this.opts.rerank)
    let top = 0
    for (let i = 1; i < z.length; i++) if (z[i] > z[top]) top = i
    let sum = 0
    for (const v of z) sum += Math.exp(v - z[top])
    return {
      score: first.score,
      margin,
      close: margin < 0.15 ? 1 : 0,
      cover: total ? inText / total : 0,
      titleCover: total ? inTitle / total : 0,
      unknown: content.length ? unknown / content.length : 0,
      head: head.inTitle ? 1 : 0,
      missing: missing / maxIdf,
      words: Math.min(1, content.length / 10),
      specificity: Math.max(0, head.idf) / maxIdf,
      gap: second ? Math.max(0, first.score - second.score) : first.score,
      asked: askedShare,
      rerank: Math.exp(z[0] - z[top]) / sum,
      agree: top === 0 ? 1 : 0,
      keywordCover: candidates[0][2],
      length: Math.min(1, [...q].length / 40),
      second: candidates[1]?.[0] ?? 0,
      twinMargin: leadOver(twin),
      elsewhere,
      clash,
    }
  }

  /**
   * The re-ranker's features of each hit (rerank.ts RERANK_FEATURES, in that order), from the
   * question's known content words (segment.ts) and the hits' fields: where in the FAQ the
   * question's words are (its question, its keywords, anywhere) and whether the question names a
   * keyword of the FAQ whole — its first one says what the FAQ is about.
   */
  candidateFeatures(q: string, hits: QaHit[], known: KnownWord[] = this.knownWords(contentWords(q))): number[][] {
    if (!hits.length) return []
    let total = 0
    for (const { idf } of known) total += idf
    const topScore = Math.max(hits[0].score, 1e-6)
    const askedBigrams = new Set(normalize(q).split(' ').flatMap(bigrams))
    return hits.map((h) => {
      const p = this.parts(h.faq)
      let inQuestion = 0
      let inKeywords = 0
      let inText = 0
      for (const { w, idf } of known) {
        if (p.question.includes(w)) inQuestion += idf
        if (p.keywords.includes(w)) inKeywords += idf
        if (p.text.includes(w)) inText += idf
      }
      let keyword = 0
      for (const k of p.keywordBigrams) keyword = Math.max(keyword, bigramShare(k, askedBigrams))
      return [
        h.score / topScore,
        total ? inQuestion / total : 0,
        total ? inKeywords / total : 0,
        total ? inText / total : 0,
        p.keywordBigrams.length ? bigramShare(p.keywordBigrams[0], askedBigrams) : 0,
        keyword,
      ]
    })
  }

  /** the question's content words some FAQ knows, with their specificity (see wordIdf) */
  knownWords(content: string[]): KnownWord[] {
    const out: KnownWord[] = []
    for (const w of content) if (this.isKnown(w)) out.push({ w, idf: this.wordIdf(w) })
    return out
  }

  /** a FAQ's normalized fields (no spaces) and its keywords' bigrams, made when first needed */
  private parts(faq: Faq): FaqParts {
    const doc = this.position.get(faq)
    const answer = doc === undefined ? faq.answer : this.answers[doc]
    const make = (): FaqParts => {
      // the 相似问法 are ways of asking the question: the question's words are looked for in them too
      const question = normalize([faq.question, ...(faq.similar ?? [])].join(' ')).replace(/ /g, '')
      const keywords = normalize(faq.keywords.join(' ')).replace(/ /g, '')
      return {
        question,
        keywords,
        text: question + keywords + normalize(answer).replace(/ /g, ''),
        keywordBigrams: faq.keywords.map((k) => normalize(k).split(' ').flatMap(bigrams)).filter((b) => b.length),
      }
    }
    if (doc === undefined) return make()
    return (this.faqParts[doc] ??= make())
  }

  /**
   * whether two FAQs are near-duplicates: the same answer to the same matter asked two ways
   * (`duplicateOverlap` of the shorter answer's content bigrams are in the other's); which of the
   * two ranks first is a coin toss that does not make the first one a worse answer
   */
  twins(a: Faq, b: Faq): boolean {
    const x = this.answerTerms(a)
    const y = this.answerTerms(b)
    const [small, large] = x.size <= y.size ? [x, y] : [y, x]
    if (!small.size) return false
    let shared = 0
    for (const t of small) if (large.has(t)) shared++
    return shared >= this.opts.duplicateOverlap * small.size
  }

  private answerTerms(faq: Faq): Set<string> {
    const doc = this.position.get(faq)
    const make = () => new Set(bigrams(normalize(doc === undefined ? faq.answer : this.answers[doc]).replace(/ /g, '')).filter(isContentBigram))
    if (doc === undefined) return make()
    return (this.answerBigrams[doc] ??= make())
  }

  /** whether some FAQ has this word: its every bigram (a character for a one-character word) is indexed */
  private isKnown(w: string): boolean {
    const cs = [...w]
    if (cs.length === 1) return this.postings.has(w)
    for (let i = 0; i + 1 < cs.length; i++) if (!this.postings.has(cs[i] + cs[i + 1])) return false
    return true
  }

  /** a word's specificity: the largest idf of its bigrams (its character's for a one-character word) */
  private wordIdf(w: string): number {
    const cs = [...w]
    if (cs.length === 1) return this.idf(w) * 0.5
    let best = 0
    for (let i = 0; i + 1 < cs.length; i++) best = Math.max(best, this.idf(cs[i] + cs[i + 1]))
    return best
  }
}

/** The hits of a question in the re-ranker's order (QaIndex.rank). */
export interface Ranking {
  items: QaHit[]
  /** the question's content words (contentWords) */
  content: string[]
}

/** a content word of a question and its specificity (QaIndex.wordIdf) */
export interface KnownWord {
  w: string
  idf: number
}

interface FaqParts {
  /** its question and 相似问法 */
  question: string
  keywords: string
  /** question + keywords + answer */
  text: string
  /** each keyword's bigrams (normalized), in the FAQ's order: the first names what it is about */
  keywordBigrams: string[][]
}

/** share of a keyword's bigrams the question contains */
function bigramShare(keyword: string[], asked: Set<string>): number {
  let n = 0
  for (const b of keyword) if (asked.has(b)) n++
  return n / keyword.length
}

/** What QaIndex.ask answers: the hits, and whether (and how surely) the first one answers the question. */
export interface QaAnswer {
  items: QaHit[]
  confident: boolean
  /** the confidence model's probability that the first hit is right (0 without hits) */
  confidence: number
}

const PLACES = new Set<string>([...PLACE_NAMES, ...COUNTIES])

/** the content words of a question (segment.ts), synonyms rewritten, without place names */
export function contentWords(q: string): string[] {
  const out = new Set<string>()
  for (const part of normalize(q).split(' ')) for (const w of words(part)) if (isContentWord(w) && !PLACES.has(w)) out.add(w)
  return [...out]
}

/** a FAQ's question, keywords and 相似问法: what it is about, in the words of its editors and residents */
function titleOf(f: Faq): string {
  return [f.question, ...f.keywords, ...(f.similar ?? [])].join(' ')
}

const POINTER = '另见：'
const CLAUSE_END = new Set([...'。！？；'])

/**
 * the FAQs' answers without 「另见：<question>」 where <question> is another FAQ's question, and
 * without the clause that leads to it
 */
function withoutPointers(faqs: Faq[]): string[] {
  let questions: Map<string, string[]> | undefined
  return faqs.map((f) => {
    if (!f.answer.includes(POINTER)) return f.answer
    if (!questions) {
      questions = new Map()
      for (const o of faqs) {
        const key = o.question.slice(0, 4)
        const list = questions.get(key)
        if (list) list.push(o.question)
        else questions.set(key, [o.question])
      }
    }
    let out = ''
    let at = 0
    for (let i = f.answer.indexOf(POINTER); i >= 0; i = f.answer.indexOf(POINTER, i + POINTER.length)) {
      const start = i + POINTER.length
      const target = (questions.get(f.answer.slice(start, start + 4)) ?? [])
        .filter((q) => q !== f.question && f.answer.startsWith(q, start))
        .sort((a, b) => b.length - a.length)[0]
      if (!target) continue
      // the clause that leads to the pointer goes with it (「参加了养老保险的，另见：…」 is about the
      // other FAQ), a parenthesis only itself (「提取（另见：…）」)
      let from = i
      if (f.answer[i - 1] !== '（') while (from > at && !CLAUSE_END.has(f.answer[from - 1])) from--
      out += f.answer.slice(at, from)
      at = start + target.length
    }
    return out + f.answer.slice(at)
  })
}

/**
 * The bigrams of a question that span two of the segmenter's words and occur inside none of them
 * (see QaIndexOptions.crossShare).
 */
function crossWordBigrams(normalized: string): Set<string> {
  const inside = new Set<string>()
  const across = new Set<string>()
  for (const segment of normalized.split(' ')) {
    let prev = ''
    for (const w of words(segment)) {
      const cs = [...w]
      for (let i = 0; i + 1 < cs.length; i++) inside.add(cs[i] + cs[i + 1])
      if (prev) across.add(prev + cs[0])
      prev = cs[cs.length - 1]
    }
  }
  for (const t of inside) across.delete(t)
  return across
}

const COUNTY_NAMES = new RegExp(COUNTIES.join('|'), 'g')

/** a normalized question without its county names (a clause break where each was) */
function withoutCounties(normalized: string): string {
  return normalized.replace(COUNTY_NAMES, ' ').replace(/ +/g, ' ').trim()
}

function bigrams(s: string): string[] {
  const chars = [...s]
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1])
}

/** Runs of ≥ 2 characters of `text` made of bigrams the question contains and about its subject (for highlighting). */
export function matchedRuns(text: string, queryBigrams: Set<string>): string[] {
  const chars = [...text]
  const folded = chars.map((c) => fold(c) || c)
  const mark = new Array<boolean>(chars.length).fill(false)
  for (let i = 0; i + 1 < chars.length; i++) {
    if (queryBigrams.has(folded[i] + folded[i + 1])) mark[i] = mark[i + 1] = true
  }
  const runs: string[] = []
  let start = -1
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && mark[i]) {
      if (start < 0) start = i
    } else if (start >= 0) {
      // no run that cuts a number (the 0岁 of 80岁 when 70岁 was asked)
      while (start < i && /\d/.test(folded[start]) && /\d/.test(folded[start - 1] ?? '')) start++
      let end = i
      while (end > start && /\d/.test(folded[end - 1]) && /\d/.test(folded[end] ?? '')) end--
      const run = folded.slice(start, end)
      // 怎么 / 会不 alone are not worth highlighting
      if (run.length >= 2 && run.some((c, j) => j + 1 < run.length && isContentBigram(c + run[j + 1]))) runs.push(chars.slice(start, end).join(''))
      start = -1
    }
  }
  return [...new Set(runs)]
}
