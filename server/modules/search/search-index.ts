/**
 * The index of 一站搜索: every published policy, interpretation, FAQ, video and course as a
 * document of three fields (title, lead, body), scored BM25F-style over the terms of text.ts.
 * A document is a hit when it covers half of what the query asks for by weight (rare terms weigh
 * more, particles and 怎么/多少 a fifth, a term no document has a third) and matches at least one
 * subject term — in its title or lead, or anywhere when it covers four fifths: 社保卡丢了 finds
 * what mentions 社保卡, not everything that says 社保.
 */
import type { SearchType } from '../../../common/contract'
import { indexTerms, queryTerms } from './text'

export interface SearchDoc {
  type: SearchType
  id: string
  title: string
  /** summary (policy, interpretation, course), answer (FAQ); empty for a video */
  lead: string
  /** policy sections, interpretation blocks, lesson titles, FAQ keywords */
  body: string
  /** whether a snippet may come from the body (not for FAQ keywords) */
  bodySnippet: boolean
  /** newest first among equal scores */
  publishedAt: string
  topic: string
  department?: string
  docNumber?: string
  validity?: 'valid' | 'revised' | 'repealed'
  cover?: string
  kind?: 'illustrated' | 'qa' | 'video'
  durationSec?: number
  lessonCount?: number
  /** FAQ: where it comes from */
  policyId?: string
  interpretationId?: string
}

export interface Scored {
  doc: SearchDoc
  score: number
}

const FIELD_WEIGHTS = [3, 1.5, 1] as const
const K1 = 1.2
/** the body's length normalisation (titles and leads are short enough to take as they are) */
const BODY_B = 0.5
const ASKING_WEIGHT = 0.2
const SINGLE_WEIGHT = 0.5
const UNKNOWN_WEIGHT = 0.3
export const MIN_COVERAGE = 0.5
const BODY_ONLY_COVERAGE = 0.8

interface Postings {
  docs: Int32Array
  weights: Float32Array
  /** 1 where the term is in the title or lead */
  lead: Uint8Array
}

export class SearchIndex {
  readonly docs: SearchDoc[]
  private readonly postings = new Map<string, Postings>()
  private readonly byKey = new Map<string, SearchDoc>()
  private readonly scores: Float64Array
  private readonly covered: Float64Array
  private readonly titled: Uint8Array

  constructor(docs: SearchDoc[]) {
    this.docs = docs
    this.scores = new Float64Array(docs.length)
    this.covered = new Float64Array(docs.length)
    this.titled = new Uint8Array(docs.length)
    const perDoc = docs.map((d) => [d.title, d.lead, d.body].map((text) => counts(indexTerms(text))))
    const avgBody = perDoc.reduce((sum, f) => sum + size(f[2]), 0) / Math.max(1, docs.length) || 1
    const lists = new Map<string, { docs: number[]; weights: number[]; lead: number[] }>()
    perDoc.forEach((fields, doc) => {
      const bodyNorm = 1 - BODY_B + (BODY_B * size(fields[2])) / avgBody
      const terms = new Set<string>()
      for (const f of fields) for (const t of f.keys()) terms.add(t)
      for (const term of terms) {
        const x =
          FIELD_WEIGHTS[0] * (fields[0].get(term) ?? 0) +
          FIELD_WEIGHTS[1] * (fields[1].get(term) ?? 0) +
          (FIELD_WEIGHTS[2] * (fields[2].get(term) ?? 0)) / bodyNorm
        let list = lists.get(term)
        if (!list) lists.set(term, (list = { docs: [], weights: [], lead: [] }))
        list.docs.push(doc)
        list.weights.push((x * (K1 + 1)) / (x + K1))
        list.lead.push(fields[0].has(term) || fields[1].has(term) ? 1 : 0)
      }
    })
    for (const [term, l] of lists)
      this.postings.set(term, { docs: Int32Array.from(l.docs), weights: Float32Array.from(l.weights), lead: Uint8Array.from(l.lead) })
    for (const d of docs) this.byKey.set(`${d.type}:${d.id}`, d)
  }

  get(type: SearchType, id: string): SearchDoc | undefined {
    return this.byKey.get(`${type}:${id}`)
  }

  private idf(n: number): number {
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5))
  }

  /**
   * The hits for a query, best first (then newest, then by id), with the subject terms that
   * occur in the corpus (what highlights mark).
   */
  search(q: string): { hits: Scored[]; terms: Set<string> } {
    const terms = queryTerms(q)
    const marked = new Set<string>()
    if (!terms.some((t) => t.content) || !this.docs.length) return { hits: [], terms: marked }
    const { scores, covered, titled } = this
    const touched: number[] = []
    let total = 0
    for (const t of terms) {
      const list = this.postings.get(t.term)
      const w = this.idf(list?.docs.length ?? 0) * (t.content ? 1 : ASKING_WEIGHT) * (t.single ? SINGLE_WEIGHT : 1)
      total += list ? w : w * UNKNOWN_WEIGHT
      if (!list) continue
      if (t.content) marked.add(t.term)
      const { docs, weights, lead } = list
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]
        if (covered[doc] === 0) touched.push(doc)
        scores[doc] += w * weights[i]
        covered[doc] += w
        // bit 1: a subject term in the title or lead; bit 2: one only in the body
        if (t.content) titled[doc] |= lead[i] ? 1 : 2
      }
    }
    const hits: Scored[] = []
    for (const doc of touched) {
      const coverage = covered[doc] / total
      const keep = titled[doc] & 1 ? coverage >= MIN_COVERAGE : titled[doc] === 2 && coverage >= BODY_ONLY_COVERAGE
      if (keep) hits.push({ doc: this.docs[doc], score: scores[doc] / (total * (K1 + 1)) })
      scores[doc] = 0
      covered[doc] = 0
      titled[doc] = 0
    }
    hits.sort(byRank)
    return { hits, terms: marked }
  }
}

export function byRank(a: Scored, b: Scored): number {
  return b.score - a.score || b.doc.publishedAt.localeCompare(a.doc.publishedAt) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0)
}

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1)
  return m
}

function size(m: Map<string, number>): number {
  let n = 0
  for (const c of m.values()) n += c
  return n
}
