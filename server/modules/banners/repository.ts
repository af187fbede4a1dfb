/** 首页公益广告 as published (the banners table): those showing on a day, in their order. */
import type { Banner } from '../../../common/contract'
import type { Db } from '../../db/database'

/** the banners showing on `day` (YYYY-MM-DD, Asia/Shanghai): starts_at ≤ day ≤ ends_at, by position */
export async function bannersShowing(db: Pick<Db, 'kysely'>, day: string): Promise<Banner[]> {
  const rows = await db.kysely
    .selectFrom('banners')
    .select(['id', 'title', 'image', 'alt', 'link'])
    .where('starts_at', '<=', day)
    .where('ends_at', '>=', day)
    .orderBy('position')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, title: r.title, image: r.image, alt: r.alt, link: r.link }))
}
