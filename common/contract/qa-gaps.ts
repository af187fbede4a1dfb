/**
 * 问答缺口: questions 智能问答 could not answer confidently, grouped by similarity, and what an
 * editor does with a group (GET /admin/qa-gaps, POST /admin/qa-gaps/:id/{faq,attach,ignore}).
 */
import type { EditorialStatus } from './admin'
import type { Id, Org } from './entities'
import type { PageQuery } from './paging'

export type QaGapStatus = 'open' | 'faq' | 'attached' | 'ignored'
export const QA_GAP_STATUSES: readonly QaGapStatus[] = ['open', 'faq', 'attached', 'ignored']
export const QA_GAP_STATUS_LABELS: Readonly<Record<QaGapStatus, string>> = {
  open: '待处理',
  faq: '已转为问答',
  attached: '已并入问答',
  ignored: '已忽略',
}

/** the sample wordings a group keeps (the count goes on beyond them) */
export const QA_GAP_SAMPLES_MAX = 10

/** where a gap's question was asked: 智能问答 (GET /qa/search) or 一站搜索 (GET /search) */
export type QaGapSource = 'qa' | 'search'

export interface QaGapSample {
  /** masked: mobile and ID-card numbers and names are starred before storage */
  wording: string
  count: number
}

export interface QaGap {
  id: Id
  /** the county its questions name, 台州市 when none */
  org: Org
  status: QaGapStatus
  /** the most asked wording (masked) */
  wording: string
  count: number
  /** how many of `count` were searches typed in 一站搜索 (the rest were asked in 智能问答) */
  searchCount: number
  firstSeen: string
  lastSeen: string
  samples: QaGapSample[]
  /** the FAQ (editorial item) it became or was added to */
  faq?: { id: Id; title: string; status: EditorialStatus; live: boolean }
  handledBy?: { id: Id; name: string }
  handledAt?: string
}

export interface QaGapQuery extends PageQuery {
  status?: QaGapStatus
  q?: string
  /** YYYY-MM-DD, by last seen, inclusive */
  from?: string
  to?: string
}

/** POST /admin/qa-gaps/:id/faq: a new FAQ draft, its question the group's wording unless given */
export interface QaGapFaqInput {
  question?: string
  answer?: string
  topic?: string
  keywords?: string[]
}

/** POST /admin/qa-gaps/:id/attach: the group's wordings become 相似问法 of this FAQ's next version (≤ 10, each ≤ 60 characters) */
export interface QaGapAttachInput {
  faqId: Id
}

export interface QaGapActionResult {
  gap: QaGap
  /** the editorial item made or changed (not for 忽略): it goes through 送审 → 审核 → 发布 */
  itemId?: Id
}
