import { useEffect, useRef } from 'react'
import { LoginNeeded } from '@/components/login-needed'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest, useSessionStore } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { getMyConsultations } from '@/features/consultations/api/consultations'
import { ConsultationCard } from '@/features/consultations/components/consultation-card'
import { isPendingConsultation, PendingConsultation } from '@/features/consultations/components/pending-consultation'
import { useOutbox } from '@/api/use-outbox'
import type { OutboxEntry } from '@/api'
import { useTopics } from '@/features/topics/use-topics'
import { routes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function MyConsultationsPage() {
  const token = useSessionStore((s) => s.token)
  // opened from 我的消息: the consultation the message is about is outlined
  const focusId = useRouter().params.id
  const { nameOf } = useTopics()
  const list = useRequest(async () => (token ? getMyConsultations() : []), [token])
  // asked offline: on the device until sent (then the server's list has it)
  const pending = useOutbox().mine.filter(isPendingConsultation)
  const pendingCount = pending.length

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (list.data) void list.reload()
  })
  // one went out from 待发送: read the list again so it shows up there
  const seenPending = useRef(pendingCount)
  const reload = list.reload
  useEffect(() => {
    if (pendingCount < seenPending.current) void reload()
    seenPending.current = pendingCount
  }, [pendingCount, reload])

  if (!token) {
    return <LoginNeeded what='查看您的咨询' />
  }
  // an entry whose answer was lost is stored already: the server's copy stands for it until the replay clears it
  const stored = (e: OutboxEntry) =>
    (list.data ?? []).some((c) => c.question === (e.body as { question?: string } | undefined)?.question && Date.parse(c.createdAt) >= e.createdAt - 60_000)
  const pendingCards = pending
    .filter((e) => !stored(e))
    .map((e) => <PendingConsultation key={e.id} entry={e} topicName={nameOf((e.body as { topic?: string } | undefined)?.topic ?? '')} />)
  if (list.loading && !list.data) return <Skeleton rows={3} />
  if (list.error && !list.data) {
    return (
      <ThemePage>
        {pendingCards}
        <ErrorState message={list.error.message} onRetry={list.reload} />
      </ThemePage>
    )
  }
  return (
    <ThemePage>
      {pendingCards}
      {list.data?.length === 0 && pendingCards.length === 0 ? (
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
