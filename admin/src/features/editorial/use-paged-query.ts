import { useCallback, useEffect, useRef, useState } from 'react'
import type { EditorialQuery, EditorialSummary, Page } from '@common/contract'
import { ApiRequestError } from '../../api/client'

export interface PagedState {
  page?: Page<EditorialSummary>
  loading: boolean
  error?: string
  reload: () => void
}

/** loads a page of items for a query; a newer query cancels the older request */
export function usePagedQuery(
  load: (query: EditorialQuery, signal: AbortSignal) => Promise<Page<EditorialSummary>>,
  query: EditorialQuery,
  key: string,
): PagedState {
  const [state, setState] = useState<Omit<PagedState, 'reload'>>({ loading: true })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((r) => r + 1), [])
  // `key` is the query serialised: a new object with the same values loads nothing again
  const latest = useRef({ load, query })
  latest.current = { load, query }
  useEffect(() => {
    const { load, query } = latest.current
    const controller = new AbortController()
    setState((s) => ({ page: s.page, loading: true }))
    load(query, controller.signal)
      .then((page) => setState({ page, loading: false }))
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return
        setState({ loading: false, error: e instanceof ApiRequestError ? e.message : '加载失败' })
      })
    return () => controller.abort()
  }, [key, round])
  return { ...state, reload }
}
