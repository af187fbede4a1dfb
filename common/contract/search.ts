/**
 * 一站搜索: one query over policies, interpretations, FAQs, videos and courses (published only),
 * grouped by type, each hit with the ranges of its text that matched, and the 智能问答 answer on
 * top when the Q&A engine is confident. Highlights are offsets, never markup: the client cuts the
 * text at them and renders plain text spans.
 */
import type { Id, InterpretationKind, PolicyValidity, QaHit } from './entities'
import type { Page } from './paging'
import { QA_QUERY_MAX } from './rules'

export const SEARCH_TYPES = ['policy', 'interpretation', 'faq', 'video', 'course'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const searchTypeLabel: Readonly<Record<SearchType, string>> = {
  policy: '政策',
  interpretation: '解读',
  faq: '问答',
  video: '视频',
  course: '课程',
}

/** the longest query (the same as a question to 智能问答) */
export const SEARCH_QUERY_MAX = QA_QUERY_MAX
/** hits per group when several types are asked for (the 全部 overview); one type pages by PAGE_SIZE_DEFAULT */
export const SEARCH_PREVIEW_SIZE = 3

/** [start, end) in UTF-16 code units of the string it belongs to: `text.slice(start, end)` is the match */
export interface TextRange {
  start: number
  end: number
}

export interface SearchHit {
  type: SearchType
  id: Id
  /** policy and interpretation title, FAQ question, video or course title */
  title: string
  titleHighlights: TextRange[]
  /** an excerpt around the first match (「…」 where cut), else the start of the summary or answer; may be empty */
  snippet: string
  snippetHighlights: TextRange[]
  topic: string
  department?: string
  /** policy: 文号 and validity */
  docNumber?: string
  validity?: PolicyValidity
  publishedAt?: string
  /** interpretation cover, video poster, course cover */
  cover?: string
  kind?: InterpretationKind
  durationSec?: number
  lessonCount?: number
}

export interface SearchGroup extends Page<SearchHit> {
  type: SearchType
}

/** the FAQ 智能问答 is confident answers the query, with what it rests on (published only) */
export interface SearchAnswer {
  hit: QaHit
  questionHighlights: TextRange[]
  policy?: { id: Id; title: string; docNumber: string }
  interpretation?: { id: Id; title: string }
}

export interface SearchResult {
  /** the query as searched (trimmed) */
  q: string
  /** page 1 only, and only when FAQs are among the types; its FAQ is also the FAQ group's first hit */
  answer?: SearchAnswer
  /** one per type asked for, in SEARCH_TYPES order, also when empty */
  groups: SearchGroup[]
  /** hits over all groups */
  total: number
}

export interface SearchQuery {
  q?: string
  /** comma-separated SEARCH_TYPES; absent or empty: all */
  types?: string
  page?: number
  /** per group; default SEARCH_PREVIEW_SIZE for several types, PAGE_SIZE_DEFAULT for one */
  pageSize?: number
  /** a type-ahead request, not a search submitted (问答缺口 logs only submitted ones) */
  suggest?: boolean
}

declare module './endpoints' {
  interface Endpoints {
    'GET /search': { query: SearchQuery; res: SearchResult }
  }
}
