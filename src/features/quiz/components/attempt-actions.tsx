import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import '../quiz.scss'

export interface SubmitButtonProps {
  submitting: boolean
  /** the last try failed: 重新提交 */
  failed: boolean
  onSubmit: () => void
}

/** 交卷 (重新提交 after a failure), busy while the answers are on their way */
export function SubmitButton({ submitting, failed, onSubmit }: SubmitButtonProps) {
  return (
    <Button role='button' className='quiz-btn quiz-btn--warn' loading={submitting} disabled={submitting || undefined} onClick={onSubmit}>
      {failed ? '重新提交' : '交卷'}
    </Button>
  )
}

export interface AttemptNavProps extends SubmitButtonProps {
  index: number
  total: number
  onGo: (index: number) => void
}

/** under the question: 上一题, and 下一题 or (on the last question) 交卷 */
export function AttemptNav({ index, total, onGo, ...submit }: AttemptNavProps) {
  return (
    <View className='quiz-actions'>
      {index > 0 ? (
        <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => onGo(index - 1)}>
          上一题
        </Button>
      ) : (
        <View className='quiz-actions__spacer' />
      )}
      {index < total - 1 ? (
        <Button role='button' className='quiz-btn' onClick={() => onGo(index + 1)}>
          下一题
        </Button>
      ) : (
        <SubmitButton {...submit} />
      )}
    </View>
  )
}

/** 交卷 on a row of its own, under the answer card */
export function SubmitRow(props: SubmitButtonProps) {
  return (
    <View className='quiz-actions'>
      <SubmitButton {...props} />
    </View>
  )
}

/** why the answers did not go (the button says 重新提交) */
export function SubmitFailureNote({ message }: { message: string }) {
  return (
    <Card>
      <Text className='quiz-panel__line'>{message}</Text>
    </Card>
  )
}
