import { configure, fireEvent, screen, within } from '@testing-library/react'
import type { AdminCampaign, CampaignPreview, Page } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(240_000)
// the first render loads antd and the console on a loaded machine: wait longer than the harness's 8 s
configure({ asyncUtilTimeout: 90_000 })

const TOPICS = [{ id: 'yibao', name: '医疗保障', icon: 'medical' }]
const campaign: AdminCampaign = {
  id: 'c1',
  orgCode: '331024',
  orgName: '仙居县',
  title: '医保知识竞赛',
  rulesText: '每天可答 2 次。',
  startsAt: '2026-06-01T00:00:00.000Z',
  endsAt: '2026-06-30T00:00:00.000Z',
  status: 'ongoing',
  topicQuota: { yibao: 5 },
  questionsPerAttempt: 5,
  secondsPerQuestion: 20,
  attemptsPerDay: 2,
  scoreCounts: 'best',
  regions: ['331024'],
  participants: 12,
  bank: { id: 'qb1', name: '医保政策题库', version: 1 },
  editable: 'safe',
}
const page = <T,>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 20 })
const preview: CampaignPreview = {
  campaign: {
    id: 'c1',
    title: '医保知识竞赛',
    department: '仙居县',
    cover: '',
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    status: 'ongoing',
    participants: 12,
    description: '每天可答 2 次。',
    rules: { questionsPerAttempt: 1, secondsPerQuestion: 20, attemptsPerDay: 2, scoreCounts: 'best', eligibleRegions: ['331024'] },
    topics: ['yibao'],
  },
  questions: [
    {
      id: 'bq1',
      type: 'single',
      stem: '门诊报销比例是多少？',
      topic: 'yibao',
      options: [
        { key: 'A', text: '60%' },
        { key: 'B', text: '50%' },
      ],
    },
  ],
  secondsPerQuestion: 20,
  totalSeconds: 20,
}

describe('知识竞赛', () => {
  it('lists campaigns with status, window, a link to the monitor, and previews as a resident', async () => {
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/campaigns': { body: page([campaign]) },
      'GET /admin/campaigns/c1/preview': { body: preview },
    })
    renderConsole('/campaigns', { user: staff('editor') })
    const row = (await screen.findByText('医保知识竞赛')).closest('tr') as HTMLElement
    expect(within(row).getByText('进行中')).toBeInTheDocument()
    expect(within(row).getByText('医保政策题库 · 第 1 版')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: /监\s*控/ })).toHaveAttribute('href', '/campaigns/c1/monitor')
    expect(within(row).getByRole('link', { name: /编\s*辑/ })).toHaveAttribute('href', '/campaigns/c1/edit')
    fireEvent.click(within(row).getByRole('button', { name: /预\s*览/ }))
    expect(await screen.findByText('门诊报销比例是多少？')).toBeInTheDocument()
    expect(screen.getByText('每题 20 秒，共 20 秒')).toBeInTheDocument()
    expect(calls.some((c) => c.path === '/admin/campaigns/c1/preview')).toBe(true)
  })

  it('shows an empty state', async () => {
    fakeApi({ 'GET /topics': { body: TOPICS }, 'GET /admin/campaigns': { body: page([]) } })
    renderConsole('/campaigns', { user: staff('editor') })
    expect(await screen.findByText('还没有竞赛，点击“新建竞赛”开始')).toBeInTheDocument()
  })

  it('checks the form before sending anything', async () => {
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/question-banks': { body: page([]) },
    })
    renderConsole('/campaigns/new', { user: staff('editor') })
    fireEvent.click(await screen.findByRole('button', { name: /创建竞赛/ }))
    expect(await screen.findByText('请填写竞赛名称')).toBeInTheDocument()
    expect(screen.getByText('请选择开始和结束时间')).toBeInTheDocument()
    expect(screen.getByText('请选择题库')).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('limits a running campaign to the safe fields and saves only those', async () => {
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/question-banks': { body: page([]) },
      'GET /admin/question-banks/qb1': {
        body: {
          id: 'qb1',
          name: '医保政策题库',
          orgCode: '331024',
          orgName: '仙居县',
          topic: 'yibao',
          version: 1,
          questionCount: 8,
          lock: 'locked',
          updatedAt: '',
          versions: [{ version: 1, createdAt: '', createdByName: '', note: '', questionCount: 8, topicCounts: { yibao: 8 }, lock: 'locked', campaigns: [] }],
        },
      },
      'GET /admin/campaigns/c1': { body: campaign },
      'PUT /admin/campaigns/c1': (call) => ({ body: { ...campaign, title: (call.body as { title: string }).title } }),
    })
    renderConsole('/campaigns/c1/edit', { user: staff('editor') })
    expect(await screen.findByText('竞赛进行中：只能修改竞赛名称、活动规则和奖项说明，其他设置已锁定。')).toBeInTheDocument()
    const title = await screen.findByDisplayValue('医保知识竞赛')
    expect(title).toBeEnabled()
    expect(await screen.findByRole('spinbutton', { name: '医疗保障题数' })).toBeDisabled()
    fireEvent.change(title, { target: { value: '医保知识竞赛（第一期）' } })
    fireEvent.click(screen.getByRole('button', { name: /保存修改/ }))
    expect(await screen.findByText('已保存')).toBeInTheDocument()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.body).toEqual({ title: '医保知识竞赛（第一期）', rulesText: '每天可答 2 次。', prizeNote: '' })
  })
})
