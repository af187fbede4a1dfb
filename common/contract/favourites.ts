/**
 * 收藏 (issue 17): a signed-in resident's favourite policies, interpretations and videos, kept on
 * the server (so they follow the account, and a shared device keeps none of them).
 */
import type { Id } from './entities'
import type { Page } from './paging'

export type FavouriteKind = 'policy' | 'interpretation' | 'video'

export const FAVOURITE_KINDS: readonly FavouriteKind[] = ['policy', 'interpretation', 'video']

export const favouriteKindLabel: Record<FavouriteKind, string> = {
  policy: '政策',
  interpretation: '解读',
  video: '视频',
}

/** one account keeps at most this many favourites (all kinds together) */
export const FAVOURITES_MAX = 500

export const FAVOURITES_PAGE_SIZE_MAX = 50

/**
 * One favourite with its item resolved when it is listed. An item withdrawn or not published
 * (any more) is `available: false` and shows only as 已下架: its title and summary are not sent.
 */
export interface FavouriteItem {
  kind: FavouriteKind
  id: Id
  /** when it was favourited */
  createdAt: string
  available: boolean
  /** the item's title; 「已下架的政策」… when it is not available */
  title: string
  /** a line about it: a policy's or interpretation's summary, a video's length; empty when not available */
  summary: string
  /** a picture (an interpretation's cover, a video's poster) */
  cover?: string
}

export interface FavouriteQuery {
  kind?: FavouriteKind
  page?: number
  pageSize?: number
}

export interface FavouriteState {
  favourited: boolean
}

declare module './endpoints' {
  interface Endpoints {
    /** the caller's favourites, newest first, optionally of one kind */
    'GET /favourites': { query: FavouriteQuery; res: Page<FavouriteItem> }
    /** whether the caller has favourited the item */
    'GET /favourites/:kind/:id': { res: FavouriteState }
    /** favourite it (again: nothing changes); 404 for an item that is not published, 409 over FAVOURITES_MAX */
    'PUT /favourites/:kind/:id': { body: Record<string, never>; res: FavouriteState }
    /** no longer a favourite (one that was not is fine) */
    'DELETE /favourites/:kind/:id': { res: FavouriteState }
  }
}
