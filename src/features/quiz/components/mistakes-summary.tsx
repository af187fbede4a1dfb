import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/** the 错题本's head: how many, 全部重练 when any can be practised, and why the others cannot yet */
export function MistakesSummary({ count, open }: { count: number; open: number }) {
  return (
    <>
      <View className='section__title'>共 {count} 道错题 · 连续答对两次即移出</View>
      {open > 0 ? (
        <View className='quiz-actions'>
          <Button role='button' className='quiz-btn' onClick={() => Taro.navigateTo({ url: routes.quizPractice({ source: 'mistakes' }) })}>
            全部重练
          </Button>
        </View>
      ) : null}
      {open < count ? (
        <Card className='quiz-review-note'>
          <Text className='quiz-review-note__text' role='note'>
            {count - open} 道题正用于进行中或即将开始的竞赛，竞赛结束后公布答案并可重练
          </Text>
        </Card>
      ) : null}
    </>
  )
}
