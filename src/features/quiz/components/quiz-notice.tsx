import { Button, Text } from '@tarojs/components'
import { Card } from '@/components/card'
import '../quiz.scss'

export interface QuizNoticeProps {
  title: string
  line?: string
  action: { label: string; onTap: () => void }
}

/** a page that has nothing else to show: what happened (an attempt timed out, not yet submitted) and the way on */
export function QuizNotice({ title, line, action }: QuizNoticeProps) {
  return (
    <Card className='quiz-card--gap-above'>
      <Text className='quiz-panel__title'>{title}</Text>
      {line ? <Text className='quiz-panel__line'>{line}</Text> : null}
      <Button role='button' className='quiz-btn' onClick={action.onTap}>
        {action.label}
      </Button>
    </Card>
  )
}
