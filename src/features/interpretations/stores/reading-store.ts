import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { InterpretationSummary } from '@common/contract'
import { taroJSONStorage } from '@/utils/storage'

export interface ReadingEntry {
  id: string
  title: string
  cover: string
  at: string
}

const HISTORY_MAX = 50
const POSITIONS_MAX = 100

interface ReadingState {
  history: ReadingEntry[]
  /** last scroll position per interpretation, in px */
  positions: Record<string, number>
  recordRead: (item: Pick<InterpretationSummary, 'id' | 'title' | 'cover'>) => void
  savePosition: (id: string, top: number) => void
  clearHistory: () => void
}

const entry = (item: Pick<InterpretationSummary, 'id' | 'title' | 'cover'>): ReadingEntry => ({
  id: item.id,
  title: item.title,
  cover: item.cover,
  at: new Date().toISOString(),
})

/** 阅读记录 and where the reader left off, kept on the device (收藏 is on the account: features/favourites). */
export const useReadingStore = create<ReadingState>()(
  persist(
    (set) => ({
      history: [],
      positions: {},
      recordRead: (item) => set((s) => ({ history: [entry(item), ...s.history.filter((h) => h.id !== item.id)].slice(0, HISTORY_MAX) })),
      savePosition: (id, top) =>
        set((s) => {
          const { [id]: _previous, ...rest } = s.positions
          const kept = Object.entries(rest).slice(-(POSITIONS_MAX - 1))
          return { positions: top > 0 ? { ...Object.fromEntries(kept), [id]: Math.round(top) } : Object.fromEntries(kept) }
        }),
      clearHistory: () => set({ history: [] }),
    }),
    { name: 'zct-reading', storage: taroJSONStorage, partialize: (s) => ({ history: s.history, positions: s.positions }) },
  ),
)
