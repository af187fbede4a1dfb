import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useRequest } from '@/api'
import { getQuizProfile, saveQuizProfile } from '../api/quiz'

/**
 * 在个人排行榜隐藏我的姓名: the setting from the caller's quiz profile, switched at once on screen
 * and saved; the board reloads to show it (`onSaved`), a failure switches it back.
 */
export function useHideName(token: string | undefined, onSaved: () => void) {
  const profile = useRequest(() => (token ? getQuizProfile() : Promise.resolve(undefined)), [token])
  const [hideName, setHideName] = useState<boolean>()
  const hidden = hideName ?? profile.data?.hideName ?? false

  const toggle = async (on: boolean) => {
    setHideName(on)
    try {
      await saveQuizProfile({ hideName: on })
      void Taro.showToast({ title: on ? '已在排行榜隐藏姓名' : '已在排行榜显示姓名', icon: 'none' })
      onSaved()
    } catch (e) {
      setHideName(!on)
      void Taro.showToast({ title: e instanceof Error ? e.message : '设置失败', icon: 'none' })
    }
  }

  return { hidden, toggle }
}
