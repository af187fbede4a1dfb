import { screen, waitFor } from '@testing-library/react'
import type { Dashboard } from '@common/contract'
import { drawn } from '../../../../../test/mocks/echarts'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

const xianju = { code: '331024', name: '仙居县' }
const dashboard: Dashboard = {
  org: xianju,
  policiesByValidity: [
    { validity: 'valid', count: 30 },
    { validity: 'revised', count: 4 },
    { validity: 'repealed', count: 6 },
  ],
  coverageByOrg: [{ org: { code: '331024001', name: '南峰街道' }, policies: 8, interpreted: 6, rate: 0.75, synced: 3, syncRate: 0.375 }],
  coverageByDepartment: [{ org: { ...xianju, department: '县人力社保局' }, policies: 5, interpreted: 5, rate: 1, synced: 4, syncRate: 0.8 }],
  dueForReview: [
    {
      id: 'p1',
      type: 'policy',
      title: '仙居县农村养老补贴办法',
      org: xianju,
      status: 'published',
      live: true,
      version: 2,
      revision: 5,
      author: { id: 'u1', name: '王编辑' },
      updatedBy: { id: 'u1', name: '王编辑' },
      updatedAt: '2025-01-01T00:00:00Z',
      reviewDate: '2026-01-31',
    },
  ],
  waitingPerReviewer: [{ reviewer: { id: 'u2', name: '李审核' }, org: xianju, count: 3 }],
  mostRead: [{ type: 'interpretation', id: 'i1', title: '一图读懂就业补贴', views: 12345 }],
  totals: { policies: 40, interpretations: 28, faqs: 55, inReview: 3, drafts: 7 },
}

describe('仪表盘', () => {
  it('shows the figures and draws the charts from them', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/dashboard': { body: dashboard } })
    renderConsole('/', { user: staff('reviewer', xianju) })
    expect(await screen.findByText('一图读懂就业补贴')).toBeInTheDocument()
    expect(screen.getByText('12,345')).toBeInTheDocument()
    expect(screen.getByText('仙居县农村养老补贴办法')).toBeInTheDocument()
    expect(screen.getByText('李审核')).toBeInTheDocument()
    expect(screen.getByText('75%')).toBeInTheDocument()
    expect(screen.getByText('37.5%')).toBeInTheDocument()
    expect(screen.getByText('待复核（1）')).toBeInTheDocument()
    expect(calls.find((c) => c.path === '/admin/dashboard')!.query.get('org')).toBe('331024')

    await waitFor(() => expect(drawn.filter((d) => !d.disposed)).toHaveLength(3))
    const options = drawn.filter((d) => !d.disposed).map((d) => d.option as { series: { data: unknown[] }[] })
    const pie = options.find((o) => (o.series[0] as { type?: string }).type === 'pie')!
    expect(pie.series[0].data).toEqual([
      expect.objectContaining({ name: '有效', value: 30 }),
      expect.objectContaining({ name: '已修订', value: 4 }),
      expect.objectContaining({ name: '已废止', value: 6 }),
    ])
    expect(options.some((o) => o.series[0].data[0] === 75 && o.series[1].data[0] === 37.5)).toBe(true)
    expect(options.some((o) => o.series[0].data[0] === 100 && o.series[1].data[0] === 80)).toBe(true)
  })

  it("shows the server's message when the figures cannot be loaded", async () => {
    fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/dashboard': { status: 403, body: { error: { code: 'forbidden', message: '不能查看其他单位的统计' } } },
    })
    renderConsole('/', { user: staff('editor') })
    expect(await screen.findByText('不能查看其他单位的统计')).toBeInTheDocument()
    expect(screen.getByText('没有权限')).toBeInTheDocument()
  })
})
