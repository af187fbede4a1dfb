import type { EditorialSummary, Page, QaGap, QaGapActionResult, QaGapFaqInput, QaGapQuery, Topic } from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'

/** the console's calls of 问答缺口 (server/modules/qa-gaps) */
export const qaGapsApi = {
  list: (query: QaGapQuery, signal?: AbortSignal) => api.get<Page<QaGap>>('/admin/qa-gaps', { ...query }, signal),
  exportCsv: (query: Omit<QaGapQuery, 'page' | 'pageSize'>, filename: string) =>
    downloadFromApi('/admin/qa-gaps.csv', { status: query.status, q: query.q, from: query.from, to: query.to }, filename),
  /** one Idempotency-Key per dialog: a retried 确定 never makes a second FAQ */
  toFaq: (id: string, input: QaGapFaqInput, idempotencyKey: string) =>
    api.post<QaGapActionResult>(`/admin/qa-gaps/${encodeURIComponent(id)}/faq`, input, { idempotencyKey }),
  attach: (id: string, faqId: string, idempotencyKey: string) =>
    api.post<QaGapActionResult>(`/admin/qa-gaps/${encodeURIComponent(id)}/attach`, { faqId }, { idempotencyKey }),
  ignore: (id: string) => api.post<QaGapActionResult>(`/admin/qa-gaps/${encodeURIComponent(id)}/ignore`),
  searchFaqs: (q: string, signal?: AbortSignal) => api.get<Page<EditorialSummary>>('/admin/faqs', { q: q || undefined, pageSize: 20 }, signal),
  topics: () => api.get<Topic[]>('/topics'),
}
