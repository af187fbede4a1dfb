/**
 * 收藏 (issue 17), signed-in residents (any role) only, each their own:
 *   GET    /favourites?kind=&page=&pageSize=   newest first, each item's title and summary resolved
 *   GET    /favourites/:kind/:id               { favourited }
 *   PUT    /favourites/:kind/:id               add: the item must be published (404); adding again
 *                                              changes nothing; 409 over FAVOURITES_MAX
 *   DELETE /favourites/:kind/:id               remove: removing one that is not there is fine
 * PUT and DELETE name the state they leave, so a retried request never does anything twice and
 * needs no Idempotency-Key. Both are limited per user and per address as 点赞 is.
 */
import { FAVOURITES_MAX, type FavouriteKind } from '../../../common/contract'
import { conflict, notFound } from '../../errors'
import { requireRole } from '../../plugins/auth'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'
import { WRITE_LIMITS } from '../abuse/limits'
import { FavouriteRepository } from './repository'
import { FAVOURITE_VALIDATION, FavouritePage, FavouriteParams, FavouriteQuery, FavouriteState } from './schemas'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const personal = { cache: 'no-store' as const, validationMessages: FAVOURITE_VALIDATION }

const MISSING: Record<FavouriteKind, string> = {
  policy: '找不到该政策，可能已下架',
  interpretation: '找不到该解读，可能已下架',
  video: '找不到该视频，可能已下架',
}

export function favouriteRoutes(): RoutePlugin {
  return async (app) => {
    const repo = new FavouriteRepository(app.store.database, app.store.now)
    const writeLimits = [app.limit(WRITE_LIMITS.favouritePerUser), app.limit(WRITE_LIMITS.favouritePerIp)]

    app.get(
      '/favourites',
      { schema: { querystring: FavouriteQuery, response: { 200: FavouritePage, ...errors } }, config: personal, onRequest: requireRole() },
      async (request) => repo.list(request.user!.id, request.query),
    )

    app.get(
      '/favourites/:kind/:id',
      { schema: { params: FavouriteParams, response: { 200: FavouriteState, ...errors } }, config: personal, onRequest: requireRole() },
      async (request) => ({ favourited: await repo.isFavourite(request.user!.id, request.params.kind, request.params.id) }),
    )

    // PUT and DELETE: the same item, answer, guard and limits
    const write = {
      schema: { params: FavouriteParams, response: { 200: FavouriteState, ...errors } },
      config: personal,
      onRequest: requireRole(),
      preHandler: writeLimits,
    }

    app.put('/favourites/:kind/:id', write, async (request) => {
      const { kind, id } = request.params
      const outcome = await repo.add(request.user!.id, kind, id)
      if (outcome === 'missing') throw notFound(MISSING[kind])
      if (outcome === 'full') throw conflict(`收藏已达 ${FAVOURITES_MAX} 条上限，请先在「我的收藏」里取消一些`)
      return { favourited: true }
    })

    app.delete('/favourites/:kind/:id', write, async (request) => {
      await repo.remove(request.user!.id, request.params.kind, request.params.id)
      return { favourited: false }
    })
  }
}
