/**
 * The quiz's boards served from Redis when the app has it (REDIS_URL): the person board (top N, the
 * caller's rank, participants) and the regional totals are read from the sorted sets of
 * server/redis/leaderboard.ts once a campaign's board is ready, and from the database otherwise
 * (not yet synced, or Redis not answering). The database stays the source of truth:
 * - a submit that changed a standing puts it here after its transaction committed (never inside:
 *   a rolled-back submit must not reach the board, and the transaction must not wait on Redis);
 * - on start every campaign's board is merged from the database's standings, in the background,
 *   one instance at a time (the sync's lock), which heals a put lost to a crash after the commit;
 * - a read that finds a board not ready (never synced, or Redis emptied) starts that sync and is
 *   answered from the database meanwhile.
 * A put that fails (Redis down) is logged and the submit still succeeds; the board then lags that
 * standing until the next start's sync.
 *
 * Names are not kept in Redis: a nickname or the 匿名 setting changes at any time, so the top N's
 * are read from the database by primary key (N rows), and a user no longer there (merged into
 * another account) is left out, as the database's board leaves them out.
 *
 * The top with its names is the same for every caller, so each instance keeps it per campaign
 * with the version Redis gave it (server/redis/leaderboard.ts: moved by every write that changes
 * the first TOP_TRACKED, whichever instance made it) and a board request asks Redis, in its one
 * round trip, only for the caller's rank and the participants while that version is current: the
 * standings shown are never older than Redis's, on any instance; the names at most
 * TOP_NAMES_MAX_AGE_MS.
 */
import type { FastifyBaseLogger } from 'fastify'
import { KeyedBatches } from '../../keyed-batches'
import { type BoardRead, type Leaderboards, TOP_TRACKED } from '../../redis/leaderboard'
import type { Store } from '../../store/store'
import type { BoardEntry } from './repository'
import type { ScoreCounts } from './standing'
import type { RegionTotal, Standing } from './types'

/** what the service's person board needs, from either source */
export interface PersonBoardRead {
  top: Pick<BoardEntry, 'userId' | 'score' | 'timeUsedMs' | 'finishedAt' | 'countyCode' | 'townshipCode' | 'nickname' | 'hideName'>[]
  mine?: Pick<Standing, 'score' | 'timeUsedMs' | 'finishedAt' | 'countyCode' | 'townshipCode'> & { ahead: number }
  total: number
}

/** standings read from the database per page of the sync */
export const SYNC_PAGE = 5_000
/**
 * After a sync here that did not make the board ready (another instance held the lock, or it
 * failed), a read that finds the board not ready starts the next one no sooner than this
 */
export const RESYNC_AFTER_MS = 1_000

/**
 * How long a kept top's names (nickname, 匿名) are used before they are read again: a name or the
 * 匿名 setting changed shows on the board within this (the standings themselves are never older
 * than Redis's version of them)
 */
export const TOP_NAMES_MAX_AGE_MS = 1_000
/** kept tops (campaign × limit) at most */
const MAX_KEPT_TOPS = 100

interface KeptTop {
  version: string
  /** when its names were read */
  at: number
  top: PersonBoardRead['top']
}

class SyncStopped extends Error {}

export class RedisBoards {
  private readonly syncing = new Map<string, Promise<void>>()
  /** when a sync here last ended without making the board ready, per campaign */
  private readonly lastMissed = new Map<string, number>()
  private closed = false
  /** the top of each campaign's person board (with its names) at a version of Redis's board */
  private readonly tops = new Map<string, KeptTop>()
  /** the board puts, by campaign and rule (a failed put is logged here, its submits still answered) */
  private readonly puts = new KeyedBatches<{ rule: ScoreCounts; standing: Standing }>((_key, recorded) => this.put(recorded))

