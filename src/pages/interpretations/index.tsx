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
import type { InterpretationSummary } from '@common/contract'
import { embeddedInterpretations, getInterpretations } from '@/features/interpretations/api/get-interpretations'
import { InterpretationCard } from '@/features/interpretations/components/interpretation-card'
import { useTopics } from '@/features/topics/use-topics'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { routes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useTabBarSelection } from '@/custom-tab-bar/use-tab-bar-selection'

export default function InterpretationsPage() {
  useTabBarSelection(routes.interpretations)
  const [topic, setTopic] = useState<string>()
  const { topics } = useTopics()
  // H5: the first page the server-drawn first screen came with is drawn by the first render
  const list = usePagedList((page) => getInterpretations({ topic, page, pageSize: 10 }), [topic], {
    initial: () => embeddedInterpretations({ topic, page: 1, pageSize: 10 }),
  })

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // H5: the first screen the server drew goes once this page shows its own cards, empty state or error
  useDismissFirstScreen(!list.loading || list.items.length > 0 || Boolean(list.error))
  const open = (item: InterpretationSummary) => Taro.navigateTo({ url: routes.interpretationDetail(item.id) })

  return (
    <ThemePage>
      <SearchBar placeholder='搜解读：高龄津贴、医保缴费…' onTap={() => Taro.navigateTo({ url: routes.search({ type: 'interpretation' }) })} />
      <View className='page__filters'>
        <ChipBar options={topics} value={topic} onChange={setTopic} />
      </View>
      {list.loading && list.items.length === 0 ? <Skeleton rows={4} /> : null}
      {list.error && list.items.length === 0 ? <ErrorState message={list.error.message} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <EmptyState title='这个专题还没有解读' hint='看看其他专题吧' /> : null}
      {list.items.map((item) => (
        <InterpretationCard key={item.id} item={item} onOpen={open} />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} error={list.error?.message} count={list.items.length} onRetry={list.loadMore} />
    </ThemePage>
  )
}
