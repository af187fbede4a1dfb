import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { usePagedList } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { SearchBar } from '@/components/search-bar'
import { Skeleton } from '@/components/skeleton'
import { useTopics } from '@/features/topics/use-topics'
import { embeddedVideos, getVideos } from '@/features/videos/api/get-videos'
import { VideoCard } from '@/features/videos/components/video-card'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTabBarSelection } from '@/custom-tab-bar/use-tab-bar-selection'

export default function VideosPage() {
  useTabBarSelection(routes.videos)
  const [topic, setTopic] = useState<string>()
  const { topics } = useTopics()
  // H5: the first page the server-drawn first screen came with is drawn by the first render
  const list = usePagedList((page) => getVideos({ topic, page, pageSize: 10 }), [topic], { initial: () => embeddedVideos({ topic, page: 1, pageSize: 10 }) })

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // H5: the first screen the server drew goes once this page shows its own cards, empty state or error
  useDismissFirstScreen(!list.loading || list.items.length > 0 || Boolean(list.error))

  return (
    <ThemePage>
      <SearchBar placeholder='搜视频和网络课堂' onTap={() => Taro.navigateTo({ url: routes.search({ type: 'video' }) })} />
      <View className='page__filters'>
        <ChipBar options={topics} value={topic} onChange={setTopic} />
      </View>
      {list.loading && list.items.length === 0 ? <Skeleton rows={3} /> : null}
      {list.error && list.items.length === 0 ? <ErrorState message={list.error.message} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState title='这个专题还没有视频' hint='看看其他专题吧' /> : null}
      <View className='videos__courses' role='link' onClick={() => Taro.navigateTo({ url: routes.courses })}>
        网络课堂：系统学政策 ›
      </View>
      <View className='videos__grid'>
        {list.items.map((v) => (
          <VideoCard key={v.id} video={v} onOpen={(id) => Taro.navigateTo({ url: routes.videoFeed(id, topic) })} />
        ))}
      </View>
      <ListFooter loading={list.loading} hasMore={list.hasMore} error={list.error?.message} count={list.items.length} onRetry={list.loadMore} />
    </ThemePage>
  )
}
