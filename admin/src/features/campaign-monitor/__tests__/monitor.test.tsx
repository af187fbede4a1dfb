import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react'
import type { CampaignMonitor, CampaignSummary, SuspiciousPage } from '@common/contract'
import { fakeApi, renderConsole, staff } from '../../../app/__tests__/harness'
import { useAutoRefresh } from '../use-auto-refresh'

jest.setTimeout(240_000)

const campaign: CampaignSummary = {
  id: 'q001',
  title: '民生政策知识竞赛',
  department: '台州市人力社保局',
  cover: '',
  startsAt: '2026-12-01T00:00:00Z',
  endsAt: '2026-12-31T00:00:00Z',
  status: 'ongoing',
  participants: 5,
}

const monitor: CampaignMonitor = {
  campaign: { id: 'q001', title: '民生政策知识竞赛', status: 'ongoing', startsAt: campaign.startsAt, endsAt: campaign.endsAt },
  scope: { code: '331000', name: '台州市' },
  kpis: { participants: 5, submittedAttempts: 6, activeAttempts: 1, averageScore: 82, riskFlagged: 0 },
  counties: [
    { rank: 1, name: '椒江区', regionCode: '331002', residents: 812000, participants: 3, score: 3.33, participationPer10k: 0.04, averageScore: 90 },
    { rank: 2, name: '黄岩区', regionCode: '331003', residents: 690000, participants: 2, score: 2.03, participationPer10k: 0.03, averageScore: 70 },
  ],
  townships: [
    { rank: 1, name: '椒江区 海门街道', regionCode: '331002001', residents: 81200, participants: 3, score: 33.25, participationPer10k: 0.37, averageScore: 90 },
  ],
  scoreBuckets: [
    ...Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 9}`, from: i * 10, to: i * 10 + 9, participants: i === 8 ? 2 : 0 })),
    { label: '100', from: 100, to: 100, participants: 3 },
  ],
  attemptsOverTime: [{ hour: '2026-12-04 16:00', attempts: 6 }],
  readAt: '2026-12-04T08:00:00Z',
}

const suspicious: SuspiciousPage = {
  items: [
    {
      attemptId: 'a1',
      name: '李*手',
      mobile: '138****5678',
      regionName: '椒江区 · 海门街道',
      score: 100,
      timeUsedSec: 3,
      submittedAt: '2026-12-04T08:00:00Z',
      reasons: [{ kind: 'too-fast', text: '答题过快：10 题中 10 题用时短于读题所需<b>x</b>' }],
    },
  ],
  total: 1,
  page: 1,
  pageSize: 10,
  counts: { 'too-fast': 1, 'same-timing': 0, 'risk-rank': 0 },
  checked: 5,
}

describe('竞赛监控', () => {
  it('lists campaigns and opens one’s monitor', async () => {
    fakeApi({
      'GET /campaigns': { body: [campaign] },
      'GET /admin/campaigns/q001/monitor': { body: monitor },
      'GET /admin/campaigns/q001/suspicious': { body: suspicious },
    })
    const { where } = renderConsole('/campaign-monitor', { user: staff('editor', { code: '331000', name: '台州市' }) })
    expect(await screen.findByText('民生政策知识竞赛')).toBeInTheDocument()
    expect(screen.getByText('进行中')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '进入监控' }))
    await waitFor(() => expect(where.pathname).toBe('/campaigns/q001/monitor'))
  })

  it('shows KPIs, per-10,000 figures, the score distribution and suspicious attempts with reasons as text', async () => {
    const calls = fakeApi({ 'GET /admin/campaigns/q001/monitor': { body: monitor }, 'GET /admin/campaigns/q001/suspicious': { body: suspicious } })
    const { container } = renderConsole('/campaigns/q001/monitor', { user: staff('admin', { code: '331000', name: '台州市' }) })
    expect((await screen.findAllByText('民生政策知识竞赛 · 实时监控', undefined, { timeout: 60_000 })).length).toBeGreaterThan(0)
    expect(screen.getByText('正在答题')).toBeInTheDocument()
    expect(screen.getByText('812,000')).toBeInTheDocument()
    expect(screen.getByText('椒江区 海门街道')).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: '得分分布' })).getByText('3 人')).toBeInTheDocument()
    expect(screen.getByText(/每 30 秒自动刷新/)).toBeInTheDocument()
    expect(await screen.findByText('李*手', undefined, { timeout: 60_000 })).toBeInTheDocument()
    expect(screen.getByText('答题过快')).toBeInTheDocument()
    expect(screen.getByText(/用时短于读题所需<b>x<\/b>/)).toBeInTheDocument()
    expect(container.querySelector('td b')).toBeNull()
    expect(screen.getByRole('button', { name: '导出完整名单' })).toBeInTheDocument()

    // narrowing to a county asks the server for it
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '地区' }))
    fireEvent.click(await screen.findByTitle('黄岩区'))
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/campaigns/q001/monitor' && c.query.get('region') === '331003')).toBe(true))
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/campaigns/q001/suspicious' && c.query.get('region') === '331003')).toBe(true))
  })

  it('filters suspicious attempts by reason on the server', async () => {
    const calls = fakeApi({ 'GET /admin/campaigns/q001/monitor': { body: monitor }, 'GET /admin/campaigns/q001/suspicious': { body: suspicious } })
    renderConsole('/campaigns/q001/monitor', { user: staff('editor', { code: '331000', name: '台州市' }) })
    expect(await screen.findByText('李*手', undefined, { timeout: 60_000 })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '导出完整名单' })).toBeNull()
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '可疑原因' }))
    fireEvent.click(await screen.findByTitle('用时雷同（0）'))
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/campaigns/q001/suspicious' && c.query.get('kind') === 'same-timing')).toBe(true))
  })

  it('shows the server’s refusal in Chinese', async () => {
    fakeApi({ 'GET /admin/campaigns/q001/monitor': { status: 403, body: { error: { code: 'forbidden', message: '只能查看本单位及下级单位的竞赛数据' } } } })
    renderConsole('/campaigns/q001/monitor', { user: staff('editor') })
    expect(await screen.findByText('只能查看本单位及下级单位的竞赛数据')).toBeInTheDocument()
  })

  it('refreshes every 30 s while active, and stops when not', () => {
    let tick: (() => void) | undefined
    const timers = {
      setInterval: jest.fn((fn: () => void, ms: number) => {
        expect(ms).toBe(30_000)
        tick = fn
        return 1 as unknown as ReturnType<typeof setInterval>
      }),
      clearInterval: jest.fn(),
    } as unknown as Pick<typeof globalThis, 'setInterval' | 'clearInterval'>
    const refresh = jest.fn()
    const { rerender } = renderHook(({ active }) => useAutoRefresh(active, refresh, 30_000, timers), { initialProps: { active: true } })
    act(() => tick!())
    act(() => tick!())
    expect(refresh).toHaveBeenCalledTimes(2)
    rerender({ active: false })
    expect(timers.clearInterval).toHaveBeenCalledTimes(1)
  })
})
