import { create } from 'zustand'

/**
 * What this session knows of the signed-in user's favourites, so every 收藏 button of one item
 * (the feed's card, the play page, 我的收藏) agrees after a toggle. In memory only and keyed by the
 * account: the server keeps the favourites, the device keeps none, and 换人 resets it.
 */
interface FavouriteState {
  known: Record<string, boolean>
  set: (key: string, on: boolean) => void
}

export const favouriteKey = (userId: string, kind: string, id: string) => `${userId}|${kind}|${id}`

export const useFavouriteStore = create<FavouriteState>()((set) => ({
  known: {},
  set: (key, on) => set((s) => ({ known: { ...s.known, [key]: on } })),
}))
