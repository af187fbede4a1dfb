/** The first-screen markup never turns content into markup or script (server/h5/first-screen.ts). */
import type { Home, Interpretation } from '../../../../common/contract'
import { chineseDate, escapeHtml, scriptJson } from '../markup'
import { FEATURED_ON_FIRST_SCREEN, homeFirstScreen } from '../pages/home'
import { interpretationFirstScreen } from '../pages/interpretation'

const hostile = '<img src=x onerror=alert(1)>"\'&</script>'

const item: Interpretation = {
  id: 'i999',
  title: `标题${hostile}`,
  summary: '摘要',
  kind: 'illustrated',
  topic: 'zwgk',
  cover: '/media/covers/i999.jpg',
  department: `台州市${hostile}`,
  publishedAt: '2025-07-08',
  validity: 'repealed',
  policyId: 'p001',
  videoIds: [],
  blocks: [
    { type: 'heading', text: `背景${hostile}` },
    { type: 'image', src: 'javascript:alert(1)', alt: 'x' },
    { type: 'paragraph', text: '不会出现' },
  ],
} as unknown as Interpretation

describe('first screen markup', () => {
  it('escapes every piece of text', () => {
    const html = interpretationFirstScreen(item)
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</script>')
    expect(html).toContain('标题&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/script&gt;')
    expect(html).toContain('台州市&lt;img')
    expect(html).toContain('2025年7月8日')
    expect(html).toContain('所解读的政策已废止')
  })

  it("draws an interpretation under the title bar the page has on H5 (its page config's title; 首页 when opened from a link)", () => {
    expect(interpretationFirstScreen(item)).toMatch(
      /^<div class="page interp-detail"><div class="title-bar"><a class="title-bar__back" role="link" href="\/pages\/index\/index">.*?首页.*?<span class="title-bar__title">政策解读<\/span>/,
    )
  })

  it('draws no picture whose address is not a path or http(s), and stops there', () => {
    const html = interpretationFirstScreen(item)
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('不会出现')
  })

  it('shows the first featured interpretations of 首页, escaped', () => {
    const summary = { id: 'i1', title: hostile, summary: '', kind: 'qa', topic: 'zwgk', cover: '/media/c.jpg', publishedAt: '2024-01-02' }
    const home = {
      featured: [summary, summary, summary, summary],
      topics: [{ id: 'zwgk', name: '政务公开' }],
      latestPolicies: [],
      campaigns: [],
    } as unknown as Home
    const html = homeFirstScreen(home)
    expect(html.match(/interp-card__title/g)).toHaveLength(FEATURED_ON_FIRST_SCREEN)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('<span class="tag tag--success">问答</span>')
    expect(html).toContain('topic-grid__icon--zwgk">政</div>')
  })

  it("links 首页's layer with real <a href>s to the pages a tap opens, ids escaped", () => {
    const card = { id: 'i1"><script>', title: '标题', summary: '', kind: 'qa', topic: 'zwgk', cover: '/media/c.jpg', publishedAt: '2024-01-02' }
    const home = { featured: [card], topics: [{ id: 'ylbx', name: '养老保险' }], latestPolicies: [], campaigns: [] } as unknown as Home
    const html = homeFirstScreen(home)
    const hrefs = [...html.matchAll(/<a class="([\w-]+)[^"]*" href="([^"]*)"/g)].map((m) => [m[1], m[2]])
    expect(hrefs).toEqual([
      ['search-bar', '/packages/search/pages/results/index'],
      ['home__ask', '/packages/qa/pages/ask/index'],
      ['section__more', '/pages/interpretations/index'],
      ['home__featured-item', '/packages/interpretation/pages/detail/index?id=i1%22%3E%3Cscript%3E'],
      ['topic-grid__item', '/packages/policy/pages/list/index?topic=ylbx'],
    ])
    expect(html).not.toContain('<script>')
  })

  it('writes JSON that cannot end its script', () => {
    const json = scriptJson({ text: hostile, line: '\u2028' })
    expect(json).not.toMatch(/<\/script/i)
    expect(json).not.toContain('\u2028')
    expect(JSON.parse(json)).toEqual({ text: hostile, line: '\u2028' })
  })

  it('formats dates as the app does and escapes what it cannot read', () => {
    expect(chineseDate('2021-08-30')).toBe('2021年8月30日')
    expect(chineseDate('2021-08-30T10:00:00+08:00')).toBe('2021年8月30日')
    expect(chineseDate('<b>')).toBe(escapeHtml('<b>'))
  })
})
