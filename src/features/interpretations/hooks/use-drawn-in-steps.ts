import { useEffect, useState } from 'react'

/** what each later step adds: a few blocks (a chart, a table, a FAQ), short enough not to hold up a tap on a slow phone */
const STEP = 3

/** `task` once the browser has painted and is idle (at the latest after 300 ms); returns its cancel */
function whenPainted(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 300 })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 16)
  return () => clearTimeout(timer)
}

/**
 * How many of `total` items to draw: `first` in the first render, then STEP more each time the
 * browser has painted and is idle, until all are drawn. For a page handing over from its
 * server-drawn first screen: it draws what that screen showed at once, so it answers taps sooner,
 * and what is below the fold just after.
 */
export function useDrawnInSteps(total: number, first: number): number {
  const [drawn, setDrawn] = useState(first)
  useEffect(() => {
    if (drawn >= total) return
    return whenPainted(() => setDrawn((n) => n + STEP))
  }, [drawn, total])
  return Math.min(drawn, total)
}
