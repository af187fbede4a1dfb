/**
 * 依申请公开 pages against the real routes (in-memory store, mock fixtures): the form checks
 * before sending, keeps a draft through a sign-in detour, and registers one application; the
 * detail shows the number to keep; 我的信息公开申请 lists it and opens it.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import ApplyPage from '../pages/apply/index'
import DetailPage from '../pages/detail/index'
import MinePage from '../pages/mine/index'

const api = setupFixtureApi()
jest.setTimeout(30000)

function type(label: string, value: string) {
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { bubbles: true, detail: { value } }))
}

/** a Taro Picker reports a choice as a `change` event on its host with detail.value */
function pick(label: string, value: number) {
  const host = screen.getByRole('button', { name: label, hidden: true }).closest('taro-picker-core')!
  fireEvent(host, new CustomEvent('change', { bubbles: true, detail: { value } }))
}

async function signIn() {
  const session = await api.client.call('POST /auth/dev', { body: { role: 'resident' } })
  act(() => useSessionStore.getState().signIn(session))
}

afterEach(() => {
  act(() => useSessionStore.getState().signOut())
  Taro.removeStorageSync('zct-draft:foia')
})

const posts = () => api.requests.filter((r) => /^POST \S*\/information-requests$/.test(r))

describe('依申请公开', () => {
  it('checks the form on the device, in Chinese, before anything is sent', async () => {
    render(<ApplyPage />)
    await screen.findByText('申请人信息')
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect((await screen.findByRole('alert')).textContent).toBe('请填写申请人姓名')
    type('姓名', '王小明')
    type('证件号码', '331002199003071237')
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect((await screen.findByRole('alert')).textContent).toBe('居民身份证号码不正确，请核对')
    expect(posts()).toEqual([])
  })

  it('keeps what was typed through the sign-in detour, registers the application once and shows its number', async () => {
    const { unmount } = render(<ApplyPage />)
    await screen.findByText('申请人信息')
    type('姓名', '王小明')
    type('证件号码', '331002199003071236')
    type('联系电话', '13812345678')
    type('信息名称', '2026年老旧小区改造计划')
    pick('选择申请公开的机关', 0)
    expect(await screen.findByRole('button', { name: /申请公开的机关：/, hidden: true })).toBeTruthy()
    expect(screen.getByText('提交前需要登录，填写的内容会保留')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.url).toMatch(/sign-in/))
    unmount()

    await signIn()
    render(<ApplyPage />)
    await screen.findByText('已恢复上次未提交的内容')
    expect((screen.getByLabelText('姓名') as HTMLElement & { value?: string }).value).toBe('王小明')
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/foia\/pages\/detail\/index\?id=.+&new=1$/))
    expect(posts()).toHaveLength(1)
    expect(Taro.getStorageSync('zct-draft:foia')).toBeFalsy()
  })

  it('the detail shows the number to keep, and 我的信息公开申请 lists the application and opens it', async () => {
    await signIn()
    const created = await api.client.call('POST /information-requests', {
      body: {
        applicantType: 'citizen',
        name: '王小明',
        idType: 'id_card',
        idNumber: '331002199003071236',
        phone: '13812345678',
        infoTitle: '椒江区2026年民生实事项目清单',
        orgCode: '331000',
        format: 'electronic',
        delivery: 'online',
      },
      idempotencyKey: 'foia-pages-test-1',
    })
    taroMock.routerParams = { id: created.id, new: '1' }
    const detail = render(<DetailPage />)
    expect((await screen.findByText(`申请编号 ${created.number}`)).closest('[role="status"]')?.textContent).toContain('申请已提交')
    expect(screen.getByText('办理过程')).toBeTruthy()
    // the applicant's certificate number is masked
    expect(document.body.textContent).toContain('331***********1236')
    expect(document.body.textContent).not.toContain('331002199003071236')

    detail.unmount()
    render(<MinePage />)
    await screen.findByText('＋ 新的信息公开申请')
    // the whole card is one button, named by what it says
    const item = screen.getByText('椒江区2026年民生实事项目清单').closest('[role="button"]')!
    fireEvent.click(item)
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/foia/pages/detail/index?id=${encodeURIComponent(created.id)}`)
  })
})
