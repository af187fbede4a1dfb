import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getMyLectureOrders } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { OrderCard } from '@/features/lectures/components/order-card'
import { lectureRoutes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function MyLectureOrdersPage() {
  const token = useSessionStore((s) => s.token)
  const list = useRequest(async () => (token ? getMyLectureOrders() : []), [token])

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })

  if (!token) return <LoginNeeded what='查看您的点单' />
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) return <ErrorState message={list.error.message} onRetry={list.reload} />
  return (
    <ThemePage>
      {list.data?.length === 0 ? (
        <EmptyState
          title='还没有点单'
          hint='从宣讲菜单里选一个专题，请宣讲员到村里讲'
          actionText='去宣讲菜单'
          onAction={() => Taro.navigateTo({ url: lectureRoutes.menu() })}
        />
      ) : null}
      <View role='list'>
        {list.data?.map((o) => (
          <OrderCard key={o.id} order={o} onOpen={() => Taro.navigateTo({ url: lectureRoutes.detail(o.id) })} />
        ))}
      </View>
    </ThemePage>
  )
}
