import type {
  DeskAssignInput,
  DeskConsultationDetail,
  DeskFigures,
  DeskPage,
  DeskQuery,
  DeskResponder,
  DeskSettings,
  DeskTransferInput,
} from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'

const BASE = '/admin/consultations'

const queryOf = (q: DeskQuery): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries({ ...q, overdue: q.overdue ? 'true' : undefined }).map(([k, v]) => [k, v === undefined || v === '' ? undefined : String(v)]),
  )

export const deskApi = {
  list: (query: DeskQuery, signal?: AbortSignal) => api.get<DeskPage>(BASE, queryOf(query), signal),
  exportCsv: (query: DeskQuery, filename: string) => downloadFromApi(`${BASE}.csv`, queryOf({ ...query, page: undefined, pageSize: undefined }), filename),
  detail: (id: string, signal?: AbortSignal) => api.get<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal),
  responders: () => api.get<DeskResponder[]>(`${BASE}/responders`),
  figures: (signal?: AbortSignal) => api.get<DeskFigures>(`${BASE}/figures`, undefined, signal),
  settings: (org: string) => api.get<DeskSettings>(`${BASE}/settings/${org}`),
  assign: (id: string, input: DeskAssignInput) => api.post<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}/assign`, input),
  transfer: (id: string, input: DeskTransferInput) => api.post<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}/transfer`, input),
  /** the key is kept for the drawer's life: a retry after a lost answer replies once */
  reply: (id: string, text: string, idempotencyKey: string) =>
    api.post<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}/reply`, { text }, { idempotencyKey }),
  approve: (id: string) => api.post<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}/reply/approve`),
  returnReply: (id: string, reason: string) => api.post<DeskConsultationDetail>(`${BASE}/${encodeURIComponent(id)}/reply/return`, { reason }),
}
