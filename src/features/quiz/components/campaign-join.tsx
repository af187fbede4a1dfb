import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { RegionPicker } from '@/components/region-picker'
import type { CampaignMe } from '@common/contract'
import { currentAppPath } from '@/utils/current-page'
import { routes } from '@/utils/routes'
import { useStartAttempt } from '../hooks/use-start-attempt'
import '../quiz.scss'

export interface CampaignJoinProps {
  campaignId: string
  signedIn: boolean
  /** the caller's standing (attempts left today, best score, a running attempt) */
  me: CampaignMe | undefined
  /** reloads `me` */
  onChanged: () => void
}

/** 参加竞赛 on a running campaign: sign in first, or the attempts left, the region to rank under and 开始答题 */
export function CampaignJoin({ campaignId, signedIn, me, onChanged }: CampaignJoinProps) {
  const { regionCode, setRegionCode, starting, start } = useStartAttempt(campaignId, me, onChanged)
  const usedUp = me?.attemptsLeftToday === 0 && !me.activeAttemptId
  return (
    <Card>
      <Text className='quiz-panel__title'>参加竞赛</Text>
      {!signedIn ? (
        <>
          <Text className='quiz-panel__line'>登录后即可答题，成绩计入排行榜</Text>
          <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.signIn(currentAppPath()) })}>
            去登录
          </Button>
        </>
      ) : (
        <>
          {me ? (
            <Text className='quiz-panel__line'>
              今天还可答 {me.attemptsLeftToday} 次（已答 {me.attemptsToday} 次）
              {me.counted ? ` · 计入成绩 ${me.counted.score} 分，排名第 ${me.rank} 名` : ''}
            </Text>
          ) : null}
          <Text className='quiz-panel__line'>所在地区（用于县市区、乡镇街道排名）</Text>
          <RegionPicker value={regionCode} onChange={setRegionCode} optional placeholder='选择所在地区（可选）' />
          <Button role='button' className='quiz-btn' loading={starting} disabled={starting || usedUp || undefined} onClick={start}>
            {me?.activeAttemptId ? '继续答题' : me?.attemptsLeftToday === 0 ? '今日次数已用完' : '开始答题'}
          </Button>
        </>
      )}
    </Card>
  )
}
