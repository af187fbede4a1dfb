import { Text, View } from '@tarojs/components'
import { hasKey, type QuizReviewItem } from '@common/contract'
import { QuestionView } from './question-view'
import './review-list.scss'

/**
 * 答题解析: every question with the participant's answer and whether it was right; the right answer,
 * the explanation and the interpretation link only where the server sent them (a question's key is
 * withheld while a campaign using it is upcoming or running).
 */
export function ReviewList({ review, onOpenInterpretation }: { review: QuizReviewItem[]; onOpenInterpretation: (id: string) => void }) {
  const texts = (q: QuizReviewItem, keys: string[]) => keys.map((k) => q.options.find((o) => o.key === k)?.text ?? k).join('、')
  return (
    <View className='review-list'>
      {review.map((q, i) => {
        const keyed = hasKey(q) ? q : undefined
        return (
          <QuestionView key={q.id} className='review-item' question={q} index={i} total={review.length} chosen={q.chosen} correct={keyed?.correct} locked>
            <View className='review-item__verdict'>
              <Text className={q.isCorrect ? 'review-item__ok' : 'review-item__bad'}>{q.isCorrect ? '回答正确' : q.chosen.length ? '回答错误' : '未作答'}</Text>
              {keyed ? (
                <>
                  <Text className='review-item__keys'>
                    正确答案：{texts(q, keyed.correct)}
                    {q.chosen.length && !q.isCorrect ? `；你的答案：${texts(q, q.chosen)}` : ''}
                  </Text>
                  <Text className='review-item__explain'>解析：{keyed.explanation}</Text>
                  {keyed.interpretationId ? (
                    <Text className='review-item__link' role='link' onClick={() => onOpenInterpretation(keyed.interpretationId!)}>
                      查看政策解读 ›
                    </Text>
                  ) : null}
                </>
              ) : q.chosen.length ? (
                <Text className='review-item__keys'>你的答案：{texts(q, q.chosen)}</Text>
              ) : null}
            </View>
          </QuestionView>
        )
      })}
    </View>
  )
}
