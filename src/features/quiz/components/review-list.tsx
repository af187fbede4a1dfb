import { Text, View } from '@tarojs/components'
import type { QuizQuestionReview } from '@/contract'
import { QuestionView } from './question-view'
import './review-list.scss'

/** 答题解析: every question with the participant's answer, the right one and the explanation. */
export function ReviewList({ review, onOpenInterpretation }: { review: QuizQuestionReview[]; onOpenInterpretation: (id: string) => void }) {
  return (
    <View className='review-list'>
      {review.map((q, i) => (
        <View key={q.id} className='review-item'>
          <QuestionView question={q} index={i} total={review.length} chosen={q.chosen} correct={q.correct} locked />
          <View className='review-item__verdict'>
            <Text className={q.isCorrect ? 'review-item__ok' : 'review-item__bad'}>{q.isCorrect ? '回答正确' : q.chosen.length ? '回答错误' : '未作答'}</Text>
            <Text className='review-item__keys'>
              正确答案：{q.correct.map((k) => q.options.find((o) => o.key === k)?.text ?? k).join('、')}
              {q.chosen.length && !q.isCorrect ? `；你的答案：${q.chosen.map((k) => q.options.find((o) => o.key === k)?.text ?? k).join('、')}` : ''}
            </Text>
            <Text className='review-item__explain'>解析：{q.explanation}</Text>
            {q.interpretationId ? (
              <Text className='review-item__link' role='link' onClick={() => onOpenInterpretation(q.interpretationId!)}>
                查看政策解读 ›
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
