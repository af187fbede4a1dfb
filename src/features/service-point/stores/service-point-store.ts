import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from '@/utils/storage'

/** the village (村/社区) this device serves, as the staff member bound it */
export interface ServicePoint {
  villageCode: string
  villageName: string
  /** 县市区 · 乡镇街道 · 村社区 */
  place: string
  staffName: string
  boundAt: string
}

export const IDLE_CHOICES = [0, 60, 120, 300] as const

interface ServicePointState {
  point?: ServicePoint
  /** H5 kiosk: seconds without a touch before it goes back to 首页 for the next person; 0 = never */
  idleSeconds: number
  bind: (point: ServicePoint) => void
  unbind: () => void
  setIdleSeconds: (s: number) => void
}

/** 便民服务点 mode: a device setting, kept when the person using it changes. */
export const useServicePointStore = create<ServicePointState>()(
  persist(
    (set) => ({
      idleSeconds: 120,
      bind: (point) => set({ point }),
      unbind: () => set({ point: undefined }),
      setIdleSeconds: (idleSeconds) => set({ idleSeconds }),
    }),
    { name: 'zct-service-point', storage: taroJSONStorage, partialize: (s) => ({ point: s.point, idleSeconds: s.idleSeconds }) },
  ),
)
