import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { QuestionType, QuizQuestionPublic } from '@common/contract'
import './question-view.scss'

export const questionTypeLabel: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' }

export interface QuestionViewProps {
  question: QuizQuestionPublic
  index: number
  total: number
  chosen: string[]
  onChange?: (chosen: string[]) => void
  /** no more answering (its time ran out, or the answer was checked) */
  locked?: boolean
  /** after checking: the right keys, shown on the options */
  correct?: string[]
  /** the card's own class beside 'question' */
  className?: string
  /** below the options, on the same card (the review's verdict) */
  children?: ReactNode
}

/** One question on its card: its type, stem and options (radio for single/judge, checkbox for multiple). */
export function QuestionView({ question, index, total, chosen, onChange, locked, correct, className, children }: QuestionViewProps) {
  const multiple = question.type === 'multiple'
  const pick = (key: string) => {
    if (locked || !onChange) return
    if (!multiple) return onChange([key])
    onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key].sort())
  }
  return (
    <Card className={className ? `question ${className}` : 'question'}>
      <View className='question__head'>
        <Text className={`question__type question__type--${question.type}`}>{questionTypeLabel[question.type]}</Text>
        <Text className='question__index'>
          第 {index + 1} 题 / 共 {total} 题
        </Text>
      </View>
      <Text className='question__stem'>{question.stem}</Text>
      {multiple ? <Text className='question__hint'>（可选多项，全部选对才得分）</Text> : null}
      <View className='question__options' role={multiple ? 'group' : 'radiogroup'} aria-label={question.stem}>
        {question.options.map((o) => {
          const selected = chosen.includes(o.key)
          const state = correct ? (correct.includes(o.key) ? 'right' : selected ? 'wrong' : '') : selected ? 'selected' : ''
          return (
            <View
              key={o.key}
              className={`question__option ${state ? `question__option--${state}` : ''}`}
              role={multiple ? 'checkbox' : 'radio'}
              aria-checked={selected}
              aria-disabled={locked || undefined}
              aria-label={`${question.type === 'judge' ? '' : `${o.key}. `}${o.text}`}
              onClick={() => pick(o.key)}
            >
              {question.type === 'judge' ? null : <Text className='question__key'>{o.key}</Text>}
              <Text className='question__text'>{o.text}</Text>
              {state === 'right' ? <Text className='question__mark'>✓</Text> : state === 'wrong' ? <Text className='question__mark'>✗</Text> : null}
            </View>
          )
        })}
      </View>
      {children}
    </Card>
  )
}
