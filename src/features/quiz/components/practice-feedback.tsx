import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import type { PracticeFeedback as Feedback, PracticeQuestion } from '@common/contract'
import { routes } from '@/utils/routes'
import '../quiz.scss'
import './practice-feedback.scss'

/** a practice answer checked: right or wrong, the right answer, the explanation, the 错题本 and the interpretation */
export function PracticeFeedback({ question, feedback }: { question: PracticeQuestion; feedback: Feedback }) {
  const text = (keys: string[]) => keys.map((k) => question.options.find((o) => o.key === k)?.text ?? k).join('、')
  const { mistake, interpretationId } = feedback
  return (
    <Card className='quiz-feedback'>
      <View role='status'>
        <Text className={`quiz-feedback__verdict ${feedback.isCorrect ? 'quiz-feedback__verdict--ok' : 'quiz-feedback__verdict--bad'}`}>
          {feedback.isCorrect ? '回答正确' : '回答错误'}
        </Text>
        <Text className='quiz-feedback__text'>正确答案：{text(feedback.correct)}</Text>
        <Text className='quiz-feedback__text'>解析：{feedback.explanation}</Text>
        {mistake.removed ? <Text className='quiz-feedback__text'>已连续答对两次，移出错题本</Text> : null}
        {!mistake.removed && mistake.inBook ? (
          <Text className='quiz-feedback__text'>{mistake.streak === 1 ? '再答对 1 次即可移出错题本' : '已收入错题本'}</Text>
        ) : null}
        {interpretationId ? (
          <Text className='quiz-link' role='link' onClick={() => Taro.navigateTo({ url: routes.interpretationDetail(interpretationId) })}>
            查看政策解读 ›
          </Text>
        ) : null}
      </View>
    </Card>
  )
}

/** the server would not check the answer (a contest now uses the question): why, in place */
export function PracticeRefusal({ message }: { message: string }) {
  return (
    <Card className='quiz-feedback'>
      <View role='alert'>
        <Text className='quiz-feedback__text'>{message}</Text>
      </View>
    </Card>
  )
}
