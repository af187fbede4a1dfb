import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro'
import { usePagedList, useRequest } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { SearchBar } from '@/components/search-bar'
import { Skeleton } from '@/components/skeleton'
import { getDepartments } from '@/features/policies/api/get-departments'
import { getPolicies } from '@/features/policies/api/get-policies'
import { PolicyCard } from '@/features/policies/components/policy-card'
import { PolicyFilters } from '@/features/policies/components/policy-filters'
import { useTopics } from '@/features/topics/use-topics'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

interface Filters {
  q?: string
  topic?: string
  dept?: string
}

export default function PolicyListPage() {
  const { params } = useRouter()
  const [filters, setFilters] = useState<Filters>({
    q: params.q ? decodeURIComponent(params.q) : undefined,
    topic: params.topic || undefined,
    dept: params.dept ? decodeURIComponent(params.dept) : undefined,
  })
  const { topics, nameOf } = useTopics()
  const departments = useRequest(getDepartments, [])
  const list = usePagedList((page) => getPolicies({ ...filters, page, pageSize: 10 }), [filters.q, filters.topic, filters.dept])

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useShareAppMessage(() => ({ title: '政策通 · 台州政策库', path: routes.policyList(filters) }))

  const open = (id: string) => Taro.navigateTo({ url: routes.policyDetail(id) })
  const filtered = Boolean(filters.q || filters.topic || filters.dept)
  const firstLoad = list.loading && list.items.length === 0

  return (
    <ThemePage className='policy-list'>
      <SearchBar value={filters.q} placeholder='搜索政策标题、文号、关键词' onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} />
      <PolicyFilters
        topics={topics}
        departments={departments.data ?? []}
        topic={filters.topic}
        dept={filters.dept}
        onChange={(next) => setFilters((f) => ({ ...f, ...next }))}
      />
      {!list.loading && !list.error ? (
        <View className='policy-list__count' role='status'>
          {filters.q ? `“${filters.q}”` : ''}共 {list.total} 条政策
        </View>
      ) : null}
      {firstLoad ? <Skeleton rows={4} /> : null}
      {list.error && list.items.length === 0 ? <ErrorState message={list.error.message} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <EmptyState
          title='没有找到相关政策'
          hint={filtered ? '换个关键词，或清除筛选条件试试' : '政策库暂无内容'}
          actionText={filtered ? '清除筛选' : undefined}
          onAction={() => setFilters({})}
        />
      ) : null}
      {list.items.map((p) => (
        <PolicyCard key={p.id} policy={p} topicName={nameOf(p.topic)} onOpen={open} />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} error={list.error?.message} count={list.items.length} onRetry={list.loadMore} />
    </ThemePage>
  )
}
