import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from '@/utils/storage'
import { effectiveScale, type TextScale } from '@common/theme'

interface ThemeState {
  /** what the user picked on 首页 or in 我的; undefined: follow the system font setting */
  choice?: TextScale
  /** what WeChat's (or the browser's) font setting asks for, read at launch */
  system: TextScale
  setChoice: (scale: TextScale | undefined) => void
  setSystem: (scale: TextScale) => void
}

/** Text size and elder mode, persisted in Taro storage. */
export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      system: 'normal',
      setChoice: (choice) => set({ choice }),
      setSystem: (system) => set({ system }),
    }),
    { name: 'zct-theme', storage: taroJSONStorage, partialize: (s) => ({ choice: s.choice }) },
  ),
)

/** the scale in force */
export function useTextScale(): TextScale {
  return useThemeStore((s) => effectiveScale(s.choice, s.system))
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useTextScale() === 'elder'
  const setChoice = useThemeStore((s) => s.setChoice)
  return [on, (next) => setChoice(next ? 'elder' : 'normal')]
}
