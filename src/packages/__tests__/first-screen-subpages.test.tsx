/**
 * The five subpages the server draws (policy, video, campaign, 宣讲菜单, 智能问答) against the
 * answers the server embeds for them (server/modules/first-screen/pages): handed over the way
 * index.html's preload script does, every one of them is taken by the page's own request (so the
 * URLs match exactly and nothing is fetched twice), and the layer goes once the page has drawn.
 * A page that takes them at once (api.embedded: the campaign, 宣讲菜单) draws them in its first
 * render, so the layer is gone as soon as the page has mounted.
 */
import type { ReactElement } from 'react'
import type { FastifyInstance } from 'fastify'
import { render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/mocks/taro'
import { setupFixtureApi } from '../../../test/support/fixture-api'
import { clearHandOver, handedOver, handOverFirstScreen, SERVER_ANSWERS } from '../../../test/support/first-screen-handover'
import { FIRST_SCREEN_ELEMENT_ID } from '@common/contract'
import type { FirstScreenPage } from '../../../server/modules/first-screen/page'
import { campaignPage } from '../../../server/modules/first-screen/pages/campaign'
import { lectureMenuPage } from '../../../server/modules/first-screen/pages/lecture-menu'
import { policyPage } from '../../../server/modules/first-screen/pages/policy'
import { qaAskPage } from '../../../server/modules/first-screen/pages/qa-ask'
import { videoPage } from '../../../server/modules/first-screen/pages/video'
import LectureMenuPage from '../lecture/pages/menu/index'
import PolicyDetailPage from '../policy/pages/detail/index'
import AskPage from '../qa/pages/ask/index'
import CampaignDetailPage from '../quiz/pages/detail/index'
import VideoPlayPage from '../video/pages/play/index'

const api = setupFixtureApi()

afterEach(clearHandOver)

const cases: {
  name: string
  def: FirstScreenPage
  params: Record<string, string>
  page: () => ReactElement
  drawn: () => Promise<unknown>
  /** drawn by the first render from window.__zctFirstScreen */
  atOnce?: boolean
}[] = [
  {
    name: 'a policy',
    def: policyPage,
    params: { id: 'p001' },
    page: () => <PolicyDetailPage />,
    drawn: () => screen.findByText('相关解读'),
  },
  { name: 'a video', def: videoPage, params: { id: 'v001' }, page: () => <VideoPlayPage />, drawn: () => screen.findByText(/次播放/), atOnce: true },
  {
    name: 'a campaign',
    def: campaignPage,
    params: { id: 'q001' },
    page: () => <CampaignDetailPage />,
    drawn: () => screen.findByText('竞赛规则'),
    atOnce: true,
  },
  {
    name: 'a campaign open to some counties',
    def: campaignPage,
    params: { id: 'q003' },
    page: () => <CampaignDetailPage />,
    drawn: () => screen.findByText(/临海市/),
    atOnce: true,
  },
  { name: '宣讲菜单', def: lectureMenuPage, params: {}, page: () => <LectureMenuPage />, drawn: () => screen.findAllByText('我要点单'), atOnce: true },
  { name: '智能问答', def: qaAskPage, params: {}, page: () => <AskPage />, drawn: () => screen.findByText('大家都在问') },
]

describe.each(cases)('$name with its server-drawn first screen', ({ def, params, page, drawn, atOnce }) => {
  it('takes every embedded answer instead of fetching it, and removes the layer once it has drawn', async () => {
    const data = await handOverFirstScreen(api, def, params)
    expect(data).toBeDefined()
    const embedded = Object.keys(data!)

    render(page())
    if (atOnce) expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
    await drawn()
    expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
    // each answer was asked for by exactly its URL, and none went to the network
    expect(Object.keys(handedOver.__zctPreload!)).toEqual([])
    for (const url of embedded) expect(api.requests).not.toContain(`GET ${url}`)
  })
})

it('an unknown policy, video or campaign is not drawn, and its page removes a layer with its error', async () => {
  const app = { store: api.store } as unknown as FastifyInstance
  expect(await policyPage.draw(app, { id: 'nope' }, SERVER_ANSWERS)).toBeUndefined()
  expect(await videoPage.draw(app, { id: 'nope' }, SERVER_ANSWERS)).toBeUndefined()
  expect(await campaignPage.draw(app, { id: 'nope' }, SERVER_ANSWERS)).toBeUndefined()
  const layer = document.createElement('div')
  layer.id = FIRST_SCREEN_ELEMENT_ID
  document.body.appendChild(layer)
  taroMock.routerParams = { id: 'nope' }
  render(<PolicyDetailPage />)
  await screen.findByText('找不到该政策')
  expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
})
