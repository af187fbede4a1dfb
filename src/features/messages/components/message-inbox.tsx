import { LoginNeeded } from '@/components/login-needed'
import { Card } from '@/components/card'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { lectureStatusLabel, type ResidentMessage } from '@common/contract'
import { fromNow } from '@/utils/date'
import { lectureRoutes, routes } from '@/utils/routes'
import { getMessages, markAllMessagesRead, markMessageRead } from '../api/messages'
import './messages.scss'

interface Loaded {
  items: ResidentMessage[]
  total: number
  unread: number
  page: number
}

const kindLabel = (m: ResidentMessage) =>
  m.kind === 'consultation'
    ? '咨询答复'
    : m.kind === 'policy'
      ? '政策找人'
      : m.kind === 'foia'
        ? '依申请公开'
        : m.lectureStatus
          ? `宣讲·${lectureStatusLabel[m.lectureStatus]}`
          : '宣讲点单'

/** where a message leads: the lecture order, 我的咨询 at the consultation, the policy, or the 依申请公开 request */
export function messageUrl(m: ResidentMessage): string {
  if (m.kind === 'policy') return routes.policyDetail(m.targetId)
  if (m.kind === 'foia') return routes.foiaDetail(m.targetId)
  return m.kind === 'consultation' ? `${routes.myConsultations}?id=${encodeURIComponent(m.targetId)}` : lectureRoutes.detail(m.targetId)
}

/**
 * 我的消息: 宣讲点单 notices and consultation replies, newest first, 20 at a time (加载更多);
 * opening one marks it read; 全部已读 marks all. Message text is shown as text, never as HTML.
 */
export function MessageInbox() {
  const token = useSessionStore((s) => s.token)
  const [state, setState] = useState<Loaded>()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string>()
  const seq = useRef(0)

  const load = useCallback(
    async (page: number) => {
      if (!token) return
      const mine = ++seq.current
      setLoading(true)
      setError(undefined)
      try {
        const res = await getMessages(page)
        if (mine !== seq.current) return
        setState((prev) => ({ items: page === 1 || !prev ? res.items : [...prev.items, ...res.items], total: res.total, unread: res.unread, page }))
      } catch (e) {
        if (mine === seq.current) setError(e instanceof ApiError ? e.message : '加载失败，请重试')
      } finally {
        if (mine === seq.current) setLoading(false)
      }
    },
    [token],
  )

  useEffect(() => {
    void load(1)
  }, [load])
  useDidShow(() => {
    if (state) void load(1)
  })
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh())
  })

  const open = (m: ResidentMessage) => {
    if (!m.read) {
      setState((s) => s && { ...s, unread: Math.max(0, s.unread - 1), items: s.items.map((x) => (x.id === m.id ? { ...x, read: true } : x)) })
      void markMessageRead(m.id).catch(() => undefined)
    }
    void Taro.navigateTo({ url: messageUrl(m) })
  }

  const readAll = async () => {
    try {
      await markAllMessagesRead()
      setState((s) => s && { ...s, unread: 0, items: s.items.map((x) => ({ ...x, read: true })) })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请重试', icon: 'none' })
    }
  }

  if (!token) return <LoginNeeded what='查看您的消息' />
  if (!state && error) return <ErrorState message={error} onRetry={() => void load(1)} />
  if (!state) return <Skeleton rows={3} />
  if (state.items.length === 0) return <EmptyState title='暂无消息' hint='咨询的答复、宣讲点单和依申请公开的每一步进展都会在这里通知您' />
  return (
    <View>
      <View className='msg-toolbar'>
        <Text role='status'>{state.unread ? `${state.unread} 条未读` : '没有未读消息'}</Text>
        {state.unread ? (
          <Button role='button' className='msg-toolbar__all' onClick={() => void readAll()}>
            全部已读
          </Button>
        ) : null}
      </View>
      <View role='list'>
        {state.items.map((m) => (
          <Card key={m.id} className={`msg-card ${m.read ? '' : 'msg-card--unread'}`}>
            <View role='listitem' aria-label={`${m.read ? '' : '未读，'}${m.title}`} onClick={() => open(m)}>
              <View className='msg-card__head'>
                <Text className='msg-card__title'>{m.title}</Text>
                <Tag tone={m.kind === 'lecture' ? 'neutral' : 'success'}>{kindLabel(m)}</Tag>
              </View>
              <Text className='msg-card__body'>{m.body}</Text>
              <Text className='msg-card__meta'>{fromNow(m.createdAt)}</Text>
            </View>
          </Card>
        ))}
      </View>
      <ListFooter
        loading={loading}
        hasMore={state.items.length < state.total}
        error={error}
        count={state.items.length}
        onRetry={() => void load(state.page + 1)}
      />
    </View>
  )
}
