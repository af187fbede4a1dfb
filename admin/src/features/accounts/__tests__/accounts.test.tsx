import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { StaffAccount } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

const admin = staff('admin', { code: '331024', name: '仙居县' })
const account = (id: string, over: Partial<StaffAccount> = {}): StaffAccount => ({
  id,
  username: `user${id}`,
  name: `编辑${id}`,
  role: 'editor',
  org: { code: '331024', name: '仙居县' },
  disabled: false,
  createdAt: '2026-01-05T02:00:00Z',
  ...over,
})

describe('账号管理', () => {
  it('lists the accounts with Chinese roles and states, paged by the server', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/accounts': { body: { items: [account('1'), account('2', { role: 'reviewer', disabled: true })], total: 42, page: 1, pageSize: 20 } },
    })
    renderConsole('/accounts', { user: admin })
    const row = (await screen.findByText('user2')).closest('tr')!
    expect(within(row).getByText('审核')).toBeInTheDocument()
    expect(within(row).getByText('已停用')).toBeInTheDocument()
    expect(within(row).getByRole('button', { name: /启\s*用/ })).toBeInTheDocument()
    expect(screen.getByText('共 42 个账号')).toBeInTheDocument()
    const list = calls.find((c) => c.path === '/admin/accounts')!
    expect(list.query.get('page')).toBe('1')
    expect(list.query.get('pageSize')).toBe('20')

    fireEvent.change(screen.getByLabelText('搜索用户名或姓名'), { target: { value: '张' } })
    fireEvent.keyDown(screen.getByLabelText('搜索用户名或姓名'), { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() =>
      expect(
        calls
          .filter((c) => c.path === '/admin/accounts')
          .at(-1)!
          .query.get('q'),
      ).toBe('张'),
    )
  })

  it('creates an account and lists it', async () => {
    let created = false
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/accounts': () => ({ body: { items: created ? [account('9', { username: 'xj-wang' })] : [], total: created ? 1 : 0, page: 1, pageSize: 20 } }),
      'POST /admin/accounts': (call) => {
        created = true
        return { status: 201, body: account('9', { username: (call.body as { username: string }).username }) }
      },
    })
    renderConsole('/accounts', { user: admin })
    expect(await screen.findByText('还没有账号')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '新建账号' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'xj-wang' } })
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '王芳' } })
    fireEvent.change(within(dialog).getByLabelText('初始密码'), { target: { value: 'Xianju-2026!' } })
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }))
    expect(await screen.findByText('xj-wang')).toBeInTheDocument()
    const post = calls.find((c) => c.method === 'POST' && c.path === '/admin/accounts')!
    expect(post.body).toEqual({ username: 'xj-wang', name: '王芳', role: 'editor', orgCode: '331024', password: 'Xianju-2026!' })
    expect(post.headers['Idempotency-Key']).toBeTruthy()
  })

  it("checks the username before sending and shows the server's refusal under its field", async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/accounts': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
      'POST /admin/accounts': { status: 400, body: { error: { code: 'bad_request', message: '密码不能包含用户名' } } },
    })
    renderConsole('/accounts', { user: admin })
    fireEvent.click(await screen.findByRole('button', { name: '新建账号' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: '王芳' } })
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '王芳' } })
    fireEvent.change(within(dialog).getByLabelText('初始密码'), { target: { value: 'xjwang-2026-pass' } })
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }))
    expect(await within(dialog).findByText('用户名为 3 到 32 位字母、数字、下划线、点或短横线')).toBeInTheDocument()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'xjwang' } })
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }))
    expect(await within(dialog).findByText('密码不能包含用户名')).toBeInTheDocument()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })
})
