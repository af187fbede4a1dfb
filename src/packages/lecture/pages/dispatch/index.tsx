import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { usePagedList, useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { Skeleton } from '@/components/skeleton'
import { type LectureOrderStatus, lectureStatusLabel } from '@common/contract'
import { getIncomingOrders, getLectureTopics, getCounties } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { OrderActions } from '@/features/lectures/components/order-actions'
import { OrderCard } from '@/features/lectures/components/order-card'
import { lectureRoutes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

const STATUSES: LectureOrderStatus[] = ['submitted', 'dispatched', 'accepted', 'scheduled', 'delivered', 'rejected']

/** 派单台: incoming orders oldest first, by status and county; dispatch or reject in place. */
export default function DispatchDeskPage() {
  const user = useSessionStore((s) => s.user)
  const allowed = user?.role === 'dispatcher' || user?.role === 'admin'
  const [status, setStatus] = useState<LectureOrderStatus | undefined>('submitted')
  const [county, setCounty] = useState<string>()
  const ref = useRequest(async () => {
    if (!allowed) return undefined
    const [topics, regions] = await Promise.all([getLectureTopics(), getCounties()])
    return { lecturers: new Map(topics.map((t) => [t.id, t.lecturers])), counties: regions.map((r) => ({ id: r.code, name: r.name })) }
  }, [allowed])
  const list = usePagedList(
    (page) => (allowed ? getIncomingOrders({ status, county, page, pageSize: 10 }) : Promise.resolve({ items: [], total: 0, page, pageSize: 10 })),
    [status, county, allowed],
  )

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  if (!user) return <LoginNeeded what='使用派单台' />
  if (!allowed) return <EmptyState title='派单台仅供宣讲派单员使用' />
  return (
    <ThemePage>
      <View className='page__filters'>
        <ChipBar
          options={STATUSES.map((s) => ({ id: s, name: lectureStatusLabel[s] }))}
          value={status}
          onChange={(s) => setStatus(s as LectureOrderStatus | undefined)}
        />
        <ChipBar options={ref.data?.counties ?? []} value={county} allLabel='全市' onChange={setCounty} />
      </View>
      {list.loading && list.items.length === 0 ? <Skeleton rows={3} /> : null}
      {list.error && list.items.length === 0 ? <ErrorState message={list.error.message} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState title='没有符合条件的点单' hint='新的点单会按提交先后出现在这里' /> : null}
      <View role='list' aria-label='点单列表（最早提交的在前）'>
        {list.items.map((o) => (
          <OrderCard key={o.id} order={o} showContact onOpen={() => Taro.navigateTo({ url: lectureRoutes.detail(o.id) })}>
            <OrderActions order={o} lecturers={ref.data?.lecturers.get(o.topicId) ?? []} onChanged={() => void list.refresh()} />
          </OrderCard>
        ))}
      </View>
      <ListFooter loading={list.loading} hasMore={list.hasMore} error={list.error?.message} count={list.items.length} onRetry={list.loadMore} />
    </ThemePage>
  )
}
