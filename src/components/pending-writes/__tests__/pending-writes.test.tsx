import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { outbox, useNetworkStore, useSessionStore } from '@/api'
import ConsultPage from '@/packages/qa/pages/consult/index'
import MinePage from '@/pages/mine/index'
import { OfflineBanner } from '../../offline-banner'

const api = setupFixtureApi()

afterEach(() => act(() => useSessionStore.getState().signOut()))

async function signIn() {
  const s = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '李大伯' } })
  act(() => useSessionStore.getState().signIn(s))
  return s
}

describe('待发送 and the offline banner', () => {
  it('a question asked while the network is down shows in 我的 → 待发送, goes out with 立即重试, and the list empties', async () => {
    const s = await signIn()
    api.failNext(1, /consultations/)
    await outbox.submit('POST /consultations', {
      body: { topic: 'yanglao', question: '高龄津贴每个月能领多少钱？', regionCode: '331002' },
      label: '咨询：高龄津贴每个月能领多少钱？',
    })
    render(<MinePage />)
    const region = await screen.findByRole('region', { name: '待发送' })
    expect(region).toHaveTextContent('待发送（1）')
    expect(region).toHaveTextContent('咨询：高龄津贴每个月能领多少钱？')
    expect(region).toHaveTextContent('等待联网后自动发送')
    fireEvent.click(screen.getByRole('button', { name: '立即重试' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: '待发送' })).toBeNull())
    expect(await api.client.call('GET /consultations/mine', { token: s.token })).toHaveLength(1)
  })

  it('删除 removes a refused write the user no longer wants', async () => {
    await signIn()
    // refused during a replay (no form open): kept as failed with the reason
    api.failNext(1, /consultations/)
    const out = await outbox.submit('POST /consultations', {
      body: { topic: 'yanglao', question: '高龄津贴每个月能领多少钱？', regionCode: '999999' },
      label: '咨询：地区不对',
    })
    expect(out.status).toBe('queued')
    const { Outbox } = await import('@/api/outbox')
    const { taroStorage } = await import('@/api/kv-storage')
    await new Outbox({ storage: taroStorage, client: () => api.client }).flush()
    render(<MinePage />)
    const region = await screen.findByRole('region', { name: '待发送' })
    expect(region).toHaveTextContent('未能提交：请选择所在地区')
    fireEvent.click(screen.getByRole('button', { name: '删除：咨询：地区不对' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: '待发送' })).toBeNull())
  })

  it('the banner says whether the network or the server is away, and how many actions wait', async () => {
    await signIn()
    render(<OfflineBanner />)
    expect(screen.queryByRole('status')).toBeNull()
    act(() => useNetworkStore.getState().setOnline(false))
    expect(screen.getByRole('status')).toHaveTextContent('网络已断开')
    expect(screen.getByRole('status')).toHaveTextContent('您的提交会在联网后自动发送')
    act(() => {
      useNetworkStore.getState().setOnline(true)
      useNetworkStore.getState().setReachable(false)
    })
    expect(screen.getByRole('status')).toHaveTextContent('连不上服务器')
    act(() => useNetworkStore.getState().setReachable(true))
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('keeps an unsent question as a draft and brings it back', async () => {
    await signIn()
    const { unmount } = render(<ConsultPage />)
    const box = await screen.findByLabelText('您的问题')
    fireEvent(box, new CustomEvent('input', { bubbles: true, detail: { value: '我想问残疾人两项补贴' } }))
    expect(JSON.parse(taroMock.storage.get('zct-draft:consult') as string)).toMatchObject({ question: '我想问残疾人两项补贴' })
    unmount()
    render(<ConsultPage />)
    expect(await screen.findByText(/已恢复上次未提交的问题/)).toBeInTheDocument()
  })
})
