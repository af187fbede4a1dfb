/**
 * 工作人员登录, 登录设备 and 修改密码 against the real routes (SQLite in memory): an account made
 * in the store signs in and 我的 shows its name, role and organisation; wrong passwords show the
 * server's message, then the lock with its time; 退出登录 ends the session on the server; 下线
 * ends another device's; a password change keeps this device and checks the current password.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { AccountsRepository } from '../../../../server/modules/accounts/repository'
import { hashPassword } from '../../../../server/modules/auth/password'
import { useSessionStore } from '@/api'
import type { Role } from '@common/contract'
import MinePage from '@/pages/mine/index'
import LoginPage from '../pages/login/index'
import PasswordPage from '../pages/password/index'
import SessionsPage from '../pages/sessions/index'

const api = setupFixtureApi()
jest.setTimeout(30000)

const PASSWORD = 'xianju-staff-2026'

async function account(username: string, role: Role = 'dispatcher') {
  const accounts = new AccountsRepository(api.store.database, api.store.now, () => api.store.orgNames())
  const created = await accounts.createAccount({
    username,
    name: '仙居派单员',
    role,
    orgCode: '331024',
    department: '县委宣传部',
    passwordHash: await hashPassword(PASSWORD),
  })
  return created!
}

function type(label: string, value: string) {
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { bubbles: true, detail: { value } }))
}

async function signInThroughPage(username: string, password = PASSWORD) {
  render(<LoginPage />)
  type('用户名', username)
  type('密码', password)
  fireEvent.click(screen.getByRole('button', { name: '登录' }))
}

afterEach(() => act(() => useSessionStore.getState().signOut()))

describe('工作人员登录', () => {
  it('is reached from 我的, signs in with username and password, and 我的 shows name, role and organisation', async () => {
    await account('xj-dispatch')
    const mine = render(<MinePage />)
    fireEvent.click(screen.getByRole('listitem', { name: '工作人员登录' }))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/staff/pages/login/index' })
    mine.unmount()

    await signInThroughPage('xj-dispatch')
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/mine/index' }))
    expect(useSessionStore.getState().user).toMatchObject({ nickname: '仙居派单员', role: 'dispatcher', org: { code: '331024', name: '仙居县' } })
    expect(taroMock.toasts.at(-1)).toBe('已登录：仙居派单员（宣讲派单员）')

    render(<MinePage />)
    expect(screen.getByText('仙居派单员')).toBeInTheDocument()
    expect(screen.getByText('宣讲派单员 · 仙居县 · 县委宣传部')).toBeInTheDocument()
    expect(screen.getByRole('listitem', { name: '登录设备' })).toBeInTheDocument()
    expect(screen.getByRole('listitem', { name: '修改密码' })).toBeInTheDocument()
    expect(screen.queryByRole('listitem', { name: '工作人员登录' })).toBeNull()
  })

  it('asks for both fields, masks the password with show/hide, and shows the server message and then the lock', async () => {
    await account('xj-locked')
    render(<LoginPage />)
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入用户名')
    type('用户名', 'xj-locked')
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入密码')

    // Taro's H5 Input draws a native <input>: masked, shown, masked again
    const inputType = () => screen.getByLabelText('密码').querySelector('input')?.getAttribute('type')
    await waitFor(() => expect(inputType()).toBe('password'))
    fireEvent.click(screen.getByRole('button', { name: '显示' }))
    await waitFor(() => expect(inputType()).toBe('text'))
    fireEvent.click(screen.getByRole('button', { name: '隐藏' }))
    await waitFor(() => expect(inputType()).toBe('password'))

    for (let i = 1; i <= 4; i++) {
      type('密码', `wrong-password-${i}`)
      fireEvent.click(screen.getByRole('button', { name: '登录' }))
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('用户名或密码不正确'))
      await waitFor(() => expect(screen.getByRole('button', { name: '登录' })).not.toBeDisabled())
    }
    type('密码', 'wrong-password-5')
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('账号已锁定，请 15 分钟后再试'))
    // even the right password waits out the lock
    type('密码', PASSWORD)
    await waitFor(() => expect(screen.getByRole('button', { name: '登录' })).not.toBeDisabled())
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^账号已锁定，请 1[45] 分钟后再试$/))
    expect(useSessionStore.getState().token).toBeUndefined()
  })
})

describe('signed in as staff', () => {
  async function signedIn(username: string) {
    await account(username)
    const session = await api.client.call('POST /auth/password', { body: { username, password: PASSWORD } })
    act(() => useSessionStore.getState().signIn(session))
    return session
  }

  it('退出登录 ends the session on the server, not only on this device', async () => {
    const session = await signedIn('xj-logout')
    render(<MinePage />)
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }))
    await waitFor(() => expect(useSessionStore.getState().token).toBeUndefined())
    expect(await api.store.auth.getSession(session.token)).toBeUndefined()
    expect(api.requests).toContain('POST /api/v1/auth/logout')
  })

  it('登录设备 lists this device and others; 下线 ends another one', async () => {
    const session = await signedIn('xj-devices')
    const phone = await api.store.auth.createSession({
      userId: session.user.id,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.47',
      ip: '36.22.181.9',
    })
    render(<SessionsPage />)
    const list = await screen.findByRole('list', { name: '登录设备' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    const here = within(list).getByRole('listitem', { name: /（本机）$/ })
    expect(within(here).queryByRole('button')).toBeNull()
    const other = within(list).getByRole('listitem', { name: '微信 · iPhone' })
    expect(other).toHaveTextContent('IP 36.22.181.*')
    expect(other).not.toHaveTextContent('36.22.181.9')

    fireEvent.click(within(other).getByRole('button', { name: '下线 微信 · iPhone' }))
    await waitFor(() => expect(within(screen.getByRole('list', { name: '登录设备' })).getAllByRole('listitem')).toHaveLength(1))
    expect(taroMock.toasts).toContain('已下线该设备')
    expect(await api.store.auth.getSession(phone.token)).toBeUndefined()
    expect(await api.store.auth.getSession(session.token)).toBeDefined()
  })

  it('修改密码 checks the new one twice and the current one on the server, then keeps this device', async () => {
    const session = await signedIn('xj-change')
    const other = await api.store.auth.createSession({ userId: session.user.id })
    render(<PasswordPage />)
    type('当前密码', 'not-the-password')
    type('新密码', 'a-brand-new-pass-1')
    type('再次输入新密码', 'a-brand-new-pass-2')
    fireEvent.click(screen.getByRole('button', { name: '确认修改' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('两次输入的新密码不一致')

    type('再次输入新密码', 'a-brand-new-pass-1')
    fireEvent.click(screen.getByRole('button', { name: '确认修改' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('当前密码不正确'))
    expect(useSessionStore.getState().token).toBe(session.token)

    type('当前密码', PASSWORD)
    await waitFor(() => expect(screen.getByRole('button', { name: '确认修改' })).not.toBeDisabled())
    fireEvent.click(screen.getByRole('button', { name: '确认修改' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateBack' }))
    expect(taroMock.toasts).toContain('密码已修改，其他设备已下线')
    expect(await api.store.auth.getSession(session.token)).toBeDefined()
    expect(await api.store.auth.getSession(other.token)).toBeUndefined()
  })
})
