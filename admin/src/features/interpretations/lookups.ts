import { useEffect, useRef, useState } from 'react'
import type { EditorialItem, EditorialSummary, Id, Page, Topic, Video } from '@common/contract'
import { PAGE_SIZE_MAX } from '@common/contract'
import { api } from '../../api/client'

export interface Choice {
  value: Id
  label: string
}

/** what a load answers, or [] while it loads or when it failed (a pick list is never the place for an error page) */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T[]>, deps: readonly unknown[]): { items: T[]; loading: boolean } {
  const [state, setState] = useState<{ items: T[]; loading: boolean }>({ items: [], loading: true })
  // the latest load, run again when what it depends on changes (deps, compared by value)
  const latest = useRef(load)
  latest.current = load
  const key = JSON.stringify(deps)
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true }))
    latest.current(controller.signal).then(
      (items) => !controller.signal.aborted && setState({ items, loading: false }),
      () => !controller.signal.aborted && setState({ items: [], loading: false }),
    )
    return () => controller.abort()
  }, [key])
  return state
}

export const loadTopics = (signal: AbortSignal) => api.get<Topic[]>('/topics', undefined, signal)
export const loadDepartments = (signal: AbortSignal) => api.get<string[]>('/departments', undefined, signal)
export const loadVideos = (signal: AbortSignal) => api.get<Page<Video>>('/videos', { pageSize: PAGE_SIZE_MAX }, signal).then((page) => page.items)

/** a policy as the picker shows it: its title and 文号 (when the list carries it) */
type PolicyListItem = EditorialSummary & { docNumber?: string }
export const policyLabel = (title: string, docNumber?: string) => (docNumber ? `${title}（${docNumber}）` : title)

export async function searchPolicies(q: string, signal: AbortSignal): Promise<Choice[]> {
  const page = await api.get<Page<PolicyListItem>>('/admin/policies', { q, pageSize: 20 }, signal)
  return page.items.map((p) => ({ value: p.id, label: policyLabel(p.title, p.docNumber) }))
}

export async function loadPolicyChoice(id: Id, signal: AbortSignal): Promise<Choice[]> {
  const item = await api.get<EditorialItem<'policy'>>(`/admin/policies/${encodeURIComponent(id)}`, undefined, signal)
  return [{ value: item.id, label: policyLabel(item.draft.title || item.title, item.draft.docNumber) }]
}

export async function searchFaqs(q: string, signal: AbortSignal): Promise<Choice[]> {
  const page = await api.get<Page<EditorialSummary>>('/admin/faqs', { q, pageSize: 20 }, signal)
  return page.items.map((f) => ({ value: f.id, label: f.title }))
}

/** the chosen FAQs' questions, for a draft opened with links already made */
export async function loadFaqChoices(ids: Id[], signal: AbortSignal): Promise<Choice[]> {
  const items = await Promise.all(
    ids.map((id) =>
      api.get<EditorialItem<'faq'>>(`/admin/faqs/${encodeURIComponent(id)}`, undefined, signal).then(
        (item) => ({ value: item.id, label: item.draft.question || item.title }),
        () => ({ value: id, label: `问答 ${id}` }),
      ),
    ),
  )
  return items
}
