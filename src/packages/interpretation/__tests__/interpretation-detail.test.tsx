import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { FIRST_SCREEN_ELEMENT_ID } from '@common/contract'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import InterpretationDetailPage from '../pages/detail/index'
import ReadingPage from '../pages/reading/index'

setupFixtureApi()
const i002 = fixtures.interpretations.find((i) => i.id === 'i002')!

beforeEach(() => {
  useReadingStore.setState({ favourites: [], history: [], positions: {} })
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

  it('favourites and unfavourites, records reading history, and lists both in 我的收藏 / 阅读记录', async () => {
    const view = render(<InterpretationDetailPage />)
    await screen.findByRole('heading', { name: i002.title })
    await waitFor(() => expect(useReadingStore.getState().history.map((h) => h.id)).toEqual(['i002']))
    fireEvent.click(screen.getByText('☆ 收藏'))
    expect(taroMock.toasts).toContain('已收藏')
    expect(screen.getByText('★ 已收藏')).toBeInTheDocument()
    expect(JSON.parse(taroMock.storage.get('zct-reading') as string).state.favourites[0].id).toBe('i002')
    view.unmount()

    taroMock.routerParams = { tab: 'favourites' }
    const list = render(<ReadingPage />)
    expect(screen.getByText(i002.title)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '阅读记录' }))
    expect(screen.getByText(i002.title)).toBeInTheDocument()
    list.unmount()

    taroMock.routerParams = { id: 'i002' }
    render(<InterpretationDetailPage />)
    fireEvent.click(await screen.findByText('★ 已收藏'))
    expect(taroMock.toasts).toContain('已取消收藏')
    expect(useReadingStore.getState().favourites).toEqual([])
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

  it('shows 找不到 for an unknown interpretation', async () => {
    taroMock.routerParams = { id: 'i999' }
    render(<InterpretationDetailPage />)
    await screen.findByText(/找不到/)
    expect(screen.getByText('重新加载')).toBeInTheDocument()
  })
})
