import { fireEvent, render, screen, waitFor } from '@testing-library/react'
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
})
