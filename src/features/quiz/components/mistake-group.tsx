import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import type { MistakeGroup as Group } from '@common/contract'
import { routes } from '@/utils/routes'
import { formatDateTime } from '../format'
import { questionTypeLabel } from './question-view'
import '../quiz.scss'
import './mistake-group.scss'

/** one policy's wrong answers in the 错题本, how often each was missed, and 重练本组 for those open to practice */
export function MistakeGroup({ group: g }: { group: Group }) {
  const open = g.items.filter((m) => !m.locked).length
  return (
    <Card className='quiz-group'>
      <View role='group' aria-label={g.policyTitle}>
        <Text className='quiz-group__title'>{g.policyTitle}</Text>
        {g.items.map((m) => (
          <View className='quiz-group__item' key={m.question.id}>
            <Text>{m.question.stem}</Text>
            <Text className='quiz-group__meta'>
              {questionTypeLabel[m.question.type]} · 答错 {m.wrongCount} 次{m.streak > 0 ? ` · 已连续答对 ${m.streak} 次` : ''}
              {m.locked ? ` · 竞赛结束后可重练${m.locked.until ? `（${formatDateTime(m.locked.until)} 后）` : ''}` : ''}
            </Text>
          </View>
        ))}
        {open > 0 ? (
          <Button
            role='button'
            className='quiz-btn quiz-btn--ghost'
            onClick={() => Taro.navigateTo({ url: routes.quizPractice({ source: 'mistakes', policyId: g.policyId ?? 'none' }) })}
          >
            重练本组（{open} 题）
          </Button>
        ) : null}
      </View>
    </Card>
  )
}
