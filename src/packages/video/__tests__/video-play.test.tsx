import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useSessionStore } from '@/api'
import { useDataSaverStore } from '@/features/settings/data-saver'
import { useThemeStore } from '@/features/elder-mode/stores/theme-store'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import VideoPlayPage from '../pages/play/index'

const api = setupFixtureApi()

function playTo(seconds: number) {
  const host = document.querySelector('.video-play__video') as HTMLElement
  act(() => {
    host.dispatchEvent(new CustomEvent('timeupdate', { bubbles: true, detail: { currentTime: seconds, duration: 12 } }))
  })
}

describe('短视频播放', () => {
  beforeEach(() => {
    taroMock.routerParams = { id: 'v001' }
  })

  it('plays with the caption of the current time drawn over the video', async () => {
    render(<VideoPlayPage />)
    await screen.findByText('政府的政策文件，在哪儿能查到？')
    playTo(4)
    expect(screen.queryByText('政府的政策文件，在哪儿能查到？')).toBeNull()
    expect(screen.getByText('登录台州市人民政府门户网站，')).toBeInTheDocument()
    expect(screen.getByText('进入“政府信息公开”专栏就能查。')).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: '关闭字幕' }))
    expect(document.querySelector('.caption-overlay')).toBeNull()
  })

  it('sizes the captions by the text size setting (特大: 24 px caption text instead of 18)', async () => {
    const sizeOfCaptions = async () => {
      const line = (await screen.findByText('政府的政策文件，在哪儿能查到？')).closest('.caption-overlay__line') as HTMLElement
      // the overlay's font-size is var(--fs-lg), set on the page root by the theme
      const root = line.closest('.page') as HTMLElement
      return root.style.getPropertyValue('--fs-lg')
    }
    const { unmount } = render(<VideoPlayPage />)
    expect(await sizeOfCaptions()).toBe('18px')
    unmount()
    act(() => useThemeStore.getState().setChoice('elder'))
    try {
      render(<VideoPlayPage />)
      expect(await sizeOfCaptions()).toBe('24px')
    } finally {
      act(() => useThemeStore.getState().setChoice(undefined))
    }
  })

  it('changes playback speed', async () => {
    render(<VideoPlayPage />)
    fireEvent.click(await screen.findByRole('button', { name: '1.25×' }))
    expect(taroMock.videoCalls).toContainEqual({ id: 'zct-player', action: 'playbackRate', arg: 1.25 })
    expect(screen.getByRole('button', { name: '1.25×' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('shows the captions as a transcript and links to the interpretation', async () => {
    render(<VideoPlayPage />)
    await screen.findByText('政府的政策文件，在哪儿能查到？')
    fireEvent.click(await screen.findByRole('button', { name: '看文字稿' }))
    expect(document.querySelector('.video-play__transcript')?.textContent).toContain('征求意见结束后一个月内公开采纳情况，有疑问还可以拨打12345。')
    fireEvent.click(screen.getByText('看图文解读'))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/interpretation/pages/detail/index?id=i001' })
  })

  it('says so when the video does not exist', async () => {
    taroMock.routerParams = { id: 'v999' }
    render(<VideoPlayPage />)
    await screen.findByText(/找不到/)
  })
})

describe('短视频点赞与播放量', () => {
  beforeEach(() => {
    taroMock.routerParams = { id: 'v002' }
  })
  afterEach(() => act(() => useSessionStore.getState().signOut()))

  it('counts a view when playback starts, once', async () => {
    const { fixtures } = jest.requireActual('../../../../mock/fixtures') as typeof import('../../../../mock/fixtures')
    const v002 = fixtures.videos.find((v) => v.id === 'v002')!
    const recorded = jest.spyOn(api.client, 'call')
    render(<VideoPlayPage />)
    const host = (await screen.findByText(/次播放/)).closest('.page')!.querySelector('.video-play__video') as HTMLElement
    act(() => {
      host.dispatchEvent(new CustomEvent('play', { bubbles: true, detail: {} }))
      host.dispatchEvent(new CustomEvent('play', { bubbles: true, detail: {} }))
    })
    await waitFor(() => expect(api.requests.filter((r) => r === 'POST /api/v1/videos/v002/views')).toHaveLength(1))
    // the count shown is the server's answer to the view
    const at = recorded.mock.calls.findIndex(([key]) => key === 'POST /videos/:id/views')
    // inside act: the page sets the count from this answer
    let answer: unknown
    await act(async () => {
      answer = await recorded.mock.results[at].value
    })
    expect(answer).toEqual({ views: v002.views + 1, counted: true })
    recorded.mockRestore()
  })

  it('asks to sign in to like, then likes and unlikes', async () => {
    render(<VideoPlayPage />)
    // the page is ready once its captions (a second request) are drawn over the video
    await screen.findByText('城乡居民基础养老金又涨了。')
    fireEvent.click(screen.getByRole('button', { name: /^点赞/ }))
    expect(taroMock.toasts).toContain('登录后可以点赞')
    const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '爱点赞' } })
    act(() => useSessionStore.getState().signIn(session))
    fireEvent.click(await screen.findByRole('button', { name: /^点赞/ }))
    const liked = await screen.findByRole('button', { name: /^已赞/ })
    expect(liked).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(liked)
    await screen.findByRole('button', { name: /^点赞/ })
  })
})

describe('省流量', () => {
  beforeEach(() => {
    taroMock.routerParams = { id: 'v001' }
    act(() => useDataSaverStore.getState().setDataSaver(false))
  })

  it('plays by itself on wifi, with the transcript closed', async () => {
    render(<VideoPlayPage />)
    await screen.findByText('政府的政策文件，在哪儿能查到？')
    expect(document.querySelector('.video-play__video')?.getAttribute('autoplay')).toBe('true')
    expect(document.querySelector('.video-play__transcript')).toBeNull()
  })

  it('on 3g shows the poster and the transcript instead of autoplaying', async () => {
    taroMock.networkType = '3g'
    render(<VideoPlayPage />)
    await screen.findByText('省流量模式：视频不会自动播放，可先看文字稿')
    await waitFor(() => expect(document.querySelector('.video-play__transcript')?.textContent).toContain('有疑问还可以拨打12345'))
    expect(document.querySelector('.video-play__video')?.getAttribute('autoplay')).not.toBe('true')
  })

  it('does the same when the user chose 省流量, remembered across launches', async () => {
    act(() => useDataSaverStore.getState().setDataSaver(true))
    expect(JSON.parse(taroMock.storage.get('zct-data-saver') as string).state.dataSaver).toBe(true)
    render(<VideoPlayPage />)
    await screen.findByText('省流量模式：视频不会自动播放，可先看文字稿')
  })
})
