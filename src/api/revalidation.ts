/**
 * Stale-while-revalidate wiring between the client and the request hooks: while a hook's loader
 * starts, the client records which URLs it read from the cache (`trackReads`); when a background
 * refresh brings a different answer for one of them, the hook loads again (`onRevalidated`).
 */
type Listener = (url: string) => void

const listeners = new Set<Listener>()
let collecting: Set<string> | undefined

export function trackReads<T>(run: () => T): { result: T; urls: Set<string> } {
  const urls = new Set<string>()
  const outer = collecting
  collecting = urls
  try {
    return { result: run(), urls }
  } finally {
    collecting = outer
  }
}

/** called by the client for every GET it answers (from the cache or the network) */
export function noteRead(url: string): void {
  collecting?.add(url)
}

export function emitRevalidated(url: string): void {
  listeners.forEach((fn) => fn(url))
}

export function onRevalidated(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}
