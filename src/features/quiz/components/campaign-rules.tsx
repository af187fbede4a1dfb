import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { Campaign } from '@common/contract'
import { campaignRuleRows } from '@common/labels/campaign-rules'
import { formatDateTime } from '../format'
import './campaign-rules.scss'

/** 竞赛规则: the time window and every rule the server enforces, in plain words. */
export function CampaignRules({ campaign, regionNames }: { campaign: Campaign; regionNames: (codes: string[]) => string }) {
  const rows = campaignRuleRows(campaign, { dateTime: formatDateTime, regionNames })
  return (
    <Card title='竞赛规则' className='campaign-rules'>
      {rows.map(([k, v]) => (
        <View className='campaign-rules__row' key={k}>
          <Text className='campaign-rules__key'>{k}</Text>
          <Text className='campaign-rules__value'>{v}</Text>
        </View>
      ))}
    </Card>
  )
}
