/**
 * 首屏直出 of the tab pages 解读, 视频, 答题 and 我的 on the real server: each HTML carries its first
 * screen and, keyed by the exact URL the page asks for, the API answers as the routes give them;
 * nothing in them is personal, whoever asks.
 */
import { embeddedData, everyPageData, fakeH5Build, layer } from './helpers/h5-build'
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
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/topics': topics, '/api/v1/interpretations?page=1&pageSize=10': list })
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
    expect(Object.keys(data).sort()).toEqual(['/api/v1/app-config', '/api/v1/topics', '/api/v1/videos?page=1&pageSize=10'])
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
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/campaigns?status=ongoing': campaigns })
  })

  it('我的: the sign-in form the server offers and, in the demo, 选择身份登录, with GET /auth/methods and GET /app-config', async () => {
    const anonymous = await (await server.get('/pages/mine/index')).text()
    const screen = layer(anonymous)
    const text = screen
      .replace(/<style>.*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
    expect(text).toMatch(
      /^ ?演示模式 本机演示服务.* 访 未登录 .* 手机号登录 请输入手机号 6位验证码 获取验证码 登录 .* 选择身份登录（开发模式） 居民 .* 法律审核 .* 工作人员登录 › .* 我的收藏 ›.* 我的情况 ›/,
    )
    // drawn as the app draws them but inert: nothing typed before the app takes over could reach it
    expect(screen).not.toMatch(/<(input|button|form)\b/)
    expect(hrefs(screen)).toContain('/packages/favourites/pages/list/index')
    expect(anonymous).toContain('.mine__card{display:flex}')
    const methods = await (await server.api('/auth/methods')).json()
    expect(methods.sms).toBe(true)
    expect(embeddedData(anonymous)).toEqual({ ...(await everyPageData(server)), '/api/v1/auth/methods': methods })
    // the layer script checks for a stored session and its role (no value of it is written into the page)
    expect(anonymous).toContain("read('zct-session')")

    const session = await (
      await server.api('/auth/dev', { method: 'POST', body: JSON.stringify({ role: 'resident' }), headers: { 'content-type': 'application/json' } })
    ).json()
    const signedIn = await (await server.get('/pages/mine/index', { headers: { authorization: `Bearer ${session.token}` } })).text()
    expect(layer(signedIn)).toBe(screen)
    expect(signedIn).not.toContain(session.user.nickname)
    expect(signedIn).not.toContain(session.token)
  })

  it('the 演示模式 banner first in every tab page, and under the title bar of the skeleton of any other page', async () => {
    for (const path of ['/', '/pages/interpretations/index', '/pages/videos/index', '/pages/quiz/index', '/pages/mine/index']) {
      expect(layer(await (await server.get(path)).text())).toMatch(
        /^<div id="zct-first-screen" aria-busy="true"><div class="page[^"]*"><div class="demo-banner" role="region" aria-label="演示模式">/,
      )
    }
    const skeleton = await (await server.get('/packages/favourites/pages/list/index')).text()
    expect(layer(skeleton)).toMatch(/<div class="zct-skeleton__bar"><\/div><div class="demo-banner" role="region" aria-label="演示模式">/)
    expect(embeddedData(skeleton)).toEqual({ '/api/v1/app-config': { demo: true, lectureLeadDays: 3 } })
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
