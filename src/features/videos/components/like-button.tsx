import { useState } from 'react'
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { formatCount } from '@/utils/format'
import { getLike, setLike } from '../api/get-video'

/** 点赞: one per user (the server keeps it idempotent); asks to sign in first. */
export function LikeButton({
  videoId,
  likes,
  title,
  className,
  onClassName,
}: {
  videoId: string
  likes: number
  title?: string
  className: string
  onClassName: string
}) {
  const token = useSessionStore((s) => s.token)
  const initial = useRequest(async () => (token ? getLike(videoId) : undefined), [videoId, token])
  const [state, setState] = useState<{ likes: number; liked: boolean }>()
  const shown = state ?? initial.data
  const toggle = async () => {
    if (!token) {
      void Taro.showToast({ title: '登录后可以点赞', icon: 'none' })
      return
    }
    const liked = !(shown?.liked ?? false)
    try {
      const outcome = await setLike(videoId, liked, title)
      if (outcome.status === 'sent') setState(outcome.data)
      else {
        // shown at once; 待发送 has it until the network is back
        const base = shown?.likes ?? likes
        setState({ liked, likes: Math.max(0, base + (liked ? 1 : -1)) })
        void Taro.showToast({ title: '网络不好，联网后自动同步', icon: 'none' })
      }
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '操作失败', icon: 'none' })
    }
  }
  return (
    <Button role='button' className={`${className} ${shown?.liked ? onClassName : ''}`} aria-pressed={shown?.liked ?? false} onClick={toggle}>
      {shown?.liked ? '已赞' : '点赞'} {formatCount(shown?.likes ?? likes)}
    </Button>
  )
}
