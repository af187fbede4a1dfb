/**
 * 首页, 解读, 视频 and an interpretation with the answers their server-drawn first screens come with
 * (server/modules/first-screen/pages), given as index.html leaves them (window.__zctFirstScreen and
 * the preload's promises): each page draws them in its first render (api.embedded), so the layer is
 * gone as soon as the page has mounted, and none of them is fetched or taken from the preload again.
 */
import type { ReactElement } from 'react'
import { act, render, screen } from '@testing-library/react'
import { setupFixtureApi } from '../../../test/support/fixture-api'
import { clearHandOver, handedOver, handOverFirstScreen } from '../../../test/support/first-screen-handover'
import { FIRST_SCREEN_ELEMENT_ID } from '@common/contract'
import type { FirstScreenPage } from '../../../server/modules/first-screen/page'
import { homePage } from '../../../server/modules/first-screen/pages/home'
import { interpretationPage } from '../../../server/modules/first-screen/pages/interpretation'
import { interpretationsPage } from '../../../server/modules/first-screen/pages/interpretations'
import { videosPage } from '../../../server/modules/first-screen/pages/videos'
import InterpretationDetailPage from '../../packages/interpretation/pages/detail/index'
import HomePage from '../index/index'
import InterpretationsPage from '../interpretations/index'
import VideosPage from '../videos/index'

const api = setupFixtureApi()

afterEach(clearHandOver)

const cases: { name: string; def: FirstScreenPage; params: Record<string, string>; page: () => ReactElement; shows: string; mine: string }[] = [
  { name: '首页', def: homePage, params: {}, page: () => <HomePage />, shows: '精选解读', mine: '/api/v1/home' },
  { name: '解读', def: interpretationsPage, params: {}, page: () => <InterpretationsPage />, shows: '', mine: '/api/v1/interpretations?page=1&pageSize=10' },
  { name: '视频', def: videosPage, params: {}, page: () => <VideosPage />, shows: '', mine: '/api/v1/videos?page=1&pageSize=10' },
  {
    name: 'an interpretation',
    def: interpretationPage,
    params: { id: 'i001' },
    page: () => <InterpretationDetailPage />,
    shows: '查看政策原文',
    mine: '/api/v1/interpretations/i001',
  },
]

describe.each(cases)('$name with its server-drawn first screen', ({ def, params, page, shows, mine }) => {
  it('draws the answer it came with in its first render and asks for it nowhere', async () => {
    const given = await handOverFirstScreen(api, def, params)
    expect(given).toBeDefined()
    const data = given!
    expect(Object.keys(data)).toContain(mine)

    render(page())
    // the first render drew the page: the layer went in its layout effect
    expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
    const first = (data[mine] as { items?: { title: string }[]; featured?: { title: string }[]; title?: string }) ?? {}
    const title = first.items?.[0]?.title ?? first.featured?.[0]?.title ?? first.title
    expect(screen.getAllByText(title!).length).toBeGreaterThan(0)
    if (shows) expect(await screen.findAllByText(shows)).not.toHaveLength(0)
    expect(api.requests).not.toContain(`GET ${mine}`)
    expect(handedOver.__zctPreload).not.toHaveProperty(mine)
    // what loads after the draw (the chips' topics, related videos) settles inside the test
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
  })
})
