import { useEffect } from 'react'
import { create } from 'zustand'
import { api } from '@/api'
import type { Topic } from '@common/contract'

interface TopicsState {
  topics: Topic[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  load: () => Promise<void>
}

/** H5: the topics a server-drawn first screen came with (解读, 视频, 宣讲菜单), so its page draws its chips at once */
const given = api.embedded('GET /topics')

/** Topics are reference data: loaded once per app run and shared by every page. */
export const useTopicsStore = create<TopicsState>()((set, get) => ({
  topics: given ?? [],
  status: given ? 'ready' : 'idle',
  load: async () => {
    if (get().status === 'loading' || get().status === 'ready') return
    set({ status: 'loading' })
    try {
      set({ topics: await api.call('GET /topics'), status: 'ready' })
    } catch {
      set({ status: 'error' })
    }
  },
}))

export function useTopics(): { topics: Topic[]; nameOf: (id: string) => string | undefined } {
  const topics = useTopicsStore((s) => s.topics)
  const load = useTopicsStore((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  return { topics, nameOf: (id) => topics.find((t) => t.id === id)?.name }
}
