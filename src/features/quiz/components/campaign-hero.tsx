import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import type { Campaign } from '@common/contract'
import { useNow } from '../hooks/use-now'
import { campaignEndedHero, campaignStatusLabel, campaignStatusTone, campaignTimeLeft } from '@common/labels/campaign-status'
import './campaign-hero.scss'

/** 距结束 3天5小时 / 距开始 … / 已结束 */
function timing(c: Campaign, now: Date): string {
  return campaignTimeLeft(c, now) ?? campaignEndedHero
}

/** the top of a campaign's page: cover, title, department, status with a live countdown, description */
export function CampaignHero({ campaign: c }: { campaign: Campaign }) {
  const now = useNow(1000)
  return (
    <Card layout='flush' padding='none' className='quiz-hero'>
      <Image className='quiz-hero__cover' src={mediaUrl(c.cover)} mode='aspectFill' aria-hidden />
      <View className='quiz-hero__body'>
        <Text className='quiz-hero__title'>{c.title}</Text>
        <Text className='quiz-hero__dept'>{c.department}</Text>
        <View className='quiz-hero__timing'>
          <Tag tone={campaignStatusTone[c.status]}>{campaignStatusLabel[c.status]}</Tag>
          <Text>{timing(c, now)}</Text>
        </View>
        <Text className='quiz-hero__desc'>{c.description}</Text>
      </View>
    </Card>
  )
}
