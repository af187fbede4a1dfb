import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { clock } from '../format'
import './attempt-bar.scss'

export interface AttemptBarProps {
  answered: number
  total: number
  /** seconds left of the question on screen */
  leftQuestionSec: number
  /** the question on screen is closed (its own time ran out) */
  closed: boolean
  /** seconds left of the whole attempt */
  leftTotalSec: number
}

/** H5 subpages draw a sticky title bar (src/components/title-bar) that this bar must stay below */
const UNDER_TITLE_BAR = process.env.TARO_ENV === 'h5'

/** 答题's bar, kept on top while scrolling: progress, the question's seconds and the attempt's time left. */
export function AttemptBar({ answered, total, leftQuestionSec, closed, leftTotalSec }: AttemptBarProps) {
  const seconds = Math.max(0, Math.ceil(leftQuestionSec))
  return (
    <Card layout='flush' padding='none' className={`quiz-bar ${UNDER_TITLE_BAR ? 'quiz-bar--under-title' : ''}`}>
      <View className='quiz-bar__row'>
        <Text>
          进度 {answered}/{total}
        </Text>
        <Text className={`quiz-bar__time ${leftQuestionSec <= 5 && !closed ? 'quiz-bar__time--low' : ''}`} aria-label={`本题剩余${seconds}秒`}>
          {closed ? '本题时间已到' : `本题 ${seconds} 秒`}
        </Text>
        <Text className='quiz-bar__time' aria-label={`总剩余${clock(leftTotalSec)}`}>
          总剩余 {clock(leftTotalSec)}
        </Text>
      </View>
      <View className='quiz-progress' aria-hidden>
        <View className='quiz-progress__fill' style={{ width: `${(answered / total) * 100}%` }} />
      </View>
    </Card>
  )
}
