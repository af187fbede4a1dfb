import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from '@/utils/storage'

interface DataSaverState {
  /** 省流量: the user asked not to load videos until they tap play */
  dataSaver: boolean
  setDataSaver: (on: boolean) => void
}

export const useDataSaverStore = create<DataSaverState>()(
  persist((set) => ({ dataSaver: false, setDataSaver: (dataSaver) => set({ dataSaver }) }), { name: 'zct-data-saver', storage: taroJSONStorage }),
)

const SLOW = new Set(['2g', '3g'])

/** True when videos should not start by themselves: 省流量 is on, or the network is 2g/3g. */
export function useSaveData(): boolean {
  const dataSaver = useDataSaverStore((s) => s.dataSaver)
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    let alive = true
    Taro.getNetworkType()
      .then((r) => alive && setSlow(SLOW.has(r.networkType)))
      .catch(() => undefined)
    return () => {
      alive = false
    }
  }, [])
  return dataSaver || slow
}
