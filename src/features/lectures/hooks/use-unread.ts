import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { getUnreadCount } from '../api/lectures'

/** 我的消息's unread count, refreshed on sign-in and each time the page shows; 0 when signed out */
export function useUnreadCount(): number {
  const token = useSessionStore((s) => s.token)
  const [unread, setUnread] = useState(0)
  const load = useCallback(() => {
    if (!token) return
    getUnreadCount()
      .then((r) => setUnread(r.unread))
      .catch(() => undefined)
  }, [token])
  useEffect(load, [load])
  useDidShow(load)
  return token ? unread : 0
}
