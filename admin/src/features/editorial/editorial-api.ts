import type {
  EditorialCheck,
  EditorialCreate,
  EditorialDrafts,
  EditorialItem,
  EditorialPublish,
  EditorialQuery,
  EditorialReject,
  EditorialSummary,
  EditorialTransition,
  EditorialType,
  EditorialVersion,
  OrgNode,
  Page,
  Topic,
  UploadResult,
} from '@common/contract'
import { EDITORIAL_PATHS, UPLOAD_FIELD } from '@common/contract'
import { api } from '../../api/client'

const base = (type: EditorialType) => `/admin/${EDITORIAL_PATHS[type]}`
const itemPath = (type: EditorialType, id: string) => `${base(type)}/${encodeURIComponent(id)}`

export type TransitionBody = EditorialTransition | EditorialReject | EditorialPublish

export const editorialApi = {
  list: (type: EditorialType, query: EditorialQuery, signal?: AbortSignal) => api.get<Page<EditorialSummary>>(base(type), { ...query }, signal),
  get: <T extends EditorialType>(type: T, id: string, signal?: AbortSignal) => api.get<EditorialItem<T>>(itemPath(type, id), undefined, signal),
  create: <T extends EditorialType>(type: T, body: EditorialCreate<T>) => api.post<EditorialItem<T>>(base(type), body),
  update: <T extends EditorialType>(type: T, id: string, revision: number, draft: EditorialDrafts[T]) =>
    api.put<EditorialItem<T>>(itemPath(type, id), { revision, draft }),
  versions: <T extends EditorialType>(type: T, id: string) => api.get<EditorialVersion<T>[]>(`${itemPath(type, id)}/versions`),
  check: (type: EditorialType, id: string) => api.post<EditorialCheck[]>(`${itemPath(type, id)}/check`),
  transition: <T extends EditorialType>(type: T, id: string, action: 'submit' | 'approve' | 'reject' | 'publish' | 'withdraw', body: TransitionBody) =>
    api.post<EditorialItem<T>>(`${itemPath(type, id)}/${action}`, body),
  reviewQueue: (query: EditorialQuery, signal?: AbortSignal) => api.get<Page<EditorialSummary>>('/admin/review-queue', { ...query }, signal),
  topics: () => api.get<Topic[]>('/topics'),
  orgs: () => api.get<OrgNode[]>('/admin/orgs'),
  upload: (file: File) => {
    const form = new FormData()
    form.append(UPLOAD_FIELD, file)
    return api.post<UploadResult>('/uploads', form)
  },
}
