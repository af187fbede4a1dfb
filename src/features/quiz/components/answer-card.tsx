import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import './answer-card.scss'

export interface AnswerCardProps {
  questionIds: string[]
  answers: Record<string, string[]>
  timedOut: string[]
  current: number
  onJump: (index: number) => void
}

/** 答题卡: every question's number, answered or not, to jump to it. */
export function AnswerCard({ questionIds, answers, timedOut, current, onJump }: AnswerCardProps) {
  const answered = questionIds.filter((id) => (answers[id] ?? []).length > 0).length
  return (
    <Card className='answer-card'>
      <Text className='answer-card__title'>
        答题卡 · 已答 {answered}/{questionIds.length}
      </Text>
      <View className='answer-card__grid'>
        {questionIds.map((id, i) => {
          const done = (answers[id] ?? []).length > 0
          const out = timedOut.includes(id)
          const state = out ? '已超时' : done ? '已答' : '未答'
          return (
            <View
              key={id}
              role='button'
              aria-label={`第${i + 1}题，${state}`}
              aria-current={i === current || undefined}
              className={`answer-card__cell ${done ? 'answer-card__cell--done' : ''} ${out ? 'answer-card__cell--out' : ''} ${i === current ? 'answer-card__cell--current' : ''}`}
              onClick={() => onJump(i)}
            >
              {i + 1}
            </View>
          )
        })}
      </View>
    </Card>
  )
}
