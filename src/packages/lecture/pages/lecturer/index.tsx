import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api, useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getAssignedOrders, getLectureTopics } from '@/features/lectures/api/lectures'
import { LoginNeeded } from '@/components/login-needed'
import { OrderActions } from '@/features/lectures/components/order-actions'
import { OrderCard } from '@/features/lectures/components/order-card'
import { lectureRoutes } from '@/utils/routes'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

/** 我的宣讲: the lecturer's assignments, scheduled ones first; accept, decline, schedule, complete. */
export default function LecturerPage() {
  const user = useSessionStore((s) => s.user)
  const signIn = useSessionStore((s) => s.signIn)
  const isLecturer = user?.role === 'lecturer'
  const list = useRequest(async () => (isLecturer ? getAssignedOrders() : []), [isLecturer, user?.id])
  const lecturers = useRequest(async () => {
    const topics = await getLectureTopics()
    const byId = new Map(topics.flatMap((t) => t.lecturers).map((l) => [l.id, l]))
    return [...byId.values()]
  }, [])
  const [switching, setSwitching] = useState(false)

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

  const linked = lecturers.data?.some((l) => l.name === user.nickname)
  // 开发模式: a lecturer account is linked to the menu's lecturer of the same name
  const becomeLecturer = async (name: string) => {
    setSwitching(true)
    try {
      signIn(await api.call('POST /auth/dev', { body: { role: 'lecturer', name } }))
    } catch {
      void Taro.showToast({ title: '切换失败，请重试', icon: 'none' })
    } finally {
      setSwitching(false)
    }
  }

  return (
    <ThemePage>
      {lecturers.data && !linked ? (
        <View className='lec-card'>
          <Text className='lec-card__title'>选择宣讲员身份（开发模式）</Text>
          <Text className='lec-card__meta'>当前账号“{user.nickname}”不在宣讲员名单中。选择一位宣讲员，以其身份登录：</Text>
          <View className='lec-choices' style={{ marginTop: '8px' }}>
            {lecturers.data.map((l) => (
              <View key={l.id} className='lec-choice' role='button' aria-disabled={switching} onClick={() => !switching && becomeLecturer(l.name)}>
                {l.name}
              </View>
            ))}
          </View>
        </View>
      ) : null}
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
