import { fireEvent, screen, waitFor } from '@testing-library/react'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'
import { session } from '../../../api/client'
import { useSession } from '../../../components/session-store'

const dashboard = { status: 500, body: { error: { code: 'internal', message: '统计暂不可用' } } }

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } })
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }))
}

describe('工作人员登录', () => {
  it("shows the server's message for a wrong password and keeps no token", async () => {
    const calls = fakeApi({ 'POST /auth/password': { status: 401, body: { error: { code: 'unauthorized', message: '用户名或密码不正确' } } } })
    renderConsole('/login')
    fillAndSubmit('xj-editor', 'wrong-password-1')
    expect(await screen.findByText('用户名或密码不正确')).toBeInTheDocument()
    expect(calls[0].body).toEqual({ username: 'xj-editor', password: 'wrong-password-1' })
    expect(session.token()).toBeNull()
    // a refused sign-in is not an expired session
    expect(screen.queryByText(/登录已过期/)).not.toBeInTheDocument()
  })

  it('shows how long a locked account waits (429)', async () => {
    fakeApi({ 'POST /auth/password': { status: 429, body: { error: { code: 'rate_limited', message: '账号已锁定，请 15 分钟后再试' } } } })
    renderConsole('/login')
    fillAndSubmit('xj-editor', 'wrong-password-1')
    expect(await screen.findByText('账号已锁定，请 15 分钟后再试')).toBeInTheDocument()
  })

  it('signs a staff account in and opens the page it came for', async () => {
    fakeApi({
      'POST /auth/password': { body: { token: 'tok-9', user: staff('admin'), expiresAt: '2030-01-01T00:00:00Z' } },
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/audit': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    })
    const { where } = renderConsole('/audit')
    expect(where.pathname).toBe('/login')
    fillAndSubmit('tz-admin', 'right-password-1')
    expect(await screen.findByRole('heading', { name: '操作日志' })).toBeInTheDocument()
    expect(where.pathname).toBe('/audit')
    expect(session.token()).toBe('tok-9')
  })

  it('refuses residents with a clear message', async () => {
    fakeApi({ 'POST /auth/password': { body: { token: 'tok-r', user: { id: 'r1', nickname: '居民', role: 'resident' }, expiresAt: '2030-01-01T00:00:00Z' } } })
    renderConsole('/login')
    fillAndSubmit('resident1', 'some-password-1')
    expect(await screen.findByText(/居民账号不能使用政务工作台/)).toBeInTheDocument()
    expect(session.token()).toBeNull()
  })

  it('shows no 演示账号 outside demo mode', () => {
    fakeApi({})
    renderConsole('/login', { demo: false })
    expect(screen.queryByText('演示账号')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '仙居县 编辑' })).not.toBeInTheDocument()
  })

  it('signs in with one click as a demo account in demo mode, with the 演示模式 banner', async () => {
    const calls = fakeApi({
      'POST /auth/dev': (call) => ({ body: { token: 'tok-d', user: staff((call.body as { role: 'editor' }).role), expiresAt: '2030-01-01T00:00:00Z' } }),
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/dashboard': dashboard,
    })
    renderConsole('/login', { demo: true })
    expect(screen.getByText(/演示模式/)).toBeInTheDocument()
    for (const label of ['仙居县 编辑', '仙居县 审核', '椒江区 编辑', '台州市 管理员']) expect(screen.getByRole('button', { name: label })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '仙居县 编辑' }))
    await waitFor(() => expect(useSession.getState().status).toBe('signedIn'))
    expect(calls.find((c) => c.path === '/auth/dev')!.body).toEqual({ role: 'editor', org: '331024' })
    expect(await screen.findByRole('heading', { name: '仪表盘' })).toBeInTheDocument()
    expect(screen.getByText(/演示模式/)).toBeInTheDocument()
  })
})
