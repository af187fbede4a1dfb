import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { routes } from '@/utils/routes'
import './quiz-entries.scss'

const entries = [
  { title: '练习', hint: '按主题答题，即时看解析', url: () => routes.quizPractice() },
  { title: '错题本', hint: '答错的题，重练巩固', url: () => routes.quizMistakes },
]

/** the 答题 tab's two ways besides the campaigns: 练习 and 错题本 */
export function QuizEntries() {
  return (
    <View className='quiz-entries'>
      {entries.map((e) => (
        <Card key={e.title} padding='none' className='quiz-entry'>
          <View className='quiz-entry__link' role='link' aria-label={`${e.title}：${e.hint}`} onClick={() => Taro.navigateTo({ url: e.url() })}>
            <Text className='quiz-entry__title'>{e.title}</Text>
            <Text className='quiz-entry__hint'>{e.hint}</Text>
          </View>
        </Card>
      ))}
    </View>
  )
}
