import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { FavouriteKind } from '@common/contract'
import { useRequest, useSessionStore } from '@/api'
import { askToSignIn } from '@/components/login-needed'
import { getFavouriteState, setFavourite } from './api/favourites'
import { favouriteKey, useFavouriteStore } from './stores/favourite-store'

export interface FavouriteControl {
  favourited: boolean
  busy: boolean
  toggle: () => Promise<void>
}

/**
 * 收藏 of one item for the signed-in user, kept on the server.
 *
 * A guest who taps 收藏 is asked to sign in (the LoginNeeded flow) rather than having the item kept
 * on the device and uploaded later: the app also runs on shared tablets at 便民服务点, where a
 * guest's local list would be shown to the next person or uploaded into whoever signs in next.
 * Nothing is written on the device, so 换人 has nothing of it to clear but this session's memory.
 */
export function useFavourite(kind: FavouriteKind, id: string): FavouriteControl {
  const userId = useSessionStore((s) => s.user?.id)
  const key = userId ? favouriteKey(userId, kind, id) : ''
  const known = useFavouriteStore((s) => (key ? s.known[key] : undefined))
  const remember = useFavouriteStore((s) => s.set)
  const initial = useRequest(async () => (userId && id ? (await getFavouriteState(kind, id)).favourited : false), [userId, kind, id])
  const [busy, setBusy] = useState(false)
  const favourited = Boolean(userId) && (known ?? initial.data ?? false)

  const toggle = async () => {
    if (!userId) {
      await askToSignIn('即可收藏，换台手机也能看到')
      return
    }
    if (busy) return
    const on = !favourited
    setBusy(true)
    try {
      const result = await setFavourite(kind, id, on)
      remember(key, result.favourited)
      void Taro.showToast({ title: result.favourited ? '已收藏' : '已取消收藏', icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '操作失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return { favourited, busy, toggle }
}
