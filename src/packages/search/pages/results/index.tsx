import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { ErrorState } from '@/components/error-state'
import { SearchBar } from '@/components/search-bar'
import { Skeleton } from '@/components/skeleton'
import { SEARCH_QUERY_MAX, SEARCH_TYPES, searchTypeLabel, type SearchType } from '@common/contract'
import { searchAll } from '@/features/search/api/search-all'
import { OverviewResults, TypeResults } from '@/features/search/components/search-results'
import { routes } from '@/utils/routes'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import './index.scss'

const isType = (t: string | undefined): t is SearchType => SEARCH_TYPES.includes(t as SearchType)

/** the route's `q`, decoded once (a stray `%` is taken as it is) */
function routeQuery(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).slice(0, SEARCH_QUERY_MAX)
  } catch {
    return raw.slice(0, SEARCH_QUERY_MAX)
  }
}

/** 一站搜索: policies, interpretations, FAQs, videos and courses at once, or one type at a time */
export default function SearchPage() {
  const params = useRouter().params
  const [q, setQ] = useState(() => routeQuery(params.q))
  const [tab, setTab] = useState<SearchType | undefined>(isType(params.type) ? params.type : undefined)
  const overview = useRequest(async () => (q ? searchAll({ q }) : undefined), [q])

  useShareAppMessage(() => ({ title: q ? `政策通 · 搜索“${q}”` : '政策通 · 搜索', path: routes.search({ q }) }))

  const result = overview.data
  const counts = new Map(result?.groups.map((g) => [g.type, g.total]))
  const chips = SEARCH_TYPES.map((t) => ({ id: t, name: counts.has(t) ? `${searchTypeLabel[t]} ${counts.get(t)}` : searchTypeLabel[t] }))

  return (
    <ThemePage className='search-page'>
      <SearchBar value={q} placeholder='搜政策、解读、问答、视频' autoFocus={!q} onSearch={(text) => setQ(text.slice(0, SEARCH_QUERY_MAX))} />
      {q ? (
        <View className='search-page__tabs'>
          <ChipBar options={chips} value={tab} allLabel={result ? `全部 ${result.total}` : '全部'} onChange={(t) => setTab(isType(t) ? t : undefined)} />
        </View>
      ) : (
        <View className='search-page__intro'>
          <Text>一次搜索政策文件、图解解读、简明问答、短视频和网络课堂。</Text>
        </View>
      )}
      {q && tab ? <TypeResults q={q} type={tab} /> : null}
      {q && !tab && overview.loading && !result ? <Skeleton rows={3} label='正在搜索' /> : null}
      {q && !tab && overview.error && !result ? <ErrorState message={overview.error.message} onRetry={overview.reload} /> : null}
      {q && !tab && result ? <OverviewResults q={q} result={result} onShowType={setTab} /> : null}
    </ThemePage>
  )
}
