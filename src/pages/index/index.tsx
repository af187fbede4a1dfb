import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { SearchBar } from '@/components/search-bar'
import { Skeleton } from '@/components/skeleton'
import type { InterpretationSummary } from '@common/contract'
import { getHome } from '@/features/home/api/get-home'
import { TopicGrid } from '@/features/home/components/topic-grid'
import { HomeBanners } from '@/features/home/components/home-banners'
import { InterpretationCard } from '@/features/interpretations/components/interpretation-card'
import { PolicyCard } from '@/features/policies/components/policy-card'
import { CampaignCard } from '@/features/quiz/components/campaign-card'
import { ServicePointHome, type Tile } from '@/features/service-point/components/service-point-home'
import { useServicePointStore } from '@/features/service-point/stores/service-point-store'
import { useDismissFirstScreen } from '@/utils/first-screen'
import { lectureRoutes, routes } from '@/utils/routes'
import { confirmSwitchParticipant } from '../switch-participant'
import './index.scss'
import { ElderModeToggle } from '@/features/elder-mode/components/text-size'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

export default function HomePage() {
  const { data: home, error, loading, reload } = useRequest(getHome, [])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '政策通 · 看得懂的台州政策', path: routes.home }))

  const openInterpretation = (item: InterpretationSummary) => Taro.navigateTo({ url: routes.interpretationDetail(item.id) })
  const openPolicy = (id: string) => Taro.navigateTo({ url: routes.policyDetail(id) })
  const topicName = (id: string) => home?.topics.find((t) => t.id === id)?.name
  const servicePoint = useServicePointStore((s) => s.point)
  // H5: the first screen the server drew goes once this page shows its own
  useDismissFirstScreen(Boolean(servicePoint || home || error))

  if (servicePoint) {
    const tiles: Tile[] = [
      { label: '看解读', hint: '图解政策，一看就懂', icon: '读', tone: '#1659c7', onOpen: () => Taro.switchTab({ url: routes.interpretations }) },
      { label: '看视频', hint: '十几秒看懂一项政策', icon: '视', tone: '#0f8a7e', onOpen: () => Taro.switchTab({ url: routes.videos }) },
      { label: '问政策', hint: '有问题直接问，可代居民咨询', icon: '问', tone: '#c2410c', onOpen: () => Taro.navigateTo({ url: routes.qa() }) },
      { label: '约宣讲', hint: '为本村点一场政策宣讲', icon: '讲', tone: '#7048e8', onOpen: () => Taro.navigateTo({ url: lectureRoutes.menu() }) },
      { label: '来答题', hint: '政策知识竞赛', icon: '答', tone: '#2b8a3e', onOpen: () => Taro.switchTab({ url: routes.quiz }) },
    ]
    return (
      <ThemePage className='home home--service-point'>
        <View className='home__sp-top'>
          <ElderModeToggle />
        </View>
        <ServicePointHome point={servicePoint} tiles={tiles} onSwitch={() => void confirmSwitchParticipant()} />
      </ThemePage>
    )
  }

  return (
    <ThemePage className='home'>
      <View className='home__hero'>
        <View className='home__top'>
          <View className='home__titles'>
            <Text className='home__brand'>政策通</Text>
            <Text className='home__slogan'>台州政策，一看就懂</Text>
          </View>
          <ElderModeToggle />
        </View>
        <SearchBar placeholder='搜政策、解读、问答：社保卡、医保…' onTap={() => Taro.navigateTo({ url: routes.search() })} />
        <View className='home__ask' role='link' onClick={() => Taro.navigateTo({ url: routes.qa() })}>
          <Text className='home__ask-title'>有问题，直接问</Text>
          <Text className='home__ask-hint'>“我妈82岁了，高龄津贴每月能领多少？”</Text>
        </View>
      </View>

      {loading && !home ? <Skeleton rows={3} /> : null}
      {error && !home ? <ErrorState message={error.message} onRetry={reload} /> : null}

      {home ? (
        <>
          <HomeBanners banners={home.banners ?? []} />

          {home.featured.length > 0 ? (
            <>
              <View className='section__title' role='heading' aria-level={2}>
                <Text>精选解读</Text>
                <View className='section__more' role='link' onClick={() => Taro.switchTab({ url: routes.interpretations })}>
                  更多解读 ›
                </View>
              </View>
              <ScrollView scrollX className='home__featured' enhanced showScrollbar={false}>
                {home.featured.map((item) => (
                  <View key={item.id} className='home__featured-item'>
                    <InterpretationCard item={item} onOpen={openInterpretation} compact />
                  </View>
                ))}
              </ScrollView>
            </>
          ) : null}

          <View className='section__title' role='heading' aria-level={2}>
            <Text>政策专题</Text>
          </View>
          <TopicGrid topics={home.topics} onOpen={(topic) => Taro.navigateTo({ url: routes.policyList({ topic }) })} />

          <View className='section__title' role='heading' aria-level={2}>
            <Text>最新政策</Text>
            <View className='section__more' role='link' onClick={() => Taro.navigateTo({ url: routes.policyList() })}>
              政策库 ›
            </View>
          </View>
          {home.latestPolicies.map((p) => (
            <PolicyCard key={p.id} policy={p} topicName={topicName(p.topic)} onOpen={openPolicy} />
          ))}

          {home.campaigns.length > 0 ? (
            <>
              <View className='section__title' role='heading' aria-level={2}>
                <Text>正在进行的知识竞赛</Text>
                <View className='section__more' role='link' onClick={() => Taro.switchTab({ url: routes.quiz })}>
                  全部 ›
                </View>
              </View>
              {home.campaigns.map((c) => (
                <CampaignCard key={c.id} campaign={c} onOpen={() => Taro.switchTab({ url: routes.quiz })} />
              ))}
            </>
          ) : null}
        </>
      ) : null}
    </ThemePage>
  )
}
