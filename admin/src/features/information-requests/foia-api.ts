import type {
  FoiaAction,
  FoiaApplicationInput,
  FoiaReplyType,
  FoiaStatus,
  FoiaYearReport,
  InformationRequestDetail,
  InformationRequestPage,
} from '@common/contract'
import { api } from '../../api/client'
import { downloadFromApi } from '../../components/download'

const BASE = '/admin/information-requests'

export interface BoardQuery {
  status?: FoiaStatus
  overdue?: boolean
  dueThisWeek?: boolean
  extended?: boolean
  org?: string
  q?: string
  page?: number
  pageSize?: number
}

export interface ActionBody {
  note?: string
  approver?: string
  reply?: { type: FoiaReplyType; ground?: string; holder?: string; text: string; pages?: number }
}

const queryOf = (q: BoardQuery): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v === undefined || v === '' || v === false ? undefined : String(v)]))

const path = (id: string) => `${BASE}/${encodeURIComponent(id)}`

export const foiaApi = {
  list: (query: BoardQuery, signal?: AbortSignal) => api.get<InformationRequestPage>(BASE, queryOf(query), signal),
  exportCsv: (query: BoardQuery, filename: string) => downloadFromApi(`${BASE}.csv`, queryOf({ ...query, page: undefined, pageSize: undefined }), filename),
  detail: (id: string, signal?: AbortSignal) => api.get<InformationRequestDetail>(path(id), undefined, signal),
  /** the key is kept for the form's life: a retry after a lost answer registers once */
  register: (input: FoiaApplicationInput & { channel: 'paper' | 'letter'; receivedOn?: string }, idempotencyKey: string) =>
    api.post<InformationRequestDetail>(BASE, input, { idempotencyKey }),
  step: (id: string, action: FoiaAction, body: ActionBody, idempotencyKey: string) =>
    api.post<InformationRequestDetail>(`${path(id)}/${action}`, body, { idempotencyKey }),
  disclose: (id: string) => api.post<InformationRequestDetail>(`${path(id)}/disclose`),
  pdf: (id: string, number: string) => downloadFromApi(`${path(id)}/reply.pdf`, {}, `答复书-${number}.pdf`),
  report: (year: number, org: string | undefined, signal?: AbortSignal) => api.get<FoiaYearReport>(`${BASE}/report`, { year: String(year), org }, signal),
  reportCsv: (year: number, org: string | undefined, filename: string) => downloadFromApi(`${BASE}/report.csv`, { year: String(year), org }, filename),
}
