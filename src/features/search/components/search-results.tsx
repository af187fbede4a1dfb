import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { usePagedList } from '@/api'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { Skeleton } from '@/components/skeleton'
import { searchTypeLabel, type SearchHit, type SearchResult, type SearchType } from '@common/contract'
import { routes } from '@/utils/routes'
import { searchAll } from '../api/search-all'
import { SearchAnswerCard } from './search-answer-card'
import { SearchHitCard } from './search-hit-card'
import { SearchNextSteps } from './search-next-steps'

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
export function TypeResults({ q, type }: { q: string; type: SearchType }) {
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

/** 全部: the sure answer on top, then each type's first hits with 查看全部, then where to go next */
export function OverviewResults({ q, result, onShowType }: { q: string; result: SearchResult; onShowType: (type: SearchType) => void }) {
  const answer = result.answer
  return (
    <>
      {answer ? (
        <SearchAnswerCard
          answer={answer}
          onOpen={() => Taro.navigateTo({ url: routes.qa(answer.hit.faq.question) })}
          onOpenPolicy={(id) => Taro.navigateTo({ url: routes.policyDetail(id) })}
          onOpenInterpretation={(id) => Taro.navigateTo({ url: routes.interpretationDetail(id) })}
        />
      ) : null}
      {result.groups.map((g) => {
        // the answer on top is the FAQ group's first hit: not shown twice
        const items = g.items.filter((hit) => !(hit.type === 'faq' && hit.id === answer?.hit.faq.id))
        if (!items.length) return null
        return (
          <View key={g.type} className='search-page__group' data-testid={`search-group-${g.type}`}>
            <View className='section__title' role='heading' aria-level={2}>
              <Text>{`${searchTypeLabel[g.type]} · ${g.total} 条`}</Text>
              {g.total > g.items.length ? (
                <View className='section__more' role='link' onClick={() => onShowType(g.type)}>
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
      <SearchNextSteps
        q={q}
        empty={result.total === 0 && !answer}
        onAsk={() => Taro.navigateTo({ url: routes.qa(q) })}
        onConsult={() => Taro.navigateTo({ url: routes.consult({ q }) })}
      />
    </>
  )
}
