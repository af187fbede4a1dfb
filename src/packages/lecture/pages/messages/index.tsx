import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { LectureNotification } from '@common/contract'
import { getNotifications, markNotificationRead } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/features/lectures/components/login-needed'
import { StatusTag } from '@/features/lectures/components/status-tag'
import { fromNow } from '@/utils/date'
import { lectureRoutes } from '@/utils/routes'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 我的消息: each status change of the user's orders, newest first; opening one marks it read. */
export default function MessagesPage() {
  const token = useSessionStore((s) => s.token)
  const list = useRequest(async () => (token ? getNotifications() : []), [token])

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })

  const open = (n: LectureNotification) => {
    if (!n.read) void markNotificationRead(n.id).catch(() => undefined)
    void Taro.navigateTo({ url: lectureRoutes.detail(n.orderId) })
  }

  if (!token) return <LoginNeeded what='查看消息' />
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) return <ErrorState message={list.error.message} onRetry={list.reload} />
  const unread = list.data?.filter((n) => !n.read).length ?? 0
  return (
    <ThemePage>
      {list.data?.length === 0 ? <EmptyState title='暂无消息' hint='点单的每一步进展都会在这里通知您' /> : null}
      {unread ? <Text className='lec-section'>{unread} 条未读</Text> : null}
      <View role='list'>
        {list.data?.map((n) => (
          <View
            key={n.id}
            className={`lec-card ${n.read ? '' : 'lec-msg--unread'}`}
            role='listitem'
            aria-label={`${n.read ? '' : '未读，'}${n.title}`}
            onClick={() => open(n)}
          >
            <View className='lec-card__head'>
              <Text className='lec-card__title'>{n.title}</Text>
              <StatusTag status={n.status} />
            </View>
            <Text className='lec-card__summary'>{n.body}</Text>
            <Text className='lec-card__meta'>{fromNow(n.createdAt)}</Text>
          </View>
        ))}
      </View>
    </ThemePage>
  )
}