  constructor(
    private readonly store: Store,
    private readonly boards: Leaderboards,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * After the submit's transaction committed a changed standing: resolves once Redis has answered
   * the put that carried it (a submit is answered with its standing on the board, on every instance).
   * Standings recorded together go in one put: those of one turn of the event loop (concurrent
   * submits whose commits were answered together), and those that arrived while the campaign's
   * previous put was in flight, so a put is one script call and one round trip for all of them
   * instead of one each. The script applies the campaign's rule per standing, in any order.
   */
  recorded(rule: ScoreCounts, standing: Standing): Promise<void> {
    return this.puts.add(`${standing.campaignId}\n${rule}`, { rule, standing })
  }

  /** one campaign and rule's standings in one put */
  private async put(recorded: readonly { rule: ScoreCounts; standing: Standing }[]): Promise<void> {
    const { rule, standing } = recorded[0]
    try {
      await this.boards.put(
        standing.campaignId,
        rule,
        recorded.map((r) => r.standing),
      )
    } catch (err) {
      this.log.warn({ err, campaignId: standing.campaignId, standings: recorded.length }, '排行榜写入 Redis 失败：数据库已记录，下次同步时补上')
    }
  }

  /**
   * After two accounts merged (identity's bindMobile committed): in every campaign the account
   * merged away leaves the board, and the kept account's standing, as the database now holds it
   * (its own, or the one moved over from the other), is put. A failure is logged: the boards then
   * lag until the next start's sync, as after a lost put.
   */
  async merged(fromId: string, intoId: string): Promise<void> {
    try {
      for (const c of await this.store.quiz.listCampaigns()) {
        await this.boards.remove(c.id, fromId)
        const kept = await this.store.quiz.getStanding(c.id, intoId)
        const campaign = kept && (await this.store.quiz.getCampaign(c.id))
        if (kept && campaign) await this.boards.put(c.id, campaign.rules.scoreCounts, [kept])
      }
    } catch (err) {
      this.log.warn({ err, fromId, intoId }, '账号合并后更新 Redis 排行榜失败：下次同步时补上')
    }
  }

  /**
   * The person board from Redis, or undefined: read the database. The top with its names is the
   * same for everyone: it is kept here per campaign and limit with the version Redis gave it, and
   * a read asks Redis only for the caller's rank and the participants while that version is
   * current (a write that changed the first TOP_TRACKED moves it, on whichever instance it ran) and
   * the names are younger than TOP_NAMES_MAX_AGE_MS.
   */
  async personBoard(campaignId: string, limit: number, userId?: string): Promise<PersonBoardRead | undefined> {
    const key = `${campaignId}\n${limit}`
    const kept = this.tops.get(key)
    const fresh = kept && this.now() - kept.at < TOP_NAMES_MAX_AGE_MS ? kept : undefined
    let read: BoardRead | undefined
    try {
      read = await this.boards.board(campaignId, limit, userId, fresh?.version)
    } catch (err) {
      this.log.warn({ err, campaignId }, '从 Redis 读排行榜失败，改读数据库')
      return undefined
    }
    if (!read) {
      this.tops.delete(key)
      this.syncSoon(campaignId)
      return undefined
    }
    let top: PersonBoardRead['top']
    if (read.top) {
      const at = this.now()
      const names = await this.names(read.top.map((m) => m.userId))
      top = []
      for (const m of read.top) {
        const name = names.get(m.userId)
        if (name) top.push({ ...m, ...name })
      }
      if (limit <= TOP_TRACKED) this.keep(key, { version: read.version, at, top })
    } else {
      top = fresh!.top
    }
    return { top, ...(read.mine ? { mine: read.mine } : {}), total: read.total }
  }

  private keep(key: string, top: KeptTop) {
    if (this.tops.size >= MAX_KEPT_TOPS && !this.tops.has(key)) this.tops.clear()
    this.tops.set(key, top)
  }

  /** the regional totals from Redis, or undefined: read the database */
  async regionTotals(campaignId: string): Promise<RegionTotal[] | undefined> {
    try {
      const totals = await this.boards.readyRegionTotals(campaignId)
      if (!totals) this.syncSoon(campaignId)
      return totals
    } catch (err) {
      this.log.warn({ err, campaignId }, '从 Redis 读地区榜失败，改读数据库')
      return undefined
    }
  }

  /** merges every campaign's board from the database, one campaign after another (on start) */
  async syncAll(): Promise<void> {
    try {
      for (const c of await this.store.quiz.listCampaigns()) {
        if (this.closed) return
        await this.sync(c.id)
      }
    } catch (err) {
      if (!this.closed) this.log.warn({ err }, '排行榜同步到 Redis 失败')
    }
  }

  /** merges one campaign's board from the database; joins a sync of it already running here */
  sync(campaignId: string): Promise<void> {
    const running = this.syncing.get(campaignId)
    if (running) return running
    const quiz = this.store.quiz
    const stopped = () => this.closed
    async function* pages() {
      let after: string | undefined
      for (;;) {
        if (stopped()) throw new SyncStopped()
        const page = await quiz.standingsPage(campaignId, SYNC_PAGE, after)
        if (page.length > 0) yield page
        if (page.length < SYNC_PAGE) return
        after = page[page.length - 1].userId
      }
    }
    const started = Date.now()
    const job = (async () => {
      const campaign = await quiz.getCampaign(campaignId)
      if (!campaign) return
      if (await this.boards.sync(campaignId, campaign.rules.scoreCounts, pages())) {
        this.lastMissed.delete(campaignId)
        this.log.info({ campaignId, ms: Date.now() - started }, '排行榜已从数据库同步到 Redis')
      } else {
        this.lastMissed.set(campaignId, Date.now())
      }
    })()
      .catch((err: unknown) => {
        this.lastMissed.set(campaignId, Date.now())
        if (!(err instanceof SyncStopped) && !this.closed) this.log.warn({ err, campaignId }, '排行榜同步到 Redis 失败')
      })
      .finally(() => this.syncing.delete(campaignId))
    this.syncing.set(campaignId, job)
    return job
  }

  /** stops the syncs between pages and waits for them and for the board puts waiting or in flight (before the store and Redis close) */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.syncing.values(), this.puts.idle()])
  }

  private syncSoon(campaignId: string) {
    if (this.closed || this.syncing.has(campaignId)) return
    if (Date.now() - (this.lastMissed.get(campaignId) ?? 0) < RESYNC_AFTER_MS) return
    void this.sync(campaignId)
  }

  /** nickname and 匿名 of the users that exist among these (the database board's inner join) */
  private async names(userIds: readonly string[]): Promise<Map<string, { nickname: string; hideName: boolean }>> {
    if (userIds.length === 0) return new Map()
    const rows = await this.store.quiz.executor
      .selectFrom('users as u')
      .leftJoin('quiz_profiles as p', 'p.user_id', 'u.id')
      .select(['u.id', 'u.nickname', 'p.hide_name'])
      .where('u.id', 'in', userIds)
      .execute()
    return new Map(rows.map((r) => [r.id!, { nickname: r.nickname, hideName: r.hide_name === 1 }]))
  }
}
