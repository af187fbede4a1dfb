import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { AuditEntry } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

const entry: AuditEntry = {
  id: 7,
  at: '2026-03-02T01:30:00Z',
  actor: { id: 'u1', name: '李审核', role: 'admin', orgCode: '331024' },
  action: 'account.create',
  targetType: 'user',
  targetId: 'u9',
  ip: '203.0.113.*',
  detail: { username: 'xj-wang', note: '<b>not html</b>' },
}

describe('操作日志', () => {
  it('asks the server for the filtered page and shows entries in Chinese', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': { body: { items: [entry], total: 1, page: 1, pageSize: 20 } } })
    renderConsole('/audit', { user: staff('admin') })
    expect(await screen.findByText('创建账号')).toBeInTheDocument()
    expect(screen.getByText('李审核（管理员）')).toBeInTheDocument()
    expect(screen.getByText('user #u9')).toBeInTheDocument()

    fireEvent.change(screen.getByLabelText('操作人'), { target: { value: '李审核' } })
    fireEvent.change(screen.getByLabelText('操作'), { target: { value: 'account.create' } })
    fireEvent.change(screen.getByLabelText('对象类型'), { target: { value: 'user' } })
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/audit')).toHaveLength(2))
    const query = calls.filter((c) => c.path === '/admin/audit')[1].query
    expect(Object.fromEntries(query)).toEqual({ actor: '李审核', action: 'account.create', targetType: 'user', page: '1', pageSize: '20' })
  })

  it('filters by 对象编号 and names an editorial step by the content it acted on', async () => {
    const step: AuditEntry = { ...entry, id: 8, action: 'editorial.reject', targetType: 'interpretation', targetId: 'i-42', detail: undefined }
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': { body: { items: [step], total: 1, page: 1, pageSize: 20 } } })
    renderConsole('/audit', { user: staff('admin') })
    expect(await screen.findByText('政策解读 · 退回')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('对象编号'), { target: { value: ' i-42 ' } })
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/audit')).toHaveLength(2))
    expect(Object.fromEntries(calls.filter((c) => c.path === '/admin/audit')[1].query)).toEqual({ targetId: 'i-42', page: '1', pageSize: '20' })
  })

  it('refuses an action code with capitals before asking', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': { body: { items: [], total: 0, page: 1, pageSize: 20 } } })
    renderConsole('/audit', { user: staff('admin') })
    expect(await screen.findByText('没有符合条件的操作记录')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('操作'), { target: { value: 'DROP TABLE' } })
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
    expect(await screen.findByText(/操作代码为小写字母/)).toBeInTheDocument()
    expect(calls.filter((c) => c.path === '/admin/audit')).toHaveLength(1)
  })

  it('shows the detail as JSON text, never as HTML', async () => {
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': { body: { items: [entry], total: 1, page: 1, pageSize: 20 } } })
    const { container } = renderConsole('/audit', { user: staff('admin') })
    await screen.findByText('创建账号')
    fireEvent.click(container.querySelector('.ant-table-row-expand-icon')!)
    const pre = await waitFor(() => container.querySelector('pre.audit-detail')!)
    expect(pre.textContent).toContain('"note": "<b>not html</b>"')
    expect(pre.querySelector('b')).toBeNull()
  })
})
