import { useEffect, useState } from 'react'
import { api, outbox } from './index'
import { useNetworkStore, watchNetwork } from './network'
import type { OutboxEntry } from './outbox'
import { useSessionStore } from './session-store'

/** the outbox's entries, live: the signed-in user's own, and how many belong to someone else */
export function useOutbox(): { mine: OutboxEntry[]; others: number } {
  const [entries, setEntries] = useState(() => outbox.entries())
  const userId = useSessionStore((s) => s.user?.id)
  useEffect(() => {
    setEntries(outbox.entries())
    return outbox.onChange(setEntries)
  }, [])
  const mine = entries.filter((e) => e.userId === userId)
  return { mine, others: entries.length - mine.length }
}

const RETRY_MS = 15000

/**
 * Once for the app: sends what waits in the outbox at launch, when the network comes back, and
 * every 15 s while something waits; while the server is unreachable and nothing waits, asks
 * /health every 15 s so the offline banner goes as soon as it is back.
 */
export function useOutboxSync(): void {
  const reachable = useNetworkStore((s) => s.reachable)
  const online = useNetworkStore((s) => s.online)
  const [waiting, setWaiting] = useState(() => outbox.entries().some((e) => e.state === 'pending'))

  useEffect(() => {
    void outbox.flush()
    const stopWatch = watchNetwork(() => void outbox.flush())
    const stopChange = outbox.onChange((list) => setWaiting(list.some((e) => e.state === 'pending')))
    return () => {
      stopWatch()
      stopChange()
    }
  }, [])

  useEffect(() => {
    if (!online || (!waiting && reachable)) return
    // the server was away: ask whether it is back (the banner goes when it answers), then send
    const timer = setInterval(() => {
      if (waiting) void outbox.flush()
      else void api.call('GET /health', { cache: 'network' }).catch(() => undefined)
    }, RETRY_MS)
    return () => clearInterval(timer)
  }, [waiting, online, reachable])
}
