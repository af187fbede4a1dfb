import type { FavouriteKind, FavouriteQuery } from '@common/contract'
import { api } from '@/api'

// Both reads go to the network, never the read cache: a 收藏 made in another session (a reload,
// another device, the same account on the mini-program) must show at once, and an answer kept
// from before it would be served as fresh for a while.
export const getFavourites = (query: FavouriteQuery) => api.call('GET /favourites', { query, cache: 'network' })

export const getFavouriteState = (kind: FavouriteKind, id: string) => api.call('GET /favourites/:kind/:id', { params: { kind, id }, cache: 'network' })

/** PUT or DELETE of the state: sending it twice changes nothing */
export const setFavourite = (kind: FavouriteKind, id: string, on: boolean) =>
  on ? api.call('PUT /favourites/:kind/:id', { params: { kind, id }, body: {} }) : api.call('DELETE /favourites/:kind/:id', { params: { kind, id } })
