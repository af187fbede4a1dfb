import { useCallback, useEffect, useState } from 'react'

export interface RequestState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

/**
 * Runs `load` now and whenever it changes (make it with useCallback over the query it reads);
 * an answer to an older query is dropped.
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const [round, setRound] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ data: s.data, loading: true }))
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false })
      },
    )
    return () => controller.abort()
  }, [load, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
