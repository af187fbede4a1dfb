import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { routes } from '@/utils/routes'
import '../quiz.scss'

/** the end of a practice set: how many were right, 再练一组 or the 错题本 */
export function PracticeDone({ right, total, onAgain }: { right: number; total: number; onAgain: () => void }) {
  return (
    <Card>
      <Text className='quiz-panel__title'>
        本组练习完成：答对 {right}/{total} 题
      </Text>
      <Button role='button' className='quiz-btn' onClick={onAgain}>
        再练一组
      </Button>
      <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => Taro.redirectTo({ url: routes.quizMistakes })}>
        查看错题本
      </Button>
    </Card>
  )
}
