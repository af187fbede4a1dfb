import { act, fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { useFixtureApi } from '../../../../test/support/fixture-api'
import VideoPlayPage from '../pages/play/index'

useFixtureApi()

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
