import { Text } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import type { Leaderboard } from '@common/contract'
import { LeaderboardList } from './leaderboard-list'
import { ParticipationChart } from './participation-chart'
import './leaderboard-list.scss'

/** one board on the 排行榜 page: empty, how many are on it (person), the county chart, then the rows */
export function BoardView({ board }: { board: Leaderboard }) {
  const person = board.scope === 'person'
  return (
    <>
      {person && board.rows.length === 0 ? <EmptyState title='还没有人交卷' hint='快来成为第一名吧' /> : null}
      {person && board.total > 0 ? (
        <Text className='board__note'>
          共 {board.total} 人上榜，显示前 {board.rows.length} 名
        </Text>
      ) : null}
      {board.scope === 'county' ? <ParticipationChart board={board} /> : null}
      <LeaderboardList board={board} />
    </>
  )
}
