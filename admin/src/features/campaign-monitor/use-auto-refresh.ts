import { useEffect } from 'react'

/** the monitor re-reads every 30 s while the campaign runs */
export const REFRESH_MS = 30_000

/** calls `refresh` every `ms` while `active`; `timers` injectable for tests */
export function useAutoRefresh(
  active: boolean,
  refresh: () => void,
  ms = REFRESH_MS,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): void {
  useEffect(() => {
    if (!active) return
    const id = timers.setInterval(refresh, ms)
    return () => timers.clearInterval(id)
  }, [active, refresh, ms, timers])
}
