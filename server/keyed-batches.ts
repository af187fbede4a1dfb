/**
 * Work sent in batches per key, one send in flight per key: what is added in one turn of the event
 * loop goes in one send, and what is added while the key's send is in flight goes in the next, right
 * after it. Each `add` settles with the send that carried its item (resolves, or rejects with that
 * send's failure). A burst on one key then costs one send per round trip instead of one per item.
 * Used by the quiz's board puts (RedisBoards: one Redis script call per campaign) and 问答缺口's
 * counts (GapWrites: one transaction per question).
 */
interface Batch<T> {
  items: T[]
  settled: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

export class KeyedBatches<T> {
  private readonly waiting = new Map<string, Batch<T>>()
  /** the sends in flight, by key: settle once answered */
  private readonly sending = new Map<string, Promise<void>>()

  /** `send` gets a key's items, in the order they were added */
  constructor(private readonly send: (key: string, items: T[]) => Promise<unknown>) {}

  add(key: string, item: T): Promise<void> {
    let batch = this.waiting.get(key)
    if (!batch) {
      let resolve!: () => void
      let reject!: (error: unknown) => void
      const settled = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
      batch = { items: [], settled, resolve, reject }
      this.waiting.set(key, batch)
      if (!this.sending.has(key)) setImmediate(() => void this.sendWaiting(key))
    }
    batch.items.push(item)
    return batch.settled
  }

  /** settles once every item added so far has been sent (whatever the outcome) */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.sending.values(), ...[...this.waiting.values()].map((b) => b.settled)])
  }

  /** sends what waits for this key in one, then whatever arrived meanwhile */
  private async sendWaiting(key: string): Promise<void> {
    const batch = this.waiting.get(key)
    if (!batch || this.sending.has(key)) return
    this.waiting.delete(key)
    this.sending.set(
      key,
      batch.settled.catch(() => {}),
    )
    try {
      await this.send(key, batch.items)
      batch.resolve()
    } catch (error) {
      batch.reject(error)
    } finally {
      this.sending.delete(key)
    }
    if (this.waiting.has(key)) void this.sendWaiting(key)
  }
}
