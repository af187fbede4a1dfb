import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@common/contract'
import { ApiError } from './errors'
import { onRevalidated, trackReads } from './revalidation'

export interface RequestState<T> {
  data?: T
  error?: ApiError
  loading: boolean
  reload: () => Promise<void>
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('network', 0, 'network', '加载失败，请重试')
}

export interface RequestOptions<T> {
  /**
   * the answer already at hand when the hook mounts (H5: the one the server-drawn first screen came
   * with, `api.embedded(…)`): drawn by the first render, and not asked for again until `deps` change
   * or `reload`; undefined: the hook loads as usual
   */
  initial?: () => T | undefined
}

/** the initial answer, once per mount, with the deps it answers */
function useInitial<T>(initial: (() => T | undefined) | undefined, key: string): { value: T; key: string } | undefined {
  const [given] = useState(() => {
    const value = initial?.()
    return value === undefined ? undefined : { value, key }
  })
  return given
}

/** Runs `load` when `deps` change; keeps the last data while reloading (pull-to-refresh). */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[], options: RequestOptions<T> = {}): RequestState<T> {
  // which deps the current data/error answer: while they differ from the render's, it is loading
  const key = JSON.stringify(deps)
  const given = useInitial(options.initial, key)
  const [data, setData] = useState<T | undefined>(given?.value)
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(!given)
  const [settledKey, setSettledKey] = useState<string | undefined>(given?.key)
  // the first load is not needed when the answer was given
  const skipFirstLoad = useRef(Boolean(given))
  const seq = useRef(0)
  // the URLs the last load read: a newer answer for one of them (stale-while-revalidate) loads again
  const reads = useRef(new Set<string>())
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps is the caller's list for load (this hook's contract, as useEffect's)
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const tracked = trackReads(run)
      reads.current = tracked.urls
      const result = await tracked.result
      if (mine === seq.current) setData(result)
    } catch (e) {
      if (mine === seq.current) setError(asApiError(e))
    } finally {
      if (mine === seq.current) {
        setLoading(false)
        setSettledKey(key)
      }
    }
  }, [run, key])

  useEffect(() => {
    if (skipFirstLoad.current) skipFirstLoad.current = false
    else void reload()
  }, [reload])

  // quietly: the stale answer stays on screen until the fresh one replaces it
  useEffect(
    () =>
      onRevalidated((url) => {
        if (!reads.current.has(url)) return
        const mine = ++seq.current
        run().then(
          (result) => mine === seq.current && setData(result),
          () => undefined,
        )
      }),
    [run],
  )

  return { data, error, loading: loading || settledKey !== key, reload }
}

export interface PagedListState<T> {
  items: T[]
  total: number
  error?: ApiError
  loading: boolean
  hasMore: boolean
  /** first page again (pull-to-refresh, new filters) */
  refresh: () => Promise<void>
  /** next page (infinite scroll); no-op while loading or at the end */
  loadMore: () => Promise<void>
}

/**
 * Infinite scroll over a paginated endpoint; restarts when `deps` change. `initial`: the first page
 * already at hand (RequestOptions).
 */
export function usePagedList<T>(loadPage: (page: number) => Promise<Page<T>>, deps: unknown[], options: RequestOptions<Page<T>> = {}): PagedListState<T> {
  const key = JSON.stringify(deps)
  const given = useInitial(options.initial, key)
  const [items, setItems] = useState<T[]>(given?.value.items ?? [])
  const [total, setTotal] = useState(given?.value.total ?? 0)
  const [page, setPage] = useState(given ? 1 : 0)
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(!given)
  const [settledKey, setSettledKey] = useState<string | undefined>(given?.key)
  const skipFirstLoad = useRef(Boolean(given))
  const seq = useRef(0)
  const busy = useRef(false)
  const firstPageReads = useRef(new Set<string>())
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deps is the caller's list for loadPage (this hook's contract, as useEffect's)
  const load = useCallback(loadPage, deps)

  const fetchPage = useCallback(
    async (next: number) => {
      const mine = ++seq.current
      busy.current = true
      setLoading(true)
      setError(undefined)
      try {
        const tracked = trackReads(() => load(next))
        if (next === 1) firstPageReads.current = tracked.urls
        const result = await tracked.result
        if (mine !== seq.current) return
        setItems((prev) => (next === 1 ? result.items : [...prev, ...result.items]))
        setTotal(result.total)
        setPage(next)
      } catch (e) {
        if (mine === seq.current) setError(asApiError(e))
      } finally {
        if (mine === seq.current) {
          busy.current = false
          setLoading(false)
          setSettledKey(key)
        }
      }
    },
    [load, key],
  )

  useEffect(() => {
    if (skipFirstLoad.current) skipFirstLoad.current = false
    else void fetchPage(1)
  }, [fetchPage])

  // a newer first page (stale-while-revalidate) replaces the list while only that page is shown
  useEffect(
    () =>
      onRevalidated((url) => {
        if (firstPageReads.current.has(url) && page <= 1 && !busy.current) void fetchPage(1)
      }),
    [fetchPage, page],
  )

  const hasMore = page === 0 || items.length < total
  const refresh = useCallback(() => fetchPage(1), [fetchPage])
  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    await fetchPage(page + 1)
  }, [fetchPage, hasMore, page])

  return { items, total, error, loading: loading || settledKey !== key, hasMore, refresh, loadMore }
}
