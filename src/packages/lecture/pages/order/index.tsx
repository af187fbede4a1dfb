import Taro, { useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getAppConfig, getLectureTopics } from '@/features/lectures/api/lectures'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { LoginNeeded } from '@/components/login-needed'
import { OrderForm } from '@/features/lectures/components/order-form'
import { lectureRoutes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function LectureOrderPage() {
  const params = useRouter().params
  const user = useSessionStore((s) => s.user)
  // a 便民服务点 orders for its bound village, its staff member the contact
  const point = useServicePointStore((s) => s.point)
  const data = useRequest(async () => {
    const [topics, config] = await Promise.all([getLectureTopics(), getAppConfig().catch(() => undefined)])
    return { topics, leadDays: config?.lectureLeadDays }
  }, [])

  if (!user) return <LoginNeeded what='即可点单' />
  if (user.role !== 'resident' && user.role !== 'staff') {
    return <EmptyState title='点单由居民或便民服务点工作人员提交' hint='您可以在“我的”中查看与您身份相关的宣讲工作' />
  }
  if (data.loading && !data.data) return <Skeleton rows={4} />
  if (data.error && !data.data) return <ErrorState message={data.error.message} onRetry={data.reload} />
  return (
    <ThemePage>
      <OrderForm
        topics={data.data!.topics}
        role={user.role}
        initialTopic={params.topic}
        leadDays={data.data!.leadDays}
        initial={point ? { villageCode: point.villageCode, contactName: point.staffName } : {}}
        onSubmitted={(order) => {
          void Taro.showToast({ title: '点单已提交', icon: 'success' })
          void Taro.redirectTo({ url: lectureRoutes.detail(order.id) })
        }}
      />
    </ThemePage>
  )
}
