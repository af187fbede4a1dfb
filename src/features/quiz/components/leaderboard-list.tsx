import { Text, View } from '@tarojs/components'
import type { Leaderboard, LeaderboardRow } from '@common/contract'
import { Card } from '@/components/card'
import { duration } from '../format'
import './leaderboard-list.scss'

function detail(scope: Leaderboard['scope'], r: LeaderboardRow): string {
  if (scope === 'person') return [r.regionName, r.timeUsedSec !== undefined ? `用时${duration(r.timeUsedSec)}` : ''].filter(Boolean).join(' · ')
  return `${r.participants ?? 0} 人参与 · 每万人 ${r.participationPer10k ?? 0} 人 · 平均 ${r.averageScore ?? 0} 分`
}

function Row({ scope, row, mine }: { scope: Leaderboard['scope']; row: LeaderboardRow; mine?: boolean }) {
  const value = scope === 'person' ? `${row.score}分` : `${row.score}`
  return (
    <View
      className={`board-row ${row.isMe ? 'board-row--me' : ''} ${mine ? 'board-row--mine' : ''}`}
      aria-label={`${row.tied ? '并列' : ''}第${row.rank}名 ${row.name}${row.isMe ? '（我）' : ''} ${value}`}
    >
      <View className={`board-row__rank ${row.rank <= 3 ? `board-row__rank--top${row.rank}` : ''}`}>
        <Text>{row.rank}</Text>
        {row.tied ? <Text className='board-row__tied'>并列</Text> : null}
      </View>
      <View className='board-row__main'>
        <Text className='board-row__name'>
          {row.name}
          {row.isMe ? <Text className='board-row__me'>（我）</Text> : null}
        </Text>
        <Text className='board-row__detail'>{detail(scope, row)}</Text>
      </View>
      <View className='board-row__value'>
        <Text className='board-row__score'>{value}</Text>
        {scope === 'person' ? null : <Text className='board-row__unit'>每万人得分</Text>}
      </View>
    </View>
  )
}

/** a board: the caller's row pinned on top ("find yourself"), then the top 100 */
export function LeaderboardList({ board }: { board: Leaderboard }) {
  return (
    <View className='board'>
      {board.mine ? (
        <View className='board__mine'>
          <Text className='board__label'>{board.scope === 'person' ? '我的排名' : '我所在的地区'}</Text>
          <Card padding='none' className='board__mine-card'>
            <Row scope={board.scope} row={board.mine} mine />
          </Card>
        </View>
      ) : null}
      {board.scope !== 'person' ? <Text className='board__note'>按每万名常住人口的得分排名（参与越多、答得越好越靠前），小地方也能公平比拼</Text> : null}
      {board.scope !== 'person' && board.regions !== undefined && board.regions > board.total ? (
        <Text className='board__note'>
          {board.total === 0 ? '还没有地区有人参与' : `共 ${board.total} 个地区有人参与`}，其余 {board.regions - board.total} 个暂无人参与，不排名
        </Text>
      ) : null}
      <Card padding='none' className='board__list'>
        <View role='list' aria-label='排行榜'>
          {board.rows.map((r) => (
            <Row key={`${r.rank}-${r.regionCode ?? r.name}-${r.timeUsedSec ?? ''}`} scope={board.scope} row={r} />
          ))}
        </View>
      </Card>
    </View>
  )
}
