/**
 * 收藏 on either database: one row per (user, kind, item), newest first. The items live in their
 * public tables (policies, interpretations, videos), which hold only what is published: an item
 * withdrawn is deleted from there, so a favourite whose item is missing is 已下架 and shows none
 * of its content.
 */
import { sql, type Kysely } from 'kysely'
import { minutesAndSeconds } from '../../../common/durations'
import { FAVOURITES_MAX, favouriteKindLabel, type FavouriteItem, type FavouriteKind, type Page } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { DB } from '../../db/schema'
import { pageOffset, type PageRequest } from '../../db/paging'

/** what adding answers: done (also when it already was a favourite), no such item, or over the cap */
export type AddOutcome = 'added' | 'missing' | 'full'

interface Resolved {
  title: string
  summary: string
  cover?: string
}

export class FavouriteRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** whether the item is published now (in its public table) */
  async exists(kind: FavouriteKind, id: string): Promise<boolean> {
    const k = this.db.kysely
    const q =
      kind === 'policy'
        ? k.selectFrom('policies').select('id').where('id', '=', id)
        : kind === 'interpretation'
          ? k.selectFrom('interpretations').select('id').where('id', '=', id)
          : k.selectFrom('videos').select('id').where('id', '=', id)
    return Boolean(await q.executeTakeFirst())
  }

  async isFavourite(userId: string, kind: FavouriteKind, id: string, executor: Kysely<DB> = this.db.kysely): Promise<boolean> {
    const row = await executor
      .selectFrom('favourites')
      .select('item_id')
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('item_id', '=', id)
      .executeTakeFirst()
    return Boolean(row)
  }

  /**
   * Adds the favourite unless it is there already (then nothing changes, its time included). The
   * cap is counted in the same transaction; on PostgreSQL the user's row is locked first, so two
   * adds of one account at once are counted one after the other (SQLite's single writer does
   * the same by itself).
   */
  async add(userId: string, kind: FavouriteKind, id: string): Promise<AddOutcome> {
    if (!(await this.exists(kind, id))) return 'missing'
    return this.db.kysely.transaction().execute(async (trx) => {
      if (this.db.dialect === 'postgres') await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst()
      if (await this.isFavourite(userId, kind, id, trx)) return 'added'
      const { n } = await trx
        .selectFrom('favourites')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
      if (Number(n) >= FAVOURITES_MAX) return 'full'
      await trx
        .insertInto('favourites')
        .values({ user_id: userId, kind, item_id: id, created_at: this.now().toISOString() })
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'item_id']).doNothing())
        .execute()
      return 'added'
    })
  }

  /** removing one that is not there is fine */
  async remove(userId: string, kind: FavouriteKind, id: string): Promise<void> {
    await this.db.kysely.deleteFrom('favourites').where('user_id', '=', userId).where('kind', '=', kind).where('item_id', '=', id).execute()
  }

  async list(userId: string, query: PageRequest & { kind?: FavouriteKind }): Promise<Page<FavouriteItem>> {
    let mine = this.db.kysely.selectFrom('favourites').where('user_id', '=', userId)
    if (query.kind) mine = mine.where('kind', '=', query.kind)
    const { total } = await mine.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await mine
      .select(['kind', 'item_id', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy(sql`kind`)
      .orderBy('item_id')
      .limit(query.pageSize)
      .offset(pageOffset(query))
      .execute()
    const resolved = await this.resolve(rows.map((r) => ({ kind: r.kind as FavouriteKind, id: r.item_id })))
    const items = rows.map((r): FavouriteItem => {
      const kind = r.kind as FavouriteKind
      const item = resolved.get(`${kind}:${r.item_id}`)
      if (!item) return { kind, id: r.item_id, createdAt: r.created_at, available: false, title: `已下架的${favouriteKindLabel[kind]}`, summary: '' }
      return { kind, id: r.item_id, createdAt: r.created_at, available: true, ...item }
    })
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize }
  }

  /** the page's items from their public tables, one query per kind; what is missing is 已下架 */
  private async resolve(keys: { kind: FavouriteKind; id: string }[]): Promise<Map<string, Resolved>> {
    const ids = (kind: FavouriteKind) => keys.filter((k) => k.kind === kind).map((k) => k.id)
    const k = this.db.kysely
    const out = new Map<string, Resolved>()
    const policies = ids('policy')
    if (policies.length) {
      for (const p of await k.selectFrom('policies').select(['id', 'title', 'summary']).where('id', 'in', policies).execute()) {
        out.set(`policy:${p.id}`, { title: p.title, summary: p.summary })
      }
    }
    const interpretations = ids('interpretation')
    if (interpretations.length) {
      for (const i of await k.selectFrom('interpretations').select(['id', 'title', 'summary', 'cover']).where('id', 'in', interpretations).execute()) {
        out.set(`interpretation:${i.id}`, { title: i.title, summary: i.summary, cover: i.cover })
      }
    }
    const videos = ids('video')
    if (videos.length) {
      for (const v of await k.selectFrom('videos').select(['id', 'title', 'duration_sec', 'poster']).where('id', 'in', videos).execute()) {
        out.set(`video:${v.id}`, { title: v.title, summary: `短视频 · ${minutesAndSeconds(v.duration_sec)}`, cover: v.poster })
      }
    }
    return out
  }
}
