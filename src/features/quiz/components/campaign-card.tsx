import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api'
import { Card } from '@/components/card'
import type { CampaignStatus, CampaignSummary } from '@common/contract'
import { Tag, type TagTone } from '@/components/tag'
import { countdown, formatDate } from '@/utils/date'
import { formatCount } from '@/utils/format'
import './campaign-card.scss'

export const campaignStatusLabel: Record<CampaignStatus, string> = { ongoing: '进行中', upcoming: '即将开始', ended: '已结束' }
const tone: Record<CampaignStatus, TagTone> = { ongoing: 'success', upcoming: 'warning', ended: 'neutral' }

function timing(c: CampaignSummary, now: Date): string {
  if (c.status === 'ongoing') return `距结束 ${countdown(c.endsAt, now) || '不足1分钟'}`
  if (c.status === 'upcoming') return `距开始 ${countdown(c.startsAt, now) || '不足1分钟'}`
  return `已于 ${formatDate(c.endsAt)} 结束`
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
            <Tag tone={tone[campaign.status]}>{campaignStatusLabel[campaign.status]}</Tag>
            <Text className='campaign-card__timing'>{timing(campaign, now)}</Text>
          </View>
          <Text className='campaign-card__people'>{formatCount(campaign.participants)} 人参与</Text>
        </View>
      </View>
    </Card>
  )
}
