import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import type { CampaignSummary } from '@common/contract'
import { campaignStatusLabel, campaignStatusTone, campaignTimeLeft } from '@common/labels/campaign-status'
import { Tag } from '@/components/tag'
import { formatDate } from '@/utils/date'
import { formatCount } from '@/utils/format'
import './campaign-card.scss'

export { campaignStatusLabel }

function timing(c: CampaignSummary, now: Date): string {
  return campaignTimeLeft(c, now) ?? `已于 ${formatDate(c.endsAt)} 结束`
}

/** a campaign in a list: cover, title, status and countdown; the whole card is one link to it */
export function CampaignCard({ campaign, onOpen, now = new Date() }: { campaign: CampaignSummary; onOpen?: (id: string) => void; now?: Date }) {
  return (
    <Card padding='none' className='campaign-card'>
      <View className='campaign-card__link' role='link' aria-label={campaign.title} onClick={() => onOpen?.(campaign.id)}>
        <Image className='campaign-card__cover' src={mediaUrl(campaign.cover)} mode='aspectFill' lazyLoad aria-hidden />
        <View className='campaign-card__body'>
          <Text className='campaign-card__title'>{campaign.title}</Text>
          <Text className='campaign-card__dept'>{campaign.department}</Text>
          <View className='campaign-card__meta'>
            <Tag tone={campaignStatusTone[campaign.status]}>{campaignStatusLabel[campaign.status]}</Tag>
            <Text className='campaign-card__timing'>{timing(campaign, now)}</Text>
          </View>
          <Text className='campaign-card__people'>{formatCount(campaign.participants)} 人参与</Text>
        </View>
      </View>
    </Card>
  )
}
