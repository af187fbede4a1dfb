/**
 * 收藏 as residents see it, against the real API on SQLite in memory: the toggle on a policy page
 * and a video page (guests are sent to sign in), and 我的收藏 with its chips, removal, a withdrawn
 * item, and its empty, signed-out and error states.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import FavouritesPage from '@/packages/favourites/pages/list/index'
import PolicyDetailPage from '@/packages/policy/pages/detail/index'
import VideoFeedPage from '@/packages/video/pages/feed/index'
import VideoPlayPage from '@/packages/video/pages/play/index'
import { useFavouriteStore } from '../stores/favourite-store'

const api = setupFixtureApi()
const p001 = fixtures.policies.find((p) => p.id === 'p001')!
const v001 = fixtures.videos.find((v) => v.id === 'v001')!
const v001Policy = fixtures.policies.find((p) => p.id === fixtures.interpretations.find((i) => i.id === v001.interpretationId)!.policyId)!

async function signIn(name: string) {
  const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name } })
  act(() => useSessionStore.getState().signIn(session))
}

afterEach(() => {
  act(() => {
    useSessionStore.getState().signOut()
    useFavouriteStore.setState({ known: {} })
  })
})

describe('收藏 on a policy and a video', () => {
  it('sends a guest to sign in; a resident favourites the policy and the toast says so', async () => {
    taroMock.routerParams = { id: 'p001' }
    render(<PolicyDetailPage />)
    await screen.findByRole('heading', { name: p001.title })
    fireEvent.click(screen.getByRole('button', { name: '☆ 收藏' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)?.url).toBe('/packages/sign-in/pages/resident/index'))

    await signIn('收藏政策的居民')
    fireEvent.click(await screen.findByRole('button', { name: '☆ 收藏' }))
    expect(await screen.findByRole('button', { name: '★ 已收藏' })).toHaveAttribute('aria-pressed', 'true')
    expect(taroMock.toasts.at(-1)).toBe('已收藏')
    expect(api.requests).toContain('PUT /api/v1/favourites/policy/p001')
  })

  it('the play page favourites the video and links back to its policy (相关政策)', async () => {
    await signIn('收藏视频的居民')
    taroMock.routerParams = { id: 'v001' }
    render(<VideoPlayPage />)
    fireEvent.click(await screen.findByRole('link', { name: new RegExp(`^相关政策：《${v001Policy.title}》`) }))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/packages/policy/pages/detail/index?id=${v001Policy.id}` })
    fireEvent.click(screen.getByRole('button', { name: '☆ 收藏' }))
    await screen.findByRole('button', { name: '★ 已收藏' })
    fireEvent.click(screen.getByRole('button', { name: '★ 已收藏' }))
    await screen.findByRole('button', { name: '☆ 收藏' })
    expect(taroMock.toasts.at(-1)).toBe('已取消收藏')
  })

  it('the feed’s card favourites the video on screen, and the play page then shows it kept', async () => {
    await signIn('刷视频的居民')
    taroMock.routerParams = { id: 'v002' }
    const feed = render(<VideoFeedPage />)
    await screen.findAllByText(new RegExp(`第 \\d+/\\d+ 条`))
    // only the current card carries 点赞 and 收藏
    expect(screen.getAllByRole('button', { name: '☆ 收藏' })).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: '☆ 收藏' }))
    await screen.findByRole('button', { name: '★ 已收藏' })
    expect(api.requests).toContain('PUT /api/v1/favourites/video/v002')
    feed.unmount()
    render(<VideoPlayPage />)
    expect(await screen.findByRole('button', { name: '★ 已收藏' })).toHaveAttribute('aria-pressed', 'true')
  })
})

describe('我的收藏', () => {
  it('asks a guest to sign in', async () => {
    render(<FavouritesPage />)
    expect(screen.getByText('登录后查看您的收藏')).toBeInTheDocument()
  })

  it('says there is nothing yet and offers the next step', async () => {
    await signIn('还没收藏的居民')
    render(<FavouritesPage />)
    expect(await screen.findByText('还没有收藏')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去看政策解读' }))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/interpretations/index' })
  })

  it('lists every kind newest first, filters by chip, opens one, removes one, and shows a withdrawn one as 已下架', async () => {
    await signIn('收藏很多的居民')
    // three favourites a minute apart (written as the PUT writes them, with their times)
    const userId = useSessionStore.getState().user!.id
    await api.store.database.kysely
      .insertInto('favourites')
      .values(
        (
          [
            ['policy', 'p001'],
            ['video', 'v001'],
            ['interpretation', 'i003'],
          ] as const
        ).map(([kind, item_id], n) => ({ user_id: userId, kind, item_id, created_at: new Date(Date.UTC(2026, 11, 1, 8, n)).toISOString() })),
      )
      .execute()
    render(<FavouritesPage />)
    // each row: its kind and title (the link reads them with the summary and the time)
    const rows = async () =>
      (await screen.findAllByRole('link')).map((r) => `${r.querySelector('.tag')?.textContent}：${r.querySelector('.fav-row__title')?.textContent}`)
    const link = (title: string) => screen.getAllByRole('link').find((r) => r.querySelector('.fav-row__title')?.textContent === title)!
    const i003 = fixtures.interpretations.find((i) => i.id === 'i003')!
    expect(await rows()).toEqual([`解读：${i003.title}`, `视频：${v001.title}`, `政策：${p001.title}`])

    fireEvent.click(screen.getByRole('button', { name: '视频' }))
    await waitFor(async () => expect(await rows()).toEqual([`视频：${v001.title}`]))
    fireEvent.click(link(v001.title))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/video/pages/play/index?id=v001' })

    fireEvent.click(screen.getByRole('button', { name: '全部' }))
    await waitFor(async () => expect(await rows()).toHaveLength(3))
    fireEvent.click(screen.getByRole('button', { name: `取消收藏：${v001.title}` }))
    await waitFor(async () => expect(await rows()).toEqual([`解读：${i003.title}`, `政策：${p001.title}`]))
    expect(taroMock.toasts.at(-1)).toBe('已取消收藏')
    expect((await api.client.call('GET /favourites', { query: {} })).total).toBe(2)

    // 撤回 takes the policy out of the public table: the list shows 已下架, not its title
    const row = await api.store.database.kysely.selectFrom('policies').selectAll().where('id', '=', 'p001').executeTakeFirstOrThrow()
    await api.store.database.kysely.deleteFrom('policies').where('id', '=', 'p001').execute()
    try {
      fireEvent.click(screen.getByRole('button', { name: '政策' }))
      await waitFor(async () => expect(await rows()).toEqual(['政策：已下架的政策']))
      const gone = link('已下架的政策')
      expect(within(gone).getByText('已下架')).toBeInTheDocument()
      expect(screen.queryByText(p001.title)).toBeNull()
      fireEvent.click(gone)
      expect(taroMock.toasts.at(-1)).toBe('该内容已下架，可取消收藏')
    } finally {
      await api.store.database.kysely.insertInto('policies').values(row).execute()
    }
  })

  it('says what went wrong and retries', async () => {
    await signIn('网不好的居民')
    api.failNext(3, /favourites/)
    render(<FavouritesPage />)
    fireEvent.click(await screen.findByRole('button', { name: /重试|重新加载/ }))
    expect(await screen.findByText('还没有收藏')).toBeInTheDocument()
  })
})
