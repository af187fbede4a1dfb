import { Button, View } from '@tarojs/components'
import type { usePractice } from '../hooks/use-practice'
import { PracticeFeedback, PracticeRefusal } from './practice-feedback'
import { QuestionView } from './question-view'
import '../quiz.scss'

/** the practice question on screen: its options, then 确定, and after it the verdict (or the refusal) and the way on */
export function PracticeQuestion({ practice }: { practice: ReturnType<typeof usePractice> }) {
  const { question: q, list, index, chosen, setChosen, feedback, refusal, checking, check, next } = practice
  if (!q) return null
  return (
    <>
      <QuestionView
        className='quiz-card--gap-above'
        question={q}
        index={index}
        total={list.length}
        chosen={chosen}
        onChange={setChosen}
        locked={!!feedback || !!refusal || checking}
        correct={feedback?.correct}
      />
      {refusal ? <PracticeRefusal message={refusal} /> : null}
      {feedback ? <PracticeFeedback question={q} feedback={feedback} /> : null}
      <View className='quiz-actions'>
        {feedback || refusal ? (
          <Button role='button' className='quiz-btn' onClick={next}>
            {refusal ? '跳过此题' : index < list.length - 1 ? '下一题' : '完成'}
          </Button>
        ) : (
          <Button role='button' className='quiz-btn' loading={checking} disabled={checking || undefined} onClick={check}>
            确定
          </Button>
        )}
      </View>
    </>
  )
}
