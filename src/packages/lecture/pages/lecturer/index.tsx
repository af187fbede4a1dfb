import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getAssignedOrders } from '@/features/lectures/api/lectures'
import { DevLecturerSwitch } from '@/features/lectures/components/dev-lecturer-switch'
import { LoginNeeded } from '@/components/login-needed'
import { OrderActions } from '@/features/lectures/components/order-actions'
import { OrderCard } from '@/features/lectures/components/order-card'
import { lectureRoutes } from '@/utils/routes'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 我的宣讲: the lecturer's assignments, scheduled ones first; accept, decline, schedule, complete. */
export default function LecturerPage() {
  const user = useSessionStore((s) => s.user)
  const isLecturer = user?.role === 'lecturer'
  const list = useRequest(async () => (isLecturer ? getAssignedOrders() : []), [isLecturer, user?.id])

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })

  if (!user) return <LoginNeeded what='查看您的宣讲任务' />
  if (!isLecturer) return <EmptyState title='“我的宣讲”供宣讲员使用' />
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) return <ErrorState message={list.error.message} onRetry={list.reload} />

  return (
    <ThemePage>
      <DevLecturerSwitch nickname={user.nickname} />
      {list.data?.length === 0 ? <EmptyState title='暂时没有派给您的宣讲' hint='派单员派单后会出现在这里' /> : null}
      <View role='list'>
        {list.data?.map((o) => (
          <OrderCard key={o.id} order={o} showContact onOpen={() => Taro.navigateTo({ url: lectureRoutes.detail(o.id) })}>
            <OrderActions order={o} onChanged={() => void list.reload()} />
            {o.status === 'scheduled' ? (
              <View className='lec-link' role='link' onClick={() => Taro.navigateTo({ url: lectureRoutes.detail(o.id) })}>
                出示签到二维码 ›
              </View>
            ) : null}
          </OrderCard>
        ))}
      </View>
    </ThemePage>
  )
}
