import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { clearHandOver, handOverFirstScreen } from '../../../../test/support/first-screen-handover'
import { interpretationPage } from '../../../../server/modules/first-screen/pages/interpretation'
import { FIRST_SCREEN_ELEMENT_ID } from '@common/contract'
import { firstScreenBlockCount } from '@common/first-screen-blocks'
import { useSessionStore } from '@/api'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import InterpretationDetailPage from '../pages/detail/index'
import ReadingPage from '../pages/reading/index'

const api = setupFixtureApi()
const i002 = fixtures.interpretations.find((i) => i.id === 'i002')!

beforeEach(() => {
  useReadingStore.setState({ history: [], positions: {} })
  taroMock.routerParams = { id: 'i002' }
})

describe('解读详情 (interpretation detail)', () => {
  it('shows the header with department, date and validity, every block, and the related video', async () => {
    render(<InterpretationDetailPage />)
    await screen.findByRole('heading', { name: i002.title })
    expect(screen.getByText(/台州市人力资源和社会保障局 · \d{4}年\d+月\d+日/)).toBeInTheDocument()
    expect(screen.getByText('有效')).toBeInTheDocument()
    const headings = i002.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)
    for (const h of headings) expect(screen.getByRole('heading', { name: h })).toBeInTheDocument()
    expect(screen.getAllByText('查看数据').length).toBe(i002.blocks.filter((b) => b.type === 'chart').length)
    await screen.findByText('相关视频')
    expect(document.querySelector('.related-videos__frame')).not.toBeNull()
  })

  it('removes the first screen the server drew once it shows the interpretation, or its error (H5)', async () => {
    for (const id of ['i002', 'nope']) {
      const layer = document.createElement('div')
      layer.id = FIRST_SCREEN_ELEMENT_ID
      document.body.appendChild(layer)
      taroMock.routerParams = { id }
      const view = render(<InterpretationDetailPage />)
      expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).not.toBeNull()
      if (id === 'i002') await screen.findByRole('heading', { name: i002.title })
      else await screen.findByRole('alert')
      expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
      view.unmount()
    }
  })

  it('opens the original policy', async () => {
    render(<InterpretationDetailPage />)
    fireEvent.click(await screen.findByText('查看政策原文'))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/policy/pages/detail/index?id=p002' })
  })

  it('asks a guest to sign in to 收藏; signed in, favourites on the account and unfavourites; records reading history', async () => {
    const view = render(<InterpretationDetailPage />)
    await screen.findByRole('heading', { name: i002.title })
    await waitFor(() => expect(useReadingStore.getState().history.map((h) => h.id)).toEqual(['i002']))
    fireEvent.click(screen.getByRole('button', { name: '☆ 收藏' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/sign-in\/pages\/resident\/index/))
    expect(screen.getByRole('button', { name: '☆ 收藏' })).toHaveAttribute('aria-pressed', 'false')

    const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '爱收藏' } })
    act(() => useSessionStore.getState().signIn(session))
    fireEvent.click(await screen.findByRole('button', { name: '☆ 收藏' }))
    expect(await screen.findByRole('button', { name: '★ 已收藏' })).toHaveAttribute('aria-pressed', 'true')
    expect(taroMock.toasts).toContain('已收藏')
    // on the account, not on the device
    expect((await api.client.call('GET /favourites', { query: {} })).items.map((f) => `${f.kind}:${f.id}`)).toEqual(['interpretation:i002'])
    expect(taroMock.storage.get('zct-reading')).not.toContain('favourites')
    view.unmount()

    // the old 我的收藏 address goes on to the new page; 阅读记录 stays on the device
    taroMock.routerParams = { tab: 'favourites' }
    const old = render(<ReadingPage />)
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/packages/favourites/pages/list/index' }))
    old.unmount()
    taroMock.routerParams = { tab: 'history' }
    const history = render(<ReadingPage />)
    expect(screen.getByText(i002.title)).toBeInTheDocument()
    history.unmount()

    taroMock.routerParams = { id: 'i002' }
    const again = render(<InterpretationDetailPage />)
    fireEvent.click(await screen.findByRole('button', { name: '★ 已收藏' }))
    await screen.findByRole('button', { name: '☆ 收藏' })
    expect(taroMock.toasts).toContain('已取消收藏')
    expect((await api.client.call('GET /favourites', { query: {} })).total).toBe(0)
    again.unmount()
    act(() => useSessionStore.getState().signOut())
  })

  it('returns the reader to where they left off', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] })
    const scroll = jest.spyOn(Taro, 'pageScrollTo')
    useReadingStore.setState({ positions: { i002: 640 } })
    render(<InterpretationDetailPage />)
    await screen.findByRole('heading', { name: i002.title })
    act(() => {
      jest.runOnlyPendingTimers()
    })
    expect(scroll).toHaveBeenCalledWith({ scrollTop: 640, duration: 0 })
    expect(taroMock.toasts).toContain('已回到上次阅读位置')
    jest.useRealTimers()
  })

  it('handing over from its first screen, draws the blocks it showed at once and the rest, 相关视频 and the links after (H5)', async () => {
    const i001 = fixtures.interpretations.find((i) => i.id === 'i001')!
    const drawnFirst = firstScreenBlockCount(i001.blocks)
    expect(drawnFirst).toBeLessThan(i001.blocks.length)
    await handOverFirstScreen(api, interpretationPage, { id: 'i001' })
    render(<InterpretationDetailPage />)
    expect(document.querySelectorAll('.block')).toHaveLength(drawnFirst)
    expect(screen.queryByText('查看政策原文')).toBeNull()
    expect(await screen.findByText('查看政策原文')).toBeInTheDocument()
    expect(document.querySelectorAll('.block')).toHaveLength(i001.blocks.length)
    await screen.findByText('相关视频')
    clearHandOver()
  })

  it('returning to a place further down, draws the whole interpretation at once', async () => {
    useReadingStore.setState({ positions: { i001: 900 } })
    await handOverFirstScreen(api, interpretationPage, { id: 'i001' })
    render(<InterpretationDetailPage />)
    expect(document.querySelectorAll('.block')).toHaveLength(fixtures.interpretations.find((i) => i.id === 'i001')!.blocks.length)
    expect(screen.getByText('查看政策原文')).toBeInTheDocument()
    await screen.findByText('相关视频')
    clearHandOver()
  })

  it('shows 找不到 for an unknown interpretation', async () => {
    taroMock.routerParams = { id: 'i999' }
    render(<InterpretationDetailPage />)
    await screen.findByText(/找不到/)
    expect(screen.getByText('重新加载')).toBeInTheDocument()
  })
})
