/**
 * Residents on H5 against the real routes (SQLite in memory, demo mode: the code comes back as
 * devCode): 手机号登录, its errors in Chinese, and the consultation that asked for sign-in coming
 * back after it with what was typed.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import ConsultPage from '@/packages/qa/pages/consult/index'
import SignInPage from '@/packages/sign-in/pages/resident/index'
import MinePage from '@/pages/mine/index'
import { sha256Hex, startOaNonce, storedOaNonce } from '@/features/resident-sign-in/oa-nonce'

const api = setupFixtureApi()
jest.setTimeout(20_000)

function typeInto(label: string, value: string) {
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { bubbles: true, detail: { value } }))
}

async function smsSignIn(mobile: string) {
  typeInto('手机号', mobile)
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  const note = await screen.findByRole('note')
  const code = /演示模式：验证码 (\d{6})/.exec(note.textContent ?? '')![1]
  typeInto('验证码', code)
  fireEvent.click(screen.getByRole('button', { name: '登录' }))
}

afterEach(() => act(() => useSessionStore.getState().signOut()))

describe('手机号登录', () => {
  it('sends a code with a 60 s countdown, shows it in the demo and signs in', async () => {
    render(<SignInPage />)
    typeInto('手机号', '13812340001')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByRole('note')).toHaveTextContent(/^演示模式：验证码 \d{6}$/)
    expect(screen.getByRole('button', { name: /^60 秒后重新获取$/ })).toBeInTheDocument()
    const code = /(\d{6})/.exec(screen.getByRole('note').textContent!)![1]
    typeInto('验证码', code)
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(useSessionStore.getState().user?.nickname).toMatch(/^居民\d{4}$/))
    // sent from 我的 (no redirect): back to 我的
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/mine/index' })
  })

  it('says what is wrong in Chinese: a bad number, a wrong code, a send too soon (with the seconds)', async () => {
    render(<SignInPage />)
    typeInto('手机号', '1381234')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入正确的11位手机号')

    // another device asked for this number a moment ago
    await api.client.call('POST /auth/sms/send', { body: { mobile: '13812340002' } })
    typeInto('手机号', '13812340002')
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^验证码已发送，获取过于频繁，请 \d+ 秒后再试$/))

    typeInto('验证码', '000000')
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^验证码不正确，还可以再试 4 次$|^请先获取验证码$/))
    expect(useSessionStore.getState().token).toBeUndefined()
  })
})

describe('the consultation that asked for sign-in', () => {
  it('comes back after SMS sign-in with the question, topic and region, and submits', async () => {
    const question = '我母亲82岁，户籍在椒江，高龄津贴怎么申请？'
    taroMock.routerParams = { topic: 'yanglao' }
    const form = render(<ConsultPage />)
    await screen.findByLabelText('您的问题')
    typeInto('您的问题', question)
    // the one RegionPicker: 椒江区 opens its townships, 就选「椒江区」 takes the county
    fireEvent.click(screen.getByTestId('region-picker'))
    fireEvent.click(await screen.findByRole('button', { name: '椒江区' }))
    fireEvent.click(await screen.findByText('就选「椒江区」'))
    const countyField = () => screen.getByTestId('region-picker')
    await waitFor(() => expect(countyField()).toHaveAttribute('aria-label', '所在地区：椒江区'))
    const county = countyField().getAttribute('aria-label')
    fireEvent.click(screen.getByRole('button', { name: '提交咨询' }))

    // to sign-in, told where to come back to; nothing was sent
    const consultUrl = '/packages/qa/pages/consult/index?topic=yanglao'
    expect(taroMock.navigations.at(-1)).toEqual({
      kind: 'navigateTo',
      url: `/packages/sign-in/pages/resident/index?redirect=${encodeURIComponent(consultUrl)}`,
    })
    expect(api.requests.some((r) => r.startsWith('POST /api/v1/consultations'))).toBe(false)
    form.unmount()

    taroMock.routerParams = { redirect: encodeURIComponent(consultUrl) }
    const signIn = render(<SignInPage />)
    await smsSignIn('13812340003')
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: consultUrl }))
    signIn.unmount()

    // the form again, as redirectTo opens it: what was typed is back
    taroMock.routerParams = { topic: 'yanglao' }
    render(<ConsultPage />)
    await waitFor(() => expect(screen.getByLabelText('您的问题')).toHaveAttribute('value', question))
    await waitFor(() => expect(countyField()).toHaveAttribute('aria-label', county!))
    fireEvent.click(screen.getByRole('button', { name: '提交咨询' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/packages/qa/pages/mine/index' }))
    const mine = await api.client.call('GET /consultations/mine', { cache: 'network' })
    expect(mine.map((c) => c.question)).toEqual([question])
    expect(taroMock.storage.has('zct-draft:consult')).toBe(false)
  })
})

describe('我的', () => {
  it('offers 手机号登录 on H5 to an anonymous visitor', async () => {
    render(<MinePage />)
    expect(await screen.findByRole('heading', { name: '手机号登录' })).toBeInTheDocument()
  })

  it('lets a resident change their display name; the server’s refusal is shown in Chinese', async () => {
    const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '测试居民甲' } })
    act(() => useSessionStore.getState().signIn(session))
    render(<MinePage />)
    expect(screen.queryByRole('heading', { name: '手机号登录' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /修改昵称/ }))
    typeInto('昵称', '网赌平台老王')
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('内容包含不适宜发布的信息，请修改后再提交')
    typeInto('昵称', ' 椒江老王 ')
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(useSessionStore.getState().user?.nickname).toBe('椒江老王'))
    expect(screen.getByText('椒江老王', { selector: '.mine__name' })).toBeInTheDocument()
    expect((await api.client.call('GET /auth/me', { cache: 'network' })).nickname).toBe('椒江老王')
  })
})

describe('去登录 elsewhere', () => {
  it('opens sign-in with the page it was on, and sign-in returns there', async () => {
    const { LoginNeeded } = await import('@/components/login-needed')
    taroMock.routerPath = '/packages/lecture/pages/order/index'
    taroMock.routerParams = { topic: 'lt001' }
    const page = render(<LoginNeeded what='即可点单' />)
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    const orderUrl = '/packages/lecture/pages/order/index?topic=lt001'
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/packages/sign-in/pages/resident/index?redirect=${encodeURIComponent(orderUrl)}` })
    page.unmount()

    taroMock.routerPath = '/packages/sign-in/pages/resident/index'
    taroMock.routerParams = { redirect: encodeURIComponent(orderUrl) }
    render(<SignInPage />)
    await smsSignIn('13812340004')
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: orderUrl }))
  })

  it('never returns to another site', async () => {
    taroMock.routerParams = { redirect: encodeURIComponent('https://evil.example/') }
    render(<SignInPage />)
    await smsSignIn('13812340005')
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/mine/index' }))
  })
})

describe('微信授权 coming back to the sign-in page (review M3)', () => {
  afterEach(() => {
    sessionStorage.clear()
    taroMock.routerParams = {}
  })

  it('does not exchange a code+state link this tab did not start, and says so', async () => {
    taroMock.routerParams = { code: 'attacker-code', state: 'a'.repeat(32) }
    render(<SignInPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent('这个微信授权链接不是在本页面发起的，未登录')
    // the sign-in form is there instead, and nothing was sent
    expect(screen.getByRole('button', { name: '获取验证码' })).toBeInTheDocument()
    expect(api.requests.filter((r) => r.includes('/auth/wechat-oa'))).toEqual([])
    expect(useSessionStore.getState().token).toBeUndefined()
  })

  it('exchanges it with the nonce this tab kept, once, and forgets the nonce', async () => {
    const hash = startOaNonce()
    const nonce = storedOaNonce()!
    expect(nonce).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(sha256Hex(nonce))
    taroMock.routerParams = { code: 'own-code', state: 'b'.repeat(32) }
    render(<SignInPage />)
    // this fixture server has no 公众号 configured: the exchange is sent, answered 503 and shown
    expect(await screen.findByRole('alert')).not.toHaveTextContent('不是在本页面发起的')
    expect(api.requests.filter((r) => r.includes('/auth/wechat-oa'))).toEqual(['POST /api/v1/auth/wechat-oa'])
    expect(storedOaNonce()).toBeUndefined()
  })
})
