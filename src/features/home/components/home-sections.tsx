import type { ReactNode } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Home, InterpretationSummary } from '@common/contract'
import { InterpretationCard } from '@/features/interpretations/components/interpretation-card'
import { PolicyCard } from '@/features/policies/components/policy-card'
import { CampaignCard } from '@/features/quiz/components/campaign-card'
import { routes } from '@/utils/routes'
import { HomeBanners } from './home-banners'
import { TopicGrid } from './topic-grid'

/** a section's heading, with its 更多 link when it has one */
function SectionTitle({ title, more, onMore }: { title: string; more?: string; onMore?: () => void }) {
  return (
    <View className='section__title' role='heading' aria-level={2}>
      <Text>{title}</Text>
      {more ? (
        <View className='section__more' role='link' onClick={onMore}>
          {more}
        </View>
      ) : null}
    </View>
  )
}

function Featured({ items }: { items: InterpretationSummary[] }): ReactNode {
  if (items.length === 0) return null
  const open = (item: InterpretationSummary) => Taro.navigateTo({ url: routes.interpretationDetail(item.id) })
  return (
    <>
      <SectionTitle title='精选解读' more='更多解读 ›' onMore={() => Taro.switchTab({ url: routes.interpretations })} />
      <ScrollView scrollX className='home__featured' enhanced showScrollbar={false}>
        {items.map((item) => (
          <View key={item.id} className='home__featured-item'>
            <InterpretationCard item={item} onOpen={open} compact />
          </View>
        ))}
      </ScrollView>
    </>
  )
}

/** 首页 once GET /home has answered: banners, 精选解读, 政策专题, 最新政策 and the ongoing 知识竞赛 */
export function HomeSections({ home }: { home: Home }) {
  const topicName = (id: string) => home.topics.find((t) => t.id === id)?.name
  const openPolicy = (id: string) => Taro.navigateTo({ url: routes.policyDetail(id) })
  return (
    <>
      <HomeBanners banners={home.banners ?? []} />
      <Featured items={home.featured} />

      <SectionTitle title='政策专题' />
      <TopicGrid topics={home.topics} onOpen={(topic) => Taro.navigateTo({ url: routes.policyList({ topic }) })} />

      <SectionTitle title='最新政策' more='政策库 ›' onMore={() => Taro.navigateTo({ url: routes.policyList() })} />
      {home.latestPolicies.map((p) => (
        <PolicyCard key={p.id} policy={p} topicName={topicName(p.topic)} onOpen={openPolicy} />
      ))}

      {home.campaigns.length > 0 ? (
        <>
          <SectionTitle title='正在进行的知识竞赛' more='全部 ›' onMore={() => Taro.switchTab({ url: routes.quiz })} />
          {home.campaigns.map((c) => (
            <CampaignCard key={c.id} campaign={c} onOpen={() => Taro.switchTab({ url: routes.quiz })} />
          ))}
        </>
      ) : null}
    </>
  )
}
