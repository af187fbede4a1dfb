import { minutesAndSeconds } from '@/utils/format'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { Campaign } from '@common/contract'
import { formatDateTime } from '../format'
import './campaign-rules.scss'

/** 竞赛规则: the time window and every rule the server enforces, in plain words. */
export function CampaignRules({ campaign, regionNames }: { campaign: Campaign; regionNames: (codes: string[]) => string }) {
  const r = campaign.rules
  const rows: [string, string][] = [
    ['活动时间', `${formatDateTime(campaign.startsAt)} 至 ${formatDateTime(campaign.endsAt)}`],
    [
      '每次答题',
      `${r.questionsPerAttempt} 道题（单选、多选、判断），每题 ${r.secondsPerQuestion} 秒，共 ${minutesAndSeconds(r.questionsPerAttempt * r.secondsPerQuestion)}`,
    ],
    ['每日次数', `每天最多 ${r.attemptsPerDay} 次（按北京时间计）`],
    ['计分规则', `满分 100 分，${r.scoreCounts === 'best' ? '取最好一次成绩' : '以最近一次成绩为准'}；同分用时少者在前，再同则先交卷者在前`],
    ['参与范围', regionNames(r.eligibleRegions)],
  ]
  if (r.prizes) rows.push(['奖励', r.prizes])
  if (r.certificate) rows.push(['证书', '完成答题即可生成参与证书图片'])
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
