/**
 * 定时发布: every SCHEDULE_INTERVAL_MS (and once at start) the items whose publication time has
 * come are published, each in its own transaction. The update is guarded by `status = 'scheduled'`
 * and the revision, so of two instances (or a withdraw in between) exactly one publishes; the
 * audit entry's actor is the system.
 */
// Node's timers, also under jsdom (the component tests run the server there), where a timer has no unref
import { clearInterval, setInterval } from 'node:timers'
import type { FastifyBaseLogger } from 'fastify'
import type { EditorialDrafts, EditorialType } from '../../../common/contract'
import type { Store } from '../../store/store'
import { type AuditActor, AuditRepository } from '../audit/repository'
import { PUBLIC_PATHS, publishDraft } from './publish'

export const SCHEDULE_INTERVAL_MS = 15_000
export const SCHEDULER_ACTOR: AuditActor = { id: 'system', name: '定时发布', role: 'system' }

export interface SchedulerHost {
  store: Store
  log: FastifyBaseLogger
  /** the API instance's micro-cache invalidation (response-cache.ts) */
  invalidateMemo(paths: readonly string[]): void
  /** 政策找人 (policy-match/matcher.ts): matches what was published with a rule */
  policyMatcher?: { kick(): Promise<void> }
}

/** publishes every scheduled item that is due; returns the ids it published */
export async function publishDue(host: SchedulerHost): Promise<string[]> {
  const { store } = host
  const db = store.database.kysely
  const now = store.now()
  const at = now.toISOString()
  const due = await db
    .selectFrom('editorial_items')
    .select(['id', 'type', 'version', 'revision', 'first_published_at'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', at)
    .orderBy('scheduled_at')
    .execute()
  const audit = new AuditRepository(store.database, store.now)
  const published: string[] = []
  const types = new Set<EditorialType>()
  for (const item of due) {
    const type = item.type as EditorialType
    try {
      const done = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('editorial_items')
          .set({
            status: 'published',
            published_version: item.version,
            published_at: at,
            first_published_at: item.first_published_at ?? at,
            scheduled_at: null,
            withdrawn_at: null,
            updated_at: at,
            revision: item.revision + 1,
          })
          .where('id', '=', item.id)
          .where('status', '=', 'scheduled')
          .where('revision', '=', item.revision)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) return false
        const version = await trx
          .selectFrom('editorial_versions')
          .select('draft')
          .where('item_id', '=', item.id)
          .where('version', '=', item.version)
          .executeTakeFirstOrThrow()
        await publishDraft(trx, type, item.id, JSON.parse(version.draft) as EditorialDrafts[typeof type], now)
        await audit.record(
          {
            actor: SCHEDULER_ACTOR,
            action: 'editorial.publish',
            targetType: type,
            targetId: item.id,
            detail: { version: item.version, from: 'scheduled', to: 'published', scheduled: true },
          },
          trx,
        )
        return true
      })
      if (done) {
        published.push(item.id)
        types.add(type)
      }
    } catch (err) {
      host.log.error({ err, itemId: item.id }, '定时发布失败')
    }
  }
  if (types.has('policy')) void host.policyMatcher?.kick()
  if (types.size) {
    // the Q&A index follows the dropped paths (qa/routes.ts)
    host.invalidateMemo([...new Set([...types].flatMap((t) => PUBLIC_PATHS[t]))])
  }
  return published
}

/** the timer; attached to the API instance once it exists, started when the app is ready */
export class EditorialScheduler {
  private host?: SchedulerHost
  private timer?: NodeJS.Timeout
  private running?: Promise<unknown>

  attach(host: SchedulerHost): void {
    this.host = host
  }

  /** one pass now (tests call it with an injected clock) */
  publishDue(): Promise<string[]> {
    if (!this.host) return Promise.resolve([])
    return publishDue(this.host)
  }

  start(intervalMs = SCHEDULE_INTERVAL_MS): void {
    if (this.timer || !this.host) return
    const tick = () => {
      // one pass at a time: a slow database never stacks passes
      if (this.running) return
      this.running = this.publishDue()
        .catch((err: unknown) => this.host?.log.error({ err }, '定时发布失败'))
        .finally(() => (this.running = undefined))
    }
    tick()
    this.timer = setInterval(tick, intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }
}
