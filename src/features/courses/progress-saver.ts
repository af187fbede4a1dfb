/**
 * Saves a lesson's playback position at most every `everyMs` while it plays, and at once on
 * pause, end or leaving the page; a failed save is kept — in `keep`, so across restarts too —
 * and sent with the next one.
 */
export interface PendingStore {
  load: () => number | undefined
  save: (positionSec: number | undefined) => void
}

export function createProgressSaver(save: (positionSec: number) => Promise<unknown>, everyMs = 10000, now = () => Date.now(), keep?: PendingStore) {
  let lastSent = Number.NEGATIVE_INFINITY
  let pending: number | undefined = keep?.load()
  // saves go one after another: a flush during a save sends the newest position right after it
  let queue: Promise<void> = Promise.resolve()

  async function send(): Promise<void> {
    if (pending === undefined) return
    const position = pending
    try {
      await save(position)
      if (pending === position) {
        pending = undefined
        keep?.save(undefined)
      }
      lastSent = now()
    } catch {
      // keep `pending`: the next tick or flush sends it again, even after a restart
      keep?.save(pending)
    }
  }

  function flush(): Promise<void> {
    queue = queue.then(send)
    return queue
  }

  return {
    /** on every time update */
    tick(positionSec: number): Promise<void> {
      pending = positionSec
      return now() - lastSent >= everyMs ? flush() : Promise.resolve()
    },
    /** on pause, end and page hide */
    flush(positionSec?: number): Promise<void> {
      if (positionSec !== undefined) pending = positionSec
      return flush()
    },
  }
}
