import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { LectureOrder } from '@common/contract'
import { getLectureOrder, getLectureTopic, getSignInCode } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { OrderProgress, OrderRating, OrderReport, OrderSummary } from '@/features/lectures/components/order-detail'
import { SignInCodePanel } from '@/features/lectures/components/sign-in-code'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

async function loadDetail(id: string) {
  const order = await getLectureOrder(id)
  const [topic, code] = await Promise.all([
    order.actions.includes('dispatch') ? getLectureTopic(order.topicId) : Promise.resolve(undefined),
    order.status === 'scheduled' && order.actions.includes('complete') ? getSignInCode(id).catch(() => undefined) : Promise.resolve(undefined),
  ])
  return { order, lecturers: topic?.lecturers ?? [], code }
}

/** one 宣讲点单: the order and its steps, the sign-in code on the day, the report, the rating and the progress */
export default function LectureDetailPage() {
  const id = useRouter().params.id ?? ''
  const token = useSessionStore((s) => s.token)
  const detail = useRequest(() => (token ? loadDetail(id) : Promise.resolve(undefined)), [id, token])

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!token) return <LoginNeeded what='查看点单' />
  if (detail.loading && !detail.data) return <Skeleton rows={4} />
  if (detail.error && !detail.data) return <ErrorState message={detail.error.message} onRetry={detail.reload} />
  const { order, lecturers, code } = detail.data!
  const changed = (_next: LectureOrder) => void detail.reload()

  return (
    <ThemePage>
      <OrderSummary order={order} lecturers={lecturers} signedIn={code?.signedIn ?? 0} onChanged={changed} />
      {code ? <SignInCodePanel code={code} /> : null}
      {order.report ? <OrderReport report={order.report} /> : null}
      {order.rating ? <OrderRating rating={order.rating} /> : null}
      <OrderProgress order={order} />
    </ThemePage>
  )
}
