import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { DeskConsultationDetail, DeskFigures, DeskPage } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(120_000)

const row = {
  id: 'c1',
  topic: 'yanglao',
  topicName: '养老服务',
  question: '<b>高龄津贴</b>怎么申请？',
  regionCode: '331024001004',
  regionName: '某村',
  countyCode: '331024',
  countyName: '仙居县',
  phoneMasked: '138****5678',
  createdAt: '2026-11-16T01:30:00.000Z',
  dueDate: '2026-11-19',
  overdue: true,
  status: 'unassigned' as const,
  department: { orgCode: '331024', orgName: '仙居县', name: '仙居县民政局' },
}
const page: DeskPage = { items: [row, { ...row, id: 'c2', question: '按时的咨询', overdue: false }], total: 2, page: 1, pageSize: 20, overdueOpen: 1 }
const detail: DeskConsultationDetail = {
  ...row,
  timeline: [{ kind: 'routed', at: row.createdAt, actorName: '系统', note: '仙居县民政局' }],
  reviewRequired: false,
}

describe('咨询工作台', () => {
  it('lists the inbox with due dates, highlights and counts overdue, and filters on the server', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/consultations': { body: page } })
    const { container } = renderConsole('/consultations', { user: staff('responder') })
    expect(await screen.findByText('超期未答复 1 件')).toBeInTheDocument()
    expect(screen.getAllByText('2026-11-19')).toHaveLength(2)
    expect(container.querySelectorAll('tr.desk-overdue')).toHaveLength(1)
    // the question is text, never HTML
    expect(screen.getByText('<b>高龄津贴</b>怎么申请？')).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: ' 津贴 ' } })
    fireEvent.click(screen.getByLabelText('只看超期'))
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/consultations')).toHaveLength(2))
    const query = Object.fromEntries(calls.filter((c) => c.path === '/admin/consultations')[1].query)
    expect(query).toEqual({ q: '津贴', overdue: 'true', page: '1', pageSize: '20' })
  })

  it('shows an empty inbox and a failed load in Chinese', async () => {
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/consultations': { body: { items: [], total: 0, page: 1, pageSize: 20, overdueOpen: 0 } } })
    const first = renderConsole('/consultations', { user: staff('responder') })
    expect(await screen.findByText('没有符合条件的咨询')).toBeInTheDocument()
    first.unmount()
    fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/consultations': { status: 500, body: { error: { code: 'internal', message: '服务暂时不可用' } } },
    })
    renderConsole('/consultations', { user: staff('responder') })
    expect(await screen.findByText('加载失败')).toBeInTheDocument()
  })

  it('opens the detail with the phone masked and replies with an Idempotency-Key', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/consultations': { body: page },
      'GET /admin/consultations/c1': { body: detail },
      'GET /admin/consultations/responders': { body: [{ id: 'u-r', name: '王答复', orgCode: '331024' }] },
      'POST /admin/consultations/c1/reply': {
        body: { ...detail, status: 'answered', reply: { text: '请到村委会申请。', department: '仙居县民政局', repliedAt: '2026-11-17T01:00:00Z' } },
      },
    })
    renderConsole('/consultations', { user: staff('responder') })
    fireEvent.click(await screen.findByText('<b>高龄津贴</b>怎么申请？'))
    const drawer = await screen.findByRole('dialog')
    expect(await within(drawer).findByText('138****5678')).toBeInTheDocument()
    expect(within(drawer).getByText('分派至部门 · 系统')).toBeInTheDocument()
    fireEvent.change(within(drawer).getByLabelText('答复内容'), { target: { value: '请到村委会申请。' } })
    fireEvent.click(within(drawer).getByRole('button', { name: '发布答复' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/admin/consultations/c1/reply')).toBe(true))
    const post = calls.find((c) => c.method === 'POST' && c.path === '/admin/consultations/c1/reply')!
    expect(post.body).toEqual({ text: '请到村委会申请。' })
    expect(post.headers['Idempotency-Key']).toMatch(/.+/)
  })

  it('lets a reviewer approve a reply waiting for review', async () => {
    const waiting = { ...detail, status: 'in_review' as const, reviewRequired: true, draft: { text: '待审的答复', byName: '王答复', at: row.createdAt } }
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/consultations': { body: { ...page, items: [{ ...row, status: 'in_review' }], total: 1 } },
      'GET /admin/consultations/c1': { body: waiting },
      'POST /admin/consultations/c1/reply/approve': { body: { ...waiting, status: 'answered', draft: undefined } },
    })
    renderConsole('/consultation-review', { user: staff('reviewer') })
    expect(await screen.findByText('答复审核', { selector: 'h3' })).toBeInTheDocument()
    await waitFor(() => expect(Object.fromEntries(calls.find((c) => c.path === '/admin/consultations')!.query)).toMatchObject({ status: 'in_review' }))
    fireEvent.click(await screen.findByText('<b>高龄津贴</b>怎么申请？'))
    const drawer = await screen.findByRole('dialog')
    expect(await within(drawer).findByText('待审的答复')).toBeInTheDocument()
    fireEvent.click(within(drawer).getByRole('button', { name: '通过并发布' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/admin/consultations/c1/reply/approve')).toBe(true))
  })

  it('shows the figures by department and county in working days', async () => {
    const figureRow = { total: 4, answered: 3, open: 1, overdue: 1, overdueShare: 0.25, avgReplyWorkingDays: 1.5 }
    const figures: DeskFigures = {
      unit: 'workingDays',
      total: { key: 'total', name: '合计', ...figureRow },
      byDepartment: [{ key: '331024|仙居县民政局', name: '仙居县民政局', ...figureRow }],
      byCounty: [{ key: '331024', name: '仙居县', ...figureRow }],
    }
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/consultations/figures': { body: figures } })
    renderConsole('/consultation-figures', { user: staff('admin') })
    expect(await screen.findByText('仙居县民政局')).toBeInTheDocument()
    expect(screen.getAllByText('仙居县').length).toBeGreaterThan(0)
    expect(screen.getAllByText('25.0%').length).toBeGreaterThan(0)
    expect(screen.getAllByText('1.50 个工作日')).toHaveLength(2)
  })

  it('keeps the inbox from roles that do not answer consultations', async () => {
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE } })
    renderConsole('/consultations', { user: staff('editor') })
    expect(await screen.findByText('没有权限')).toBeInTheDocument()
  })
})
