import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { SearchAnswer } from '@common/contract'
import { RangedText } from './ranged-text'
import './search.scss'

export interface SearchAnswerCardProps {
  answer: SearchAnswer
  /** the whole answer on 智能问答 (朗读, related questions, 向部门咨询) */
  onOpen: () => void
  onOpenPolicy: (id: string) => void
  onOpenInterpretation: (id: string) => void
}

/** The FAQ 智能问答 is sure answers the query, on top of the results, with the policy and interpretation it rests on. */
export function SearchAnswerCard({ answer, onOpen, onOpenPolicy, onOpenInterpretation }: SearchAnswerCardProps) {
  const { faq } = answer.hit
  return (
    <Card className='search-answer'>
      <View role='article' aria-label={`智能问答：${faq.question}`} data-testid='search-answer'>
        <Text className='search-answer__label'>智能问答</Text>
        <View className='search-answer__q' role='link' onClick={onOpen}>
          <RangedText text={faq.question} ranges={answer.questionHighlights} />
        </View>
        <Text className='search-answer__a'>{faq.answer}</Text>
        {answer.policy || answer.interpretation ? (
          <View className='search-answer__sources'>
            <Text className='search-answer__sources-title'>依据</Text>
            {answer.policy ? (
              <View className='search-answer__source' role='link' onClick={() => onOpenPolicy(answer.policy!.id)}>
                <Text>{`《${answer.policy.title}》`}</Text>
                {answer.policy.docNumber ? <Text className='search-answer__doc'>{answer.policy.docNumber}</Text> : null}
              </View>
            ) : null}
            {answer.interpretation ? (
              <View className='search-answer__source' role='link' onClick={() => onOpenInterpretation(answer.interpretation!.id)}>
                <Text>{`解读：${answer.interpretation.title}`}</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        <View className='search-answer__more' role='link' onClick={onOpen}>
          查看完整回答 ›
        </View>
      </View>
    </Card>
  )
}
