import { LoginNeeded } from '@/components/login-needed'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getMyConsultations } from '@/features/consultations/api/consultations'
import { ConsultationCard } from '@/features/consultations/components/consultation-card'
import { useTopics } from '@/features/topics/use-topics'
import { routes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function MyConsultationsPage() {
  const token = useSessionStore((s) => s.token)
  // opened from 我的消息: the consultation the message is about is outlined
  const focusId = useRouter().params.id
  const { nameOf } = useTopics()
  const list = useRequest(async () => (token ? getMyConsultations() : []), [token])

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })

  if (!token) {
    return <LoginNeeded what='查看您的咨询' />
  }
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) return <ErrorState message={list.error.message} onRetry={list.reload} />
  return (
    <ThemePage>
      {list.data?.length === 0 ? (
        <EmptyState
          title='还没有咨询记录'
          hint='有政策问题，可以直接向主管部门咨询'
          actionText='我要咨询'
          onAction={() => Taro.navigateTo({ url: routes.consult() })}
        />
      ) : null}
      {list.data?.map((c) => (
        <ConsultationCard key={c.id} item={c} topicName={nameOf(c.topic)} highlighted={c.id === focusId} />
      ))}
    </ThemePage>
  )
}
