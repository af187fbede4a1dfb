/**
 * 首屏直出 of the most linked subpages on the real server: a policy, a video, a campaign, 宣讲菜单 and
 * 智能问答 come with their first screen and exactly the API answers their page asks for on load (as
 * the API answers them); an unknown id gets index.html as built; and nothing in them depends on who
 * asks (a signed-in resident gets the same page as a stranger).
 */
import { flushViews } from '../../server/modules/dashboard/view-counter'
import { embeddedData, everyPageData, fakeH5Build, INDEX_HTML, layer } from './helpers/h5-build'
import { postJson, startTestServer, type TestServer } from './helpers/test-server'

const h5 = fakeH5Build(
  'zct-h5-subpages-',
  { 'css/2378.aaaa0000.css': '.policy-detail__title{font-weight:700}' },
  { 'packages/policy/pages/detail/index': ['css/2378.aaaa0000.css', 'js/2378.aaaa0000.js'] },
)
afterAll(() => h5.remove())

/** a page's HTML, answered 200 */
const page = async (server: TestServer, path: string, init?: RequestInit) => {
  const res = await server.get(path, init)
  expect(res.status).toBe(200)
  return res.text()
}

describe('first screens of the subpages', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ staticDir: h5.path, devLogin: true })
  })
  afterAll(() => server.close())

  it('a policy: banner, title, facts, 相关 links and its text, with the three answers the page asks for', async () => {
    const html = await page(server, '/packages/policy/pages/detail/index?id=p001')
    const policy = await (await server.api('/policies/p001')).json()
    const interpretations = await (await server.api('/interpretations?policyId=p001&page=1&pageSize=10')).json()
    const related = await (await server.api('/policies/p001/related')).json()
    const screen = layer(html)
    expect(screen).toContain(`<div class="policy-detail__title">${policy.title}</div>`)
    expect(screen).toContain(policy.docNumber)
    expect(screen).toContain('本文件现行有效')
    expect(screen).toContain('<span class="title-bar__title">政策原文</span>')
    // the demo server: 演示模式 right under the title bar, where ThemePage draws it
    expect(screen).toMatch(
      /<span class="title-bar__title">政策原文<\/span><div class="title-bar__spacer"><\/div><\/div><div class="demo-banner" role="region" aria-label="演示模式">/,
    )
    expect(interpretations.items.length).toBeGreaterThan(0)
    expect(screen).toContain(`href="/packages/interpretation/pages/detail/index?id=${interpretations.items[0].id}"`)
    expect(screen).toContain(`href="/packages/video/pages/play/index?id=${related.videos[0].id}"`)
    expect(screen).toContain(policy.sections[0].paragraphs[0])
    expect(html).toContain('.policy-detail__title{font-weight:700}')
    expect(embeddedData(html)).toEqual({
      ...(await everyPageData(server)),
      '/api/v1/policies/p001': policy,
      '/api/v1/interpretations?policyId=p001&page=1&pageSize=10': interpretations,
      '/api/v1/policies/p001/related': related,
    })
  })

  it('a video: poster, title, plays and length, its interpretation and policy, with GET /videos/:id', async () => {
    const html = await page(server, '/packages/video/pages/play/index?id=v001')
    const video = await (await server.api('/videos/v001')).json()
    const screen = layer(html)
    expect(screen).toContain(`src="${video.poster}"`)
    expect(screen).toContain(`<span class="video-play__title">${video.title}</span>`)
    expect(screen).toContain('次播放 · 0:')
    expect(screen).toContain(`href="/packages/policy/pages/detail/index?id=${video.policy.id}"`)
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/videos/v001': video })
  })

  it('a campaign: hero, status and rules, with GET /campaigns/:id and nothing of the visitor', async () => {
    const html = await page(server, '/packages/quiz/pages/detail/index?id=q001')
    const campaign = await (await server.api('/campaigns/q001')).json()
    const screen = layer(html)
    expect(screen).toContain(campaign.title)
    expect(screen).toContain('<span class="tag tag--success">进行中</span><span>距结束 ')
    expect(screen).toContain('竞赛规则')
    expect(screen).toContain('台州全市')
    expect(screen).toContain('href="/packages/quiz/pages/leaderboard/index?id=q001"')
    expect(screen).not.toContain('参加竞赛')
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/campaigns/q001': campaign })
  })

  it('宣讲菜单: fields, shortcuts and the first lectures, with GET /topics and GET /lecture-topics; a field from the link', async () => {
    const html = await page(server, '/packages/lecture/pages/menu/index')
    const topics = await (await server.api('/topics')).json()
    const lectures = await (await server.api('/lecture-topics')).json()
    const screen = layer(html)
    expect(screen).toContain(lectures[0].title)
    expect(screen).toContain(`href="/packages/lecture/pages/order/index?topic=${lectures[0].id}"`)
    expect(screen).toContain('我的点单 ›')
    expect(embeddedData(html)).toEqual({ ...(await everyPageData(server)), '/api/v1/topics': topics, '/api/v1/lecture-topics': lectures })

    const field = lectures[0].topic
    const one = await page(server, `/packages/lecture/pages/menu/index?topic=${field}`)
    const ofField = await (await server.api(`/lecture-topics?topic=${field}`)).json()
    expect(embeddedData(one)).toEqual({ ...(await everyPageData(server)), '/api/v1/topics': topics, [`/api/v1/lecture-topics?topic=${field}`]: ofField })
    expect(layer(one)).toContain(`<a class="chip chip--on" role="link" href="/packages/lecture/pages/menu/index?topic=${field}">`)
  })

  it('智能问答: the box and 大家都在问 (nothing to fetch); a question from the link stands in the box', async () => {
    const html = await page(server, '/packages/qa/pages/ask/index')
    expect(layer(html)).toContain('大家都在问')
    expect(layer(html)).toContain('<form class="qa__box"')
    // nothing of its own to fetch: only what every page is given
    expect(embeddedData(html)).toEqual(await everyPageData(server))
    const asked = await page(server, `/packages/qa/pages/ask/index?q=${encodeURIComponent('医保<b>异地</b>备案')}`)
    expect(layer(asked)).toContain('value="医保&lt;b&gt;异地&lt;/b&gt;备案"')
    expect(layer(asked)).not.toContain('<b>')
  })

  it('an unknown policy, video or campaign gets index.html as built', async () => {
    for (const path of [
      '/packages/policy/pages/detail/index?id=nope',
      '/packages/policy/pages/detail/index',
      '/packages/video/pages/play/index?id=nope',
      '/packages/quiz/pages/detail/index?id=nope',
      `/packages/lecture/pages/menu/index?topic=${'x'.repeat(65)}`,
    ]) {
      expect(await page(server, path)).toBe(INDEX_HTML)
    }
  })

  it('counts the read of a policy or an interpretation for the dashboard once, as the API would have: the page takes it from the HTML', async () => {
    const views = async (type: string, id: string) => {
      await flushViews()
      const row = await server.store.database.kysely
        .selectFrom('content_views')
        .select('views')
        .where('type', '=', type)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(row?.views ?? 0)
    }
    const policy = await views('policy', 'p002')
    await page(server, '/packages/policy/pages/detail/index?id=p002')
    expect(await views('policy', 'p002')).toBe(policy + 1)
    const interpretation = await views('interpretation', 'i002')
    await page(server, '/packages/interpretation/pages/detail/index?id=i002')
    expect(await views('interpretation', 'i002')).toBe(interpretation + 1)
    await page(server, '/packages/policy/pages/detail/index?id=nope')
    expect(await views('policy', 'nope')).toBe(0)
  })

  it('is the same for a signed-in resident as for a stranger: nothing personal is drawn', async () => {
    const { token } = await (await server.api('/auth/dev', postJson({ role: 'resident', name: '首屏测试' }))).json()
    const auth = { authorization: `Bearer ${token}` }
    expect((await server.api('/favourites/policy/p001', { method: 'PUT', headers: { ...auth, 'idempotency-key': 'fs-fav-1' } })).status).toBe(200)
    expect(
      (await server.api('/campaigns/q001/attempts', postJson({ regionCode: '331002001' }, { ...auth, 'idempotency-key': 'fs-att-1' }))).status,
    ).toBeLessThan(300)
    for (const path of [
      '/packages/policy/pages/detail/index?id=p001',
      '/packages/quiz/pages/detail/index?id=q001',
      '/packages/video/pages/play/index?id=v001',
    ]) {
      const stranger = await page(server, path)
      const resident = await page(server, path, { headers: auth })
      expect(layer(resident)).toBe(layer(stranger))
      expect(embeddedData(resident)).toEqual(embeddedData(stranger))
      expect(resident).not.toContain('已收藏')
      expect(resident).not.toContain('首屏测试')
      expect(Object.keys(embeddedData(resident)).some((url) => /\/me\b|favourites|like/.test(url))).toBe(false)
    }
  })
})
