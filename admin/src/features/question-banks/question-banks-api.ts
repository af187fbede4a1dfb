/** The console's calls of /admin/question-banks and /admin/campaigns (issue 15). */
import type {
  AdminCampaign,
  AdminCampaignInput,
  AdminCampaignQuery,
  BankImportResult,
  BankQuestion,
  BankQuestionInput,
  BankQuestionQuery,
  BankQuestionSaved,
  CampaignPreview,
  Page,
  QuestionBank,
  QuestionBankInput,
  QuestionBankQuery,
  QuestionBankSummary,
} from '@common/contract'
import { api, request } from '../../api/client'

type Query = Record<string, string | number | boolean | undefined>

export const bankApi = {
  list: (query: QuestionBankQuery, signal?: AbortSignal) => api.get<Page<QuestionBankSummary>>('/admin/question-banks', query as Query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<QuestionBank>(`/admin/question-banks/${encodeURIComponent(id)}`, undefined, signal),
  create: (input: QuestionBankInput, idempotencyKey: string) => api.post<QuestionBank>('/admin/question-banks', input, { idempotencyKey }),
  update: (id: string, input: { name: string; topic: string }) => api.put<QuestionBank>(`/admin/question-banks/${encodeURIComponent(id)}`, input),
  newVersion: (id: string, note: string) => api.post<QuestionBank>(`/admin/question-banks/${encodeURIComponent(id)}/versions`, { note }),
  questions: (id: string, query: BankQuestionQuery, signal?: AbortSignal) =>
    api.get<Page<BankQuestion>>(`/admin/question-banks/${encodeURIComponent(id)}/questions`, query as Query, signal),
  addQuestion: (id: string, input: BankQuestionInput, newVersion: boolean) =>
    request<BankQuestionSaved>('POST', `/admin/question-banks/${encodeURIComponent(id)}/questions`, { body: input, query: { newVersion } }),
  updateQuestion: (id: string, qid: string, input: BankQuestionInput, newVersion: boolean) =>
    request<BankQuestionSaved>('PUT', `/admin/question-banks/${encodeURIComponent(id)}/questions/${encodeURIComponent(qid)}`, {
      body: input,
      query: { newVersion },
    }),
  deleteQuestion: (id: string, qid: string, newVersion: boolean) =>
    request<BankQuestionSaved>('DELETE', `/admin/question-banks/${encodeURIComponent(id)}/questions/${encodeURIComponent(qid)}`, { query: { newVersion } }),
  import: (id: string, file: File, options: { dryRun: boolean; newVersion: boolean; idempotencyKey?: string }) => {
    const body = new FormData()
    body.append('file', file, file.name)
    return api.post<BankImportResult>(`/admin/question-banks/${encodeURIComponent(id)}/import`, body, {
      query: { dryRun: options.dryRun, newVersion: options.newVersion },
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    })
  },
}

export const campaignApi = {
  list: (query: AdminCampaignQuery, signal?: AbortSignal) => api.get<Page<AdminCampaign>>('/admin/campaigns', query as Query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<AdminCampaign>(`/admin/campaigns/${encodeURIComponent(id)}`, undefined, signal),
  create: (input: AdminCampaignInput, idempotencyKey: string) => api.post<AdminCampaign>('/admin/campaigns', input, { idempotencyKey }),
  update: (id: string, input: Partial<AdminCampaignInput>) => api.put<AdminCampaign>(`/admin/campaigns/${encodeURIComponent(id)}`, input),
  preview: (id: string, signal?: AbortSignal) => api.get<CampaignPreview>(`/admin/campaigns/${encodeURIComponent(id)}/preview`, undefined, signal),
}
