/**
 * Read counts of published items (content_views), for the dashboard's 最常阅读. A read of
 * GET /interpretations/:id, /policies/:id or /faqs/:id (200, or 304: a read is a read) counts even
 * when the response micro-cache answers it, since the count is taken in the route's onResponse.
 * Counts gather in memory and go to the database every few seconds and on close as one UPSERT a
 * item (views = views + n), so a read costs no write. A failed flush keeps its counts for the next.
 */
// Node's timers, also under jsdom (the component tests run the server there), where a timer has no unref
import { clearInterval, setInterval } from 'node:timers'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../../db/database'

export type ViewedType = 'policy' | 'interpretation' | 'faq'

export const VIEW_FLUSH_MS = 5_000
/** distinct items held between flushes at most; beyond it a flush is started at once */
const PENDING_MAX = 10_000

export class ViewCounter {
  private pending = new Map<string, { type: ViewedType; id: string; n: number }>()
  private flushing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Pick<Db, 'kysely'>,
    private readonly onError: (err: unknown) => void,
  ) {}

  count(type: ViewedType, id: string): void {
    const key = `${type}\u0000${id}`
    const entry = this.pending.get(key)
    if (entry) entry.n += 1
    else this.pending.set(key, { type, id, n: 1 })
    if (this.pending.size >= PENDING_MAX) void this.flush()
  }

  /** writes the counts gathered so far; flushes never overlap */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write())
    return this.flushing
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = [...this.pending.values()]
    this.pending = new Map()
    try {
      for (let i = 0; i < batch.length; i += 1000) {
        await this.db.kysely
          .insertInto('content_views')
          .values(batch.slice(i, i + 1000).map((e) => ({ type: e.type, id: e.id, views: e.n })))
          .onConflict((oc) => oc.columns(['type', 'id']).doUpdateSet({ views: sql`content_views.views + excluded.views` }))
          .execute()
      }
    } catch (err) {
      for (const e of batch) {
        const key = `${e.type}\u0000${e.id}`
        const entry = this.pending.get(key)
        if (entry) entry.n += e.n
        else this.pending.set(key, e)
      }
      this.onError(err)
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    viewCounter: ViewCounter
  }
}

const live = new Set<ViewCounter>()
/** each running server's counter by its store: for reads answered outside the API's routes */
const byStore = new WeakMap<object, ViewCounter>()

/**
 * counts a read the API did not answer: a page whose HTML carried the item (首屏直出) never asks
 * GET /policies/:id or /interpretations/:id for it
 */
export function countView(store: object, type: ViewedType, id: string): void {
  byStore.get(store)?.count(type, id)
}

/** writes every running server's gathered counts now (tests; the dashboard flushes its own) */
export async function flushViews(): Promise<void> {
  await Promise.all([...live].map((c) => c.flush()))
}

/** on the API's instance, before the content routes: the counter, its timer and the flush on close */
export function setupViewCounter(api: FastifyInstance): void {
  const counter = new ViewCounter(api.store.database, (err) => api.log.warn({ err }, '阅读量未能写入，将在下次重试'))
  api.decorate('viewCounter', counter)
  live.add(counter)
  byStore.set(api.store, counter)
  const timer = setInterval(() => void counter.flush(), VIEW_FLUSH_MS)
  timer.unref()
  api.addHook('onClose', async () => {
    clearInterval(timer)
    live.delete(counter)
    byStore.delete(api.store)
    await counter.flush()
  })
}

/** a route's onResponse that counts a read of the item in `params.id` */
export function countRead(api: FastifyInstance, type: ViewedType) {
  return async function countView(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.method !== 'GET' || (reply.statusCode !== 200 && reply.statusCode !== 304)) return
    const id = (request.params as { id?: unknown }).id
    if (typeof id === 'string') api.viewCounter.count(type, id)
  }
}
