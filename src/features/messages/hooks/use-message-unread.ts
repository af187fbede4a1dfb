import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { getMessageUnread } from '../api/messages'

/** 我的消息's unread count (lecture notices and consultation replies), refreshed on sign-in and each time the page shows; 0 when signed out */
export function useMessageUnread(): number {
  const token = useSessionStore((s) => s.token)
  const [unread, setUnread] = useState(0)
  const load = useCallback(() => {
    if (!token) return
    getMessageUnread()
      .then((r) => setUnread(r.unread))
      .catch(() => undefined)
  }, [token])
  useEffect(load, [load])
  useDidShow(load)
  return token ? unread : 0
}
