import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { session } from '../../api/client'
import { fakeApi, ORG_TREE, renderConsole, staff } from './harness'

const emptyPage = { body: { items: [], total: 0, page: 1, pageSize: 20 } }
const menuOf = () => within(screen.getByRole('navigation', { name: '主菜单' }))

describe('console layout', () => {
  it("shows an editor the content menu but not 账号管理, 操作日志 or 单位设置, and the account's name, role and organisation", async () => {
    fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/dashboard': { status: 503, body: { error: { code: 'unavailable', message: '统计暂不可用' } } },
    })
    renderConsole('/', { user: staff('editor') })
    const menu = menuOf()
    for (const label of ['仪表盘', '政策文件', '政策解读', '简明问答', '首页公益广告', '政策导入']) expect(menu.getByText(label)).toBeInTheDocument()
    for (const label of ['账号管理', '操作日志', '单位设置', '审核队列']) expect(menu.queryByText(label)).not.toBeInTheDocument()
    expect(screen.getByText('测试editor')).toBeInTheDocument()
    expect(screen.getByText('编辑')).toBeInTheDocument()
    expect(screen.getByText('仙居县')).toBeInTheDocument()
    expect(await screen.findByText('统计暂不可用')).toBeInTheDocument()
  })

  it('shows an admin every page and a reviewer the 审核队列', async () => {
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE } })
    const { unmount } = renderConsole('/settings', { user: staff('admin', { code: '331000', name: '台州市' }) })
    for (const label of ['账号管理', '操作日志', '单位设置', '审核队列', '政策导入']) expect(menuOf().getByText(label)).toBeInTheDocument()
    // the menu's headings, in order
    const headings = [...document.querySelectorAll('.ant-menu-item-group-title')].map((h) => h.textContent)
    expect(headings).toEqual(['内容发布', '群众咨询', '信息公开', '竞赛管理', '政策宣讲', '系统管理'])
    unmount()
    renderConsole('/settings', { user: staff('reviewer') })
    // found, not got: the menu settles after its first render (it registers its items, then redraws)
    expect(await menuOf().findByText('审核队列')).toBeInTheDocument()
    expect(menuOf().queryByText('政策导入')).not.toBeInTheDocument()
  })

  it('opens a dispatcher’s and an 信息公开专员’s console on their first page, with no 仪表盘 they could not read', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/lecture-orders': emptyPage, 'GET /admin/information-requests': emptyPage })
    const { unmount } = renderConsole('/', { user: staff('dispatcher') })
    expect(menuOf().queryByText('仪表盘')).not.toBeInTheDocument()
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/lecture-orders')).toBe(true))
    unmount()
    renderConsole('/', { user: staff('foia_officer') })
    expect(menuOf().queryByText('仪表盘')).not.toBeInTheDocument()
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/information-requests')).toBe(true))
    expect(calls.some((c) => c.path === '/admin/dashboard')).toBe(false)
  })

  it('refuses an editor who opens 账号管理 by its address', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE } })
    renderConsole('/accounts', { user: staff('editor') })
    expect(await screen.findByText('没有权限')).toBeInTheDocument()
    expect(calls.some((c) => c.path === '/admin/accounts')).toBe(false)
  })

  it('goes back to the sign-in page with a message when the session expires (401)', async () => {
    fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': { status: 401, body: { error: { code: 'unauthorized', message: '请先登录' } } } })
    const { where } = renderConsole('/audit', { user: staff('admin') })
    expect(await screen.findByText('登录已过期，请重新登录。')).toBeInTheDocument()
    expect(where.pathname).toBe('/login')
    expect(session.token()).toBeNull()
  })

  it('signs out with 退出登录', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/audit': emptyPage, 'POST /auth/logout': { body: { ok: true } } })
    const { where } = renderConsole('/audit', { user: staff('admin') })
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }))
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument()
    await waitFor(() => expect(where.pathname).toBe('/login'))
    expect(calls.find((c) => c.path === '/auth/logout')!.headers.Authorization).toBe('Bearer token-1')
    expect(session.token()).toBeNull()
  })

  it('shows 页面不存在 for an unknown address', async () => {
    fakeApi({})
    renderConsole('/no-such-page', { user: staff('editor') })
    expect(await screen.findByText('页面不存在')).toBeInTheDocument()
  })
})
