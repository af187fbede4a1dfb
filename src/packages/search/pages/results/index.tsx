import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro'
import { usePagedList, useRequest } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { SearchBar } from '@/components/search-bar'
import { Skeleton } from '@/components/skeleton'
import { SEARCH_QUERY_MAX, SEARCH_TYPES, searchTypeLabel, type SearchHit, type SearchType } from '@common/contract'
import { searchAll } from '@/features/search/api/search-all'
import { SearchAnswerCard } from '@/features/search/components/search-answer-card'
import { SearchHitCard } from '@/features/search/components/search-hit-card'
import { SearchNextSteps } from '@/features/search/components/search-next-steps'
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

function openHit(hit: SearchHit) {
  const url = {
    policy: () => routes.policyDetail(hit.id),
    interpretation: () => routes.interpretationDetail(hit.id),
    faq: () => routes.qa(hit.title),
    video: () => routes.videoPlay(hit.id),
    course: () => routes.courseDetail(hit.id),
  }[hit.type]()
  void Taro.navigateTo({ url })
}

/** One type's hits, ten at a time (「查看全部」 and the type tabs) */
function TypeResults({ q, type }: { q: string; type: SearchType }) {
  const list = usePagedList(async (page) => (await searchAll({ q, types: type, page })).groups[0], [q, type])
  useReachBottom(() => {
    void list.loadMore()
  })
  if (list.error && list.items.length === 0) return <ErrorState message={list.error.message} onRetry={list.refresh} />
  return (
    <>
      {list.loading && list.items.length === 0 ? <Skeleton rows={3} label='正在搜索' /> : null}
      {!list.loading && list.items.length === 0 ? <View className='search-page__none' role='status'>{`没有找到相关${searchTypeLabel[type]}`}</View> : null}
      {list.items.map((hit) => (
        <SearchHitCard key={hit.id} hit={hit} onOpen={openHit} />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} error={list.error?.message} count={list.items.length} onRetry={list.loadMore} />
    </>
  )
}

export default function SearchPage() {
  const params = useRouter().params
  const [q, setQ] = useState(() => routeQuery(params.q))
  const [tab, setTab] = useState<SearchType | undefined>(isType(params.type) ? params.type : undefined)
  const overview = useRequest(async () => (q ? searchAll({ q }) : undefined), [q])

  useShareAppMessage(() => ({ title: q ? `政策通 · 搜索“${q}”` : '政策通 · 搜索', path: routes.search({ q }) }))

  const search = (text: string) => setQ(text.slice(0, SEARCH_QUERY_MAX))
  const ask = () => Taro.navigateTo({ url: routes.qa(q) })
  const consult = () => Taro.navigateTo({ url: routes.consult({ q }) })
  const result = overview.data
  const counts = new Map(result?.groups.map((g) => [g.type, g.total]))
  const chips = SEARCH_TYPES.map((t) => ({ id: t, name: counts.has(t) ? `${searchTypeLabel[t]} ${counts.get(t)}` : searchTypeLabel[t] }))
  const nothing = Boolean(result && result.total === 0 && !result.answer)

  return (
    <ThemePage className='search-page'>
      <SearchBar value={q} placeholder='搜政策、解读、问答、视频' autoFocus={!q} onSearch={search} />
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

      {q && !tab ? (
        <>
          {overview.loading && !result ? <Skeleton rows={3} label='正在搜索' /> : null}
          {overview.error && !result ? <ErrorState message={overview.error.message} onRetry={overview.reload} /> : null}
          {result?.answer ? (
            <SearchAnswerCard
              answer={result.answer}
              onOpen={() => Taro.navigateTo({ url: routes.qa(result.answer!.hit.faq.question) })}
              onOpenPolicy={(id) => Taro.navigateTo({ url: routes.policyDetail(id) })}
              onOpenInterpretation={(id) => Taro.navigateTo({ url: routes.interpretationDetail(id) })}
            />
          ) : null}
          {result?.groups.map((g) => {
            // the answer on top is the FAQ group's first hit: not shown twice
            const items = g.items.filter((hit) => !(hit.type === 'faq' && hit.id === result.answer?.hit.faq.id))
            if (!items.length) return null
            return (
              <View key={g.type} className='search-page__group' data-testid={`search-group-${g.type}`}>
                <View className='section__title' role='heading' aria-level={2}>
                  <Text>{`${searchTypeLabel[g.type]} · ${g.total} 条`}</Text>
                  {g.total > g.items.length ? (
                    <View className='section__more' role='link' onClick={() => setTab(g.type)}>
                      {`查看全部 ${g.total} 条 ›`}
                    </View>
                  ) : null}
                </View>
                {items.map((hit) => (
                  <SearchHitCard key={hit.id} hit={hit} onOpen={openHit} />
                ))}
              </View>
            )
          })}
          {result ? <SearchNextSteps q={q} empty={nothing} onAsk={ask} onConsult={consult} /> : null}
        </>
      ) : null}
    </ThemePage>
  )
}
