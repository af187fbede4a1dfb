import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Campaign } from '@common/contract'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/** at a campaign's foot: its 排行榜, and 练习 on its topic (when it has one) */
export function CampaignLinks({ campaign: c }: { campaign: Campaign }) {
  return (
    <View className='quiz-actions'>
      <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.navigateTo({ url: routes.quizLeaderboard(c.id) })}>
        排行榜
      </Button>
      <Button
        role='button'
        className='quiz-btn quiz-btn--ghost'
        onClick={() => Taro.navigateTo({ url: routes.quizPractice({ topic: c.topics.length === 1 ? c.topics[0] : undefined }) })}
      >
        练习
      </Button>
    </View>
  )
}
