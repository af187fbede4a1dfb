import type { FavouriteKind, FavouriteQuery } from '@common/contract'
import { api } from '@/api'

export const getFavourites = (query: FavouriteQuery) => api.call('GET /favourites', { query })

export const getFavouriteState = (kind: FavouriteKind, id: string) => api.call('GET /favourites/:kind/:id', { params: { kind, id } })

/** PUT or DELETE of the state: sending it twice changes nothing */
export const setFavourite = (kind: FavouriteKind, id: string, on: boolean) =>
  on ? api.call('PUT /favourites/:kind/:id', { params: { kind, id }, body: {} }) : api.call('DELETE /favourites/:kind/:id', { params: { kind, id } })
