import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import VideoFeedPage from '../pages/feed/index'

const api = setupFixtureApi()
const all = async () => (await api.store.media.listVideos({ page: 1, pageSize: 50 })).items

describe('刷视频 feed', () => {
  it('starts at the tapped video even when it is on a later page', async () => {
    const videos = await all()
    expect(videos.length).toBeGreaterThan(10)
    const target = videos[10]
    taroMock.routerParams = { id: target.id }
    render(<VideoFeedPage />)
    expect(await screen.findByText(new RegExp(`第 11/${videos.length} 条`))).toBeInTheDocument()
    expect(screen.getByText(target.title)).toBeInTheDocument()
    expect(api.requests.filter((r) => r.startsWith('GET /api/v1/videos?'))).toHaveLength(2)
  })

  it('loads the next page as the user nears the end, and renders only the slides near the current one', async () => {
    const videos = await all()
    taroMock.routerParams = { id: videos[0].id }
    render(<VideoFeedPage />)
    await screen.findByText(new RegExp(`第 1/${videos.length} 条`))
    expect(api.requests.filter((r) => r.startsWith('GET /api/v1/videos?'))).toHaveLength(1)
    // far slides are empty: only the current one and two on each side have content
    expect(document.querySelectorAll('.feed__stage')).toHaveLength(3)
    for (let i = 1; i <= 7; i++) {
      fireEvent.click(
        screen.getAllByRole('button', { name: '下一个视频' }).find((b) => b.closest('.feed__stage')?.getAttribute('data-index') === String(i - 1))!,
      )
      await screen.findByText(new RegExp(`第 ${i + 1}/${videos.length} 条`))
    }
    await waitFor(() => expect(api.requests.filter((r) => r.startsWith('GET /api/v1/videos?'))).toHaveLength(2))
    expect(document.querySelectorAll('.feed__stage')).toHaveLength(5)
  })

  describe('switching cards (H5: a player that is not on the page has no context)', () => {
    // as on H5: createVideoContext finds the mounted player by id, else null
    let spy: jest.SpyInstance
    beforeEach(() => {
      const real = Taro.createVideoContext
      spy = jest
        .spyOn(Taro, 'createVideoContext')
        .mockImplementation((id: string) => (document.getElementById(id) ? real(id) : (null as unknown as Taro.VideoContext)))
    })
    afterEach(() => spy.mockRestore())

    const played = () => taroMock.videoCalls.filter((c) => c.action === 'play').map((c) => c.id)

    it('the 4th card opens on its own video, which starts and carries autoplay', async () => {
      const videos = await all()
      taroMock.routerParams = { id: videos[3].id }
      render(<VideoFeedPage />)
      await screen.findByText(new RegExp(`第 4/${videos.length} 条`))
      await waitFor(() => expect(played()).toEqual([`feed-${videos[3].id}`]))
      const player = document.getElementById(`feed-${videos[3].id}`) as HTMLElement
      expect(player.closest('.feed__stage')?.getAttribute('data-index')).toBe('3')
      expect(player).toHaveProperty('autoplay', true)
      // its neighbours are mounted but wait
      expect(document.getElementById(`feed-${videos[2].id}`)).toHaveProperty('autoplay', false)
    })

    it('the last card opens on its own video; 上一个 pauses it and plays the one before', async () => {
      const videos = await all()
      const last = videos.length - 1
      taroMock.routerParams = { id: videos[last].id }
      render(<VideoFeedPage />)
      await screen.findByText(new RegExp(`第 ${last + 1}/${videos.length} 条`))
      await waitFor(() => expect(played()).toEqual([`feed-${videos[last].id}`]))
      const stage = document.querySelector(`.feed__stage[data-index="${last}"]`) as HTMLElement
      fireEvent.click(stage.querySelector('[aria-label="上一个视频"]') as HTMLElement)
      await screen.findByText(new RegExp(`第 ${last}/${videos.length} 条`))
      expect(taroMock.videoCalls.slice(-2)).toEqual([
        { id: `feed-${videos[last].id}`, action: 'pause', arg: undefined },
        { id: `feed-${videos[last - 1].id}`, action: 'play', arg: undefined },
      ])
    })

    it('an action on a player that is not mounted is skipped, not thrown', async () => {
      const videos = await all()
      taroMock.routerParams = { id: videos[0].id }
      render(<VideoFeedPage />)
      await screen.findByText(new RegExp(`第 1/${videos.length} 条`))
      const { controlVideo } = await import('@/features/videos/video-control')
      expect(controlVideo(`feed-${videos[5].id}`, 'play')).toBe(false)
      expect(controlVideo(`feed-${videos[1].id}`, 'pause')).toBe(true)
    })
  })
})
