import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import type { AttemptResult } from '@common/contract'
import { routes } from '@/utils/routes'
import { formatDateTime } from '../format'
import { ReviewList } from './review-list'
import '../quiz.scss'

/**
 * 答题解析 under a result, or 答题情况 while the campaign runs: the keys are withheld until its end
 * (a note says when, and how many questions it concerns).
 */
export function ResultReview({ result }: { result: AttemptResult }) {
  const withheld = result.keyWithheld
  return (
    <>
      <View className='section__title'>{withheld?.questions === result.total ? '答题情况' : '答题解析'}</View>
      {withheld ? (
        <Card className='quiz-review-note'>
          <Text className='quiz-review-note__text' role='note'>
            竞赛结束后公布正确答案和解析{withheld.until ? `（${formatDateTime(withheld.until)} 后）` : ''}
            {withheld.questions < result.total ? `，本次有 ${withheld.questions} 道题暂不公布` : ''}
          </Text>
        </Card>
      ) : null}
      <ReviewList review={result.review} onOpenInterpretation={(iid) => Taro.navigateTo({ url: routes.interpretationDetail(iid) })} />
    </>
  )
}
