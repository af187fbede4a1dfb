import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import { UNSURE_QUESTION } from '../../../../test/support/qa-questions'
import AskPage from '../pages/ask/index'
import ConsultPage from '../pages/consult/index'
import MyConsultationsPage from '../pages/mine/index'

const api = setupFixtureApi()

/** Types into a Taro Input/Textarea as its H5 component reports it: an `input` event with detail.value. */
function type(selector: string, value: string) {
  const host = document.querySelector(selector) as HTMLElement
  fireEvent(host, new CustomEvent('input', { bubbles: true, detail: { value } }))
}

async function signIn(role: 'resident' | 'responder' = 'resident') {
  const session = await api.client.call('POST /auth/dev', { body: { role } })
  act(() => useSessionStore.getState().signIn(session))
  return session
}

afterEach(() => act(() => useSessionStore.getState().signOut()))

describe('智能问答', () => {
  it('suggests FAQs while typing, with the matched words highlighted', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    render(<AskPage />)
    type('.qa__input', '医保异地')
    expect(document.querySelector('.qa-suggest')).toBeNull()
    await act(async () => {
      jest.advanceTimersByTime(300)
    })
    jest.useRealTimers()
    const options = await screen.findAllByRole('option')
    expect(options[0].textContent).toContain('异地就医备案')
    expect(options[0].querySelector('.hl')?.textContent).toMatch(/医保|异地/)
    expect(api.requests.filter((r) => r.includes('/qa/search')).length).toBe(1)
  })

  it('shows the best answer with links to its interpretation and policy', async () => {
    render(<AskPage />)
    type('.qa__input', '医保怎么异地备案')
    fireEvent.click(await screen.findByRole('button', { name: '提问' }))
    const card = await screen.findByRole('article')
    expect(card.textContent).toContain('要去外省看病，医保异地就医备案怎么办？')
    expect(card.textContent).toContain('国家医保服务平台')
    fireEvent.click(screen.getByText('查看政策原文 ›'))
    expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/policy\/pages\/detail\/index\?id=p\d+/)
  })

  it('cites the policy, its 文号 and the article the answer rests on, one tap from the policy', async () => {
    render(<AskPage />)
    type('.qa__input', '家里老人去世了丧葬费能领多少')
    fireEvent.click(await screen.findByRole('button', { name: '提问' }))
    const card = await screen.findByRole('article')
    expect(card.textContent).toContain('家里老人去世了，丧葬费能领多少？')
    const source = card.querySelector('.answer-card__source') as HTMLElement
    expect(source.textContent).toContain('台民发〔2024〕40号')
    expect(source.textContent).toContain('三、丧葬补助金和抚恤金')
    fireEvent.click(source)
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/policy/pages/detail/index?id=p016')
  })

  it('calls a guess 可能相关 and offers the department first when the server is not sure', async () => {
    render(<AskPage />)
    type('.qa__input', UNSURE_QUESTION)
    fireEvent.click(await screen.findByRole('button', { name: '提问' }))
    const note = await screen.findByRole('note')
    expect(note.textContent).toContain('没有把握较大的答案')
    expect(screen.getByRole('article').textContent).toMatch(/^可能相关/)
    fireEvent.click(screen.getByRole('button', { name: '向部门咨询' }))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/qa/pages/consult/index?q=${encodeURIComponent(UNSURE_QUESTION)}`)
  })

  it('shows a confident answer without the 可能相关 note', async () => {
    render(<AskPage />)
    type('.qa__input', '社保卡丢了怎么补办')
    fireEvent.click(await screen.findByRole('button', { name: '提问' }))
    const card = await screen.findByRole('article')
    expect(card.textContent).not.toContain('可能相关')
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('offers 向部门咨询 with the question when nothing answers it', async () => {
    render(<AskPage />)
    type('.qa__input', '火星移民签证怎么办理')
    fireEvent.click(await screen.findByRole('button', { name: '提问' }))
    await screen.findByText('没找到相关答案')
    fireEvent.click(await screen.findByRole('button', { name: '向部门咨询' }))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/qa/pages/consult/index?q=${encodeURIComponent('火星移民签证怎么办理')}`)
  })
})

