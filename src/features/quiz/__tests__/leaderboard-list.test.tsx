import { render, screen } from '@testing-library/react'
import type { Leaderboard } from '@common/contract'
import { LeaderboardList } from '../components/leaderboard-list'

const row = (rank: number, name: string, tied?: boolean) => ({
  rank,
  name,
  regionCode: name,
  score: 10,
  participants: 3,
  participationPer10k: 1,
  averageScore: 80,
  ...(tied ? { tied } : {}),
})

it('shows ties as ties and says how many regions are not ranked yet', () => {
  const board: Leaderboard = { scope: 'township', rows: [row(1, '甲'), row(2, '乙', true), row(2, '丙', true)], total: 3, regions: 136 }
  render(<LeaderboardList board={board} />)
  expect(screen.getAllByText('并列')).toHaveLength(2)
  expect(screen.getByLabelText(/^并列第2名 乙/)).toBeInTheDocument()
  expect(screen.getByLabelText(/^第1名 甲/)).toBeInTheDocument()
  expect(screen.getByText('共 3 个地区有人参与，其余 133 个暂无人参与，不排名')).toBeInTheDocument()
})
