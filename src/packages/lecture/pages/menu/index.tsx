import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import type { LectureFormat } from '@common/contract'
import { embeddedLectureTopics, getLectureTopics } from '@/features/lectures/api/lectures'
import { TopicCard } from '@/features/lectures/components/topic-card'
import { useTopics } from '@/features/topics/use-topics'
import { lectureRoutes } from '@/utils/routes'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useDismissFirstScreen } from '@/utils/first-screen'

const FORMATS = [
  { id: 'onsite', name: '到村现场' },
  { id: 'online', name: '线上直播' },
]

const SHORTCUTS = [
  { name: '我的点单', url: () => lectureRoutes.mine },
  { name: '宣讲日历', url: () => lectureRoutes.calendar },
  { name: '现场签到', url: () => lectureRoutes.signIn() },
]

export default function LectureMenuPage() {
  const params = useRouter().params
  const { topics } = useTopics()
  const [topic, setTopic] = useState<string | undefined>(params.topic)
  const [format, setFormat] = useState<LectureFormat>()
  // H5: the list the server-drawn first screen came with is drawn by the first render
  const list = useRequest(() => getLectureTopics(topic), [topic], { initial: () => embeddedLectureTopics(topic) })
  // H5: the first screen the server drew goes once the page shows its list (or its error)
  useDismissFirstScreen(Boolean(list.data || list.error))

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const shown = (list.data ?? []).filter((t) => !format || t.formats.includes(format))

  return (
    <ThemePage>
      <View className='page__filters'>
        <ChipBar options={topics.map((t) => ({ id: t.id, name: t.name }))} value={topic} onChange={setTopic} />
        <ChipBar options={FORMATS} value={format} allLabel='全部形式' onChange={(f) => setFormat(f as LectureFormat | undefined)} />
      </View>
      <View className='lec-row' style={{ margin: '0 12px' }}>
        {SHORTCUTS.map((s) => (
          <View key={s.name} className='lec-link' role='link' onClick={() => Taro.navigateTo({ url: s.url() })}>
            {s.name} ›
          </View>
        ))}
      </View>
      {list.loading && !list.data ? <Skeleton rows={3} /> : null}
      {list.error && !list.data ? <ErrorState message={list.error.message} onRetry={list.reload} /> : null}
      {list.data && shown.length === 0 ? <EmptyState title='该领域暂无宣讲专题' hint='换个领域或形式看看' /> : null}
      <View role='list'>
        {shown.map((t) => (
          <TopicCard key={t.id} topic={t} onOrder={() => Taro.navigateTo({ url: lectureRoutes.order(t.id) })} />
        ))}
      </View>
    </ThemePage>
  )
}