describe('政策咨询', () => {
  it('lets an anonymous visitor write, and asks them to sign in at 提交, to come back here', async () => {
    taroMock.routerParams = { topic: 'yibao' }
    render(<ConsultPage />)
    await screen.findByText('提交前需要登录，填写的内容会保留')
    type('.consult__textarea', '异地就医备案后多久生效？')
    fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
    // the region is still missing: said before any detour
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择所在县市区')
    expect(taroMock.navigations).toEqual([])
  })

  it('checks the form before sending anything', async () => {
    await signIn()
    taroMock.routerParams = { topic: 'yibao' }
    render(<ConsultPage />)
    await screen.findByText('您的问题')
    fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请把问题写清楚一些（至少5个字）')
    type('.consult__textarea', '异地就医备案后多久生效？')
    fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择所在县市区')
    expect(api.requests.some((r) => r.startsWith('POST /api/v1/consultations'))).toBe(false)
  })

  it('a question asked while the network is down is kept: the form clears with 已保存，联网后自动发送, 我的咨询 shows it 待发送, and it is stored once', async () => {
    const session = await signIn()
    act(() => useSessionStore.getState().signIn({ ...session, user: { ...session.user, regionCode: '331002' } }))
    taroMock.routerParams = { topic: 'yibao', q: encodeURIComponent('我在上海住院，医保异地备案怎么办？') }
    render(<ConsultPage />)
    await screen.findByText('您的问题')
    type('.consult__input', '13812345678')

    // the network is down: kept in 待发送, not an error
    api.failNext(1, /\/consultations$/)
    fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
    expect(await screen.findByRole('status', { hidden: true })).toHaveTextContent('已保存，联网后自动发送')
    expect(screen.queryByRole('alert')).toBeNull()
    expect((document.querySelector('.consult__textarea') as HTMLElement & { value?: string }).value ?? '').toBe('')
    expect(taroMock.navigations).toEqual([])
    fireEvent.click(screen.getByRole('link', { name: '查看我的咨询' }))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/qa/pages/mine/index' })

    const { unmount } = render(<MyConsultationsPage />)
    const waiting = await screen.findAllByRole('article')
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toHaveTextContent('待发送')
    expect(waiting[0]).toHaveTextContent('我在上海住院，医保异地备案怎么办？')
    expect(waiting[0]).toHaveTextContent('联网后自动发送')
    expect(screen.queryByText('还没有咨询记录')).toBeNull()
    // back online: sent with its key, and the list shows the stored one
    fireEvent.click(screen.getByRole('button', { name: '立即重试' }))
    await waitFor(() => expect(screen.getAllByRole('article')[0]).toHaveTextContent('待回复'))
    const items = screen.getAllByRole('article')
    expect(items).toHaveLength(1)
    expect(items[0]).toHaveTextContent('我在上海住院，医保异地备案怎么办？')
    expect(items[0]).toHaveTextContent('138****5678')
    expect(document.body.textContent).not.toContain('13812345678')
    unmount()
  })

  it('a question whose answer was lost is not shown twice in 我的咨询 while its replay waits', async () => {
    const session = await signIn()
    act(() => useSessionStore.getState().signIn({ ...session, user: { ...session.user, regionCode: '331002' } }))
    taroMock.routerParams = { topic: 'yibao', q: encodeURIComponent('门诊慢病的待遇怎么申请？') }
    render(<ConsultPage />)
    await screen.findByText('您的问题')
    api.loseNextAnswer(/\/consultations$/)
    fireEvent.click(await screen.findByRole('button', { name: '提交咨询' }))
    expect(await screen.findByRole('status', { hidden: true })).toHaveTextContent('已保存，联网后自动发送')
    render(<MyConsultationsPage />)
    await screen.findAllByText('门诊慢病的待遇怎么申请？')
    const cards = screen.getAllByRole('article').filter((a) => a.textContent?.includes('门诊慢病的待遇怎么申请？'))
    expect(cards).toHaveLength(1)
    expect(cards[0]).toHaveTextContent('待回复')
  })

  it('suggests the 政策领域 from the question until the resident picks one', async () => {
    await signIn()
    render(<ConsultPage />)
    await screen.findByText('您的问题')
    type('.consult__textarea', '我母亲82岁，高龄津贴怎么申请？')
    expect(await screen.findByText('已根据您的问题推荐「养老服务」，可以改选')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '选择政策领域：养老服务', hidden: true })).toBeInTheDocument()
    type('.consult__textarea', '住院费用医保能报销多少？')
    expect(await screen.findByRole('button', { name: '选择政策领域：医疗保障', hidden: true })).toBeInTheDocument()
  })
})
