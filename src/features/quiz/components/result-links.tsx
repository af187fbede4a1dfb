import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/** after a result: the campaign's 排行榜, or 再答一次 from its page */
export function ResultLinks({ campaignId }: { campaignId: string }) {
  return (
    <View className='quiz-actions'>
      <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.quizLeaderboard(campaignId) })}>
        查看排行榜
      </Button>
      <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.redirectTo({ url: routes.quizDetail(campaignId) })}>
        再答一次
      </Button>
    </View>
  )
}
