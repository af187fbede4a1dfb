/**
 * 首屏直出 of the tab pages 解读, 视频, 答题 and 我的 on the real server: each HTML carries its first
 * screen and, keyed by the exact URL the page asks for, the API answers as the routes give them;
 * nothing in them is personal, whoever asks.
 */
import { FIRST_SCREEN_DATA_GLOBAL } from '../../common/contract'
import { embeddedData, fakeH5Build, layer } from './helpers/h5-build'
import { startTestServer, type TestServer } from './helpers/test-server'

const h5 = fakeH5Build(
  'zct-h5-first-tabs-',
  { 'css/20.aaaa0000.css': '.videos__grid{display:grid}', 'css/21.bbbb0000.css': '.mine__card{display:flex}' },
  { 'pages/videos/index': ['css/20.aaaa0000.css', 'js/20.aaaa0000.js'], 'pages/mine/index': ['css/21.bbbb0000.css'] },
)
afterAll(() => h5.remove())

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))

describe('the tab pages come with their first screen', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ staticDir: h5.path, devLogin: true })
  })
  afterAll(() => server.close())

  it('解读: the chips and the first cards, with GET /topics and the first page as the page asks for them', async () => {
    const res = await server.get('/pages/interpretations/index')
    expect(res.status).toBe(200)
    const html = await res.text()
    const topics = await (await server.api('/topics')).json()
    const list = await (await server.api('/interpretations?page=1&pageSize=10')).json()
    const screen = layer(html)
    expect(screen).not.toContain('data-skeleton')
    expect(screen).toContain('搜解读：高龄津贴、医保缴费…')
    for (const t of topics) expect(screen).toContain(`<span class="chip">${t.name}</span>`)
    expect(screen).toContain(list.items[0].title)
    expect(screen).toContain(`src="${list.items[0].cover}"`)
    expect(hrefs(screen)).toContain(`/packages/interpretation/pages/detail/index?id=${list.items[0].id}`)
    expect(embeddedData(html)).toEqual({ '/api/v1/topics': topics, '/api/v1/interpretations?page=1&pageSize=10': list })
  })

  it('视频: the video cards and 网络课堂, with the page CSS inline and GET /videos as the route answers it', async () => {
    const html = await (await server.get('/pages/videos/index')).text()
    const list = await (await server.api('/videos?page=1&pageSize=10')).json()
    const screen = layer(html)
    expect(screen).toContain('网络课堂：系统学政策 ›')
    expect(screen).toContain(list.items[0].title)
    expect(screen).toContain('次播放')
    expect(hrefs(screen)).toContain(`/packages/video/pages/feed/index?id=${list.items[0].id}`)
    expect(html).toContain('.videos__grid{display:grid}')
    const data = embeddedData(html)
    expect(Object.keys(data).sort()).toEqual(['/api/v1/topics', '/api/v1/videos?page=1&pageSize=10'])
    expect(data['/api/v1/videos?page=1&pageSize=10']).toEqual(list)
  })

  it('答题: 练习, 错题本 and the ongoing campaigns, with GET /campaigns?status=ongoing', async () => {
    const html = await (await server.get('/pages/quiz/index')).text()
    const campaigns = await (await server.api('/campaigns?status=ongoing')).json()
    expect(campaigns.length).toBeGreaterThan(0)
    const screen = layer(html)
    expect(screen).toMatch(/练习[\s\S]*错题本[\s\S]*chip chip--on">进行中/)
    for (const c of campaigns) {
      expect(screen).toContain(c.title)
      expect(hrefs(screen)).toContain(`/packages/quiz/pages/detail/index?id=${c.id}`)
    }
    expect(screen).toMatch(/距结束 \d+(天|小时|分钟)/)
    expect(embeddedData(html)).toEqual({ '/api/v1/campaigns?status=ongoing': campaigns })
  })

  it('我的: the same page for a signed-in caller as for anyone — no name, no account', async () => {
    const anonymous = await (await server.get('/pages/mine/index')).text()
    const screen = layer(anonymous)
    expect(screen).toMatch(/未登录[\s\S]*工作人员登录[\s\S]*我的收藏[\s\S]*我的情况/)
    expect(hrefs(screen)).toContain('/packages/favourites/pages/list/index')
    expect(anonymous).toContain('.mine__card{display:flex}')
    // nothing to fetch: no data; the layer script checks for a stored session (no value of it is written into the page)
    expect(anonymous).not.toContain(FIRST_SCREEN_DATA_GLOBAL)
    expect(anonymous).toContain("read('zct-session')")

    const session = await (
      await server.api('/auth/dev', { method: 'POST', body: JSON.stringify({ role: 'resident' }), headers: { 'content-type': 'application/json' } })
    ).json()
    const signedIn = await (await server.get('/pages/mine/index', { headers: { authorization: `Bearer ${session.token}` } })).text()
    expect(layer(signedIn)).toBe(screen)
    expect(signedIn).not.toContain(session.user.nickname)
    expect(signedIn).not.toContain(session.token)
  })

  it('allows exactly its own inline scripts by hash, the 我的 layer script included', async () => {
    for (const path of ['/pages/interpretations/index', '/pages/videos/index', '/pages/quiz/index', '/pages/mine/index']) {
      const res = await server.get(path)
      const html = await res.text()
      const hashes = [...(res.headers.get('content-security-policy') ?? '').matchAll(/'sha256-[^']+'/g)]
      expect(hashes.length).toBe(html.match(/<script>/g)?.length)
    }
  })
})
