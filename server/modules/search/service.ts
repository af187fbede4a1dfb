/**
 * 一站搜索: the query over the index (search-index.ts) grouped by type and paged per group, FAQs
 * ranked by the 智能问答 engine first (its synonyms and rules know what residents mean) and then
 * the other FAQs that contain the words, and the engine's confident answer on top with the policy
 * and interpretation it rests on (its FAQ stays first in the FAQ group, so counts and tabs agree).
 */
import { PAGE_SIZE_DEFAULT, SEARCH_PREVIEW_SIZE, SEARCH_TYPES } from '../../../common/contract'
import type { QaHit, SearchAnswer, SearchGroup, SearchHit, SearchResult, SearchType } from '../../../common/contract'
import type { FaqRanking } from './qa-answer'
import type { Scored, SearchDoc, SearchIndex } from './search-index'
import { matchRanges, snippetAround, snippetStart, withPhrases } from './text'

/** how many FAQs the engine ranks for the FAQ group (the rest follow by the words they contain) */
export const FAQ_RANKED = 20
/** an engine hit the words do not find is kept when the engine is confident and it scores this share of the best */
const RANKED_SHARE = 0.5

export interface SearchRequest {
  q: string
  types: SearchType[]
  page: number
  pageSize?: number
}

/** `types` of the query string: comma-separated, in SEARCH_TYPES order, all when empty */
export function parseTypes(raw: string | undefined): SearchType[] {
  const asked = new Set((raw ?? '').split(',').filter(Boolean))
  return asked.size ? SEARCH_TYPES.filter((t) => asked.has(t)) : [...SEARCH_TYPES]
}

export async function runSearch(index: SearchIndex, rankFaqs: (q: string, limit: number) => Promise<FaqRanking>, req: SearchRequest): Promise<SearchResult> {
  const pageSize = req.pageSize ?? (req.types.length > 1 ? SEARCH_PREVIEW_SIZE : PAGE_SIZE_DEFAULT)
  const empty = (type: SearchType): SearchGroup => ({ type, items: [], total: 0, page: req.page, pageSize })
  if (!req.q) return { q: '', groups: req.types.map(empty), total: 0 }

  const { hits, terms } = index.search(req.q)
  const byType = new Map<SearchType, Scored[]>(SEARCH_TYPES.map((t) => [t, []]))
  for (const h of hits) byType.get(h.doc.type)?.push(h)

  let answer: SearchAnswer | undefined
  const engineMatched = new Map<string, string[]>()
  if (req.types.includes('faq')) {
    const ranking = await rankFaqs(req.q, FAQ_RANKED)
    const top = ranking.confident ? ranking.hits[0] : undefined
    if (top) answer = answerOf(index, top)
    const ranked: Scored[] = []
    const seen = new Set<string>()
    const worded = new Set((byType.get('faq') ?? []).map((h) => h.doc.id))
    const best = ranking.hits[0]?.score ?? 0
    for (const h of ranking.hits) {
      const doc = index.get('faq', h.faq.id)
      if (!doc || seen.has(doc.id)) continue
      // the engine's order, for the FAQs that contain the words or that it ranks close to an answer it is sure of
      if (!worded.has(doc.id) && !(ranking.confident && h.score >= RANKED_SHARE * best)) continue
      seen.add(doc.id)
      engineMatched.set(doc.id, h.matched)
      ranked.push({ doc, score: h.score })
    }
    for (const h of byType.get('faq') ?? []) if (!seen.has(h.doc.id)) ranked.push(h)
    byType.set('faq', ranked)
  }

  const groups = req.types.map((type): SearchGroup => {
    const list = byType.get(type) ?? []
    const from = (req.page - 1) * pageSize
    const items = list.slice(from, from + pageSize).map((h) => hitOf(h.doc, terms, engineMatched.get(h.doc.id)))
    return { type, items, total: list.length, page: req.page, pageSize }
  })
  return {
    q: req.q,
    ...(answer && req.page === 1 ? { answer } : {}),
    groups,
    total: groups.reduce((sum, g) => sum + g.total, 0),
  }
}

function answerOf(index: SearchIndex, hit: QaHit): SearchAnswer {
  const policy = hit.faq.policyId ? index.get('policy', hit.faq.policyId) : undefined
  const interpretation = hit.faq.interpretationId ? index.get('interpretation', hit.faq.interpretationId) : undefined
  return {
    hit,
    questionHighlights: withPhrases(hit.faq.question, [], hit.matched),
    // only what is published: a withdrawn policy is not cited
    ...(policy ? { policy: { id: policy.id, title: policy.title, docNumber: policy.docNumber ?? '' } } : {}),
    ...(interpretation ? { interpretation: { id: interpretation.id, title: interpretation.title } } : {}),
  }
}

function hitOf(doc: SearchDoc, terms: ReadonlySet<string>, engineMatched?: readonly string[]): SearchHit {
  const snippet = snippetAround(doc.lead, terms) ?? (doc.bodySnippet ? snippetAround(doc.body, terms) : undefined) ?? snippetStart(doc.lead, terms)
  return {
    type: doc.type,
    id: doc.id,
    title: doc.title,
    titleHighlights: withPhrases(doc.title, matchRanges(doc.title, terms), engineMatched ?? []),
    snippet: snippet.text,
    snippetHighlights: snippet.highlights,
    topic: doc.topic,
    ...(doc.department !== undefined ? { department: doc.department } : {}),
    ...(doc.docNumber !== undefined ? { docNumber: doc.docNumber } : {}),
    ...(doc.validity !== undefined ? { validity: doc.validity } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    ...(doc.cover !== undefined ? { cover: doc.cover } : {}),
    ...(doc.kind !== undefined ? { kind: doc.kind } : {}),
    ...(doc.durationSec !== undefined ? { durationSec: doc.durationSec } : {}),
    ...(doc.lessonCount !== undefined ? { lessonCount: doc.lessonCount } : {}),
  }
}
