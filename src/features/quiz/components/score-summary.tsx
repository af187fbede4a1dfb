import { Text, View } from '@tarojs/components'
import type { AttemptResult, Campaign } from '@common/contract'
import { duration } from '../format'
import './score-summary.scss'

/** the result's head: the score out of the maximum, right answers, time used, rank, and what the board counts */
export function ScoreSummary({ result, campaign }: { result: AttemptResult; campaign: Campaign | undefined }) {
  const stats: [string, string][] = [
    [`${result.correctCount}/${result.total}`, '答对题数'],
    [duration(result.timeUsedSec), '用时'],
    [result.rank ? `第${result.rank}名` : '—', '当前排名'],
  ]
  return (
    <View className='quiz-score'>
      <Text className='quiz-score__label'>{campaign?.title ?? '本次得分'}</Text>
      <Text className='quiz-score__value' aria-label={`得分 ${result.score} 分`}>
        {result.score}
      </Text>
      <Text className='quiz-score__label'>满分 {result.maxScore} 分</Text>
      <View className='quiz-stats'>
        {stats.map(([value, label]) => (
          <View className='quiz-stats__item' key={label}>
            <Text className='quiz-stats__value'>{value}</Text>
            <Text className='quiz-stats__label'>{label}</Text>
          </View>
        ))}
      </View>
      {result.countedScore !== undefined && result.countedScore !== result.score ? (
        <Text className='quiz-score__label'>
          排行榜计入成绩：{result.countedScore} 分（{campaign?.rules.scoreCounts === 'latest' ? '以最近一次为准' : '取最好成绩'}）
        </Text>
      ) : null}
    </View>
  )
}
