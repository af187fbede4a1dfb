/**
 * 一站搜索 over HTTP (GET /search): grouped by type with counts, highlight ranges that are
 * offsets into the text (never markup), the 智能问答 answer on top when the engine is sure, paging
 * per group, published content only (a FAQ appears when published and goes when withdrawn, through
 * the micro-cache), bad input refused in Chinese.
 */
import { SEARCH_TYPES, type EditorialItem, type SearchHit, type SearchResult, type TextRange } from '../../../../common/contract'
import { fixtures } from '../../../../mock/fixtures'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'

jest.setTimeout(60_000)

let server: TestServer
let editor: Staff
let reviewer: Staff

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  editor = await signIn(server, 'editor', '331000', '市编辑')
  reviewer = await signIn(server, 'reviewer', '331000', '市审核')
})
afterAll(() => server.close())

const search = async (query: string) => ok<SearchResult>(await server.api(`/search?${query}`))
const q = (text: string, rest = '') => search(`q=${encodeURIComponent(text)}${rest}`)
const marked = (text: string, ranges: TextRange[]) => ranges.map((r) => text.slice(r.start, r.end))
const group = (r: SearchResult, type: string) => r.groups.find((g) => g.type === type)!

function expectRangesWithin(hit: SearchHit) {
  for (const [text, ranges] of [
    [hit.title, hit.titleHighlights],
    [hit.snippet, hit.snippetHighlights],
  ] as const) {
    let last = 0
    for (const r of ranges) {
      expect(r.start).toBeGreaterThanOrEqual(last)
      expect(r.end).toBeGreaterThan(r.start)
      expect(r.end).toBeLessThanOrEqual(text.length)
      last = r.end
    }
  }
}

describe('grouping and highlights', () => {
  it('answers every type in order, each with its total and the first three hits, highlights marking the words', async () => {
    const r = await q('养老金')
    expect(r.q).toBe('养老金')
    expect(r.groups.map((g) => g.type)).toEqual([...SEARCH_TYPES])
    for (const g of r.groups) {
      expect(g).toMatchObject({ page: 1, pageSize: 3 })
      expect(g.items.length).toBe(Math.min(3, g.total))
      for (const hit of g.items) {
        expect(hit.type).toBe(g.type)
        expectRangesWithin(hit)
        const words = [...marked(hit.title, hit.titleHighlights), ...marked(hit.snippet, hit.snippetHighlights)]
        expect(words.length).toBeGreaterThan(0)
        for (const w of words) expect('养老金').toContain(w.length > 3 ? '' : w.slice(0, 2))
      }
    }
    expect(r.total).toBe(r.groups.reduce((sum, g) => sum + g.total, 0))
    for (const type of SEARCH_TYPES) expect(group(r, type).total).toBeGreaterThan(0)
    // the policy of 基础养老金 first, its 文号 and validity along
    const policy = group(r, 'policy').items[0]
    expect(policy.title).toContain('基础养老金')
    expect(policy).toMatchObject({ docNumber: expect.stringMatching(/〔\d{4}〕/), validity: 'valid', department: expect.any(String) })
    expect(marked(policy.title, policy.titleHighlights)).toContain('养老金')
    // a video carries its poster and length, a course its lessons
    expect(group(r, 'video').items[0]).toMatchObject({ cover: expect.stringMatching(/^\/media\//), durationSec: expect.any(Number) })
    expect(group(r, 'course').items[0]).toMatchObject({ lessonCount: expect.any(Number) })
  })

  it('cuts a snippet around the first match with 「…」 and offsets into the snippet itself', async () => {
    const r = await q('异地就医备案', '&types=policy')
    const hit = r.groups[0].items[0]
    expect(hit.snippet.length).toBeLessThanOrEqual(62)
    expect(marked(hit.snippet, hit.snippetHighlights).join('')).toMatch(/备案|就医/)
    expect(hit.snippet).not.toMatch(/[<>]/)
  })

  it('puts the confident 智能问答 answer on top with its source, also first in the FAQ group (社保卡丢了)', async () => {
    const r = await q('社保卡丢了')
    const faq = fixtures.faqs.find((f) => f.question === '社保卡丢了怎么挂失和补办？')!
    expect(r.answer?.hit.faq).toEqual(faq)
    expect(marked(faq.question, r.answer!.questionHighlights).join('')).toContain('社保卡丢了')
    if (faq.policyId) expect(r.answer?.policy).toMatchObject({ id: faq.policyId, docNumber: expect.any(String) })
    expect(group(r, 'faq').items[0].id).toBe(faq.id)
    // a question that only the engine understands: 退休金 is what the FAQs call 养老金
    const pension = await q('我退休以后每个月的退休金怎么算', '&types=faq')
    expect(pension.answer?.hit.faq.question).toContain('养老金')
    expect(pension.groups[0].items.length).toBeGreaterThan(0)
    // the bare word: the engine still ranks the 养老金 FAQ first, but is not sure it answers a question (as /qa/search says)
    const word = await q('退休金', '&types=faq')
    expect(word.answer).toBeUndefined()
    expect(word.groups[0].items[0].title).toContain('养老金')
    const qa = await ok<{ confident: boolean }>(await server.api(`/qa/search?q=${encodeURIComponent('退休金')}`))
    expect(qa.confident).toBe(false)
  })

  it('cites the policy (title, 文号) and the interpretation the answer rests on', async () => {
    const r = await q('80岁老人的高龄津贴每月发多少')
    expect(r.answer?.policy?.title).toContain('高龄津贴')
    expect(r.answer?.interpretation).toMatchObject({ id: expect.any(String), title: expect.any(String) })
  })

  it('finds nothing and no answer for a query nothing is about, and nothing for only 怎么/多少', async () => {
    for (const text of ['量子纠缠火星旅行', '怎么办多少']) {
      const r = await q(text)
      expect(r.total).toBe(0)
      expect(r.answer).toBeUndefined()
      expect(r.groups.map((g) => g.total)).toEqual([0, 0, 0, 0, 0])
    }
  })

  it('answers an empty query with empty groups, not an error', async () => {
    for (const query of ['', 'q=', 'q=%20%20', 'types=faq']) {
      const r = await search(query)
      expect(r.total).toBe(0)
      expect(r.answer).toBeUndefined()
    }
  })
})

describe('types and pages', () => {
  it('answers only the types asked for, in the contract order, ten per page for one type and pages without overlap', async () => {
    const two = await q('补贴', '&types=video,policy')
    expect(two.groups.map((g) => g.type)).toEqual(['policy', 'video'])
    const first = await q('补贴', '&types=faq')
    expect(first.groups).toHaveLength(1)
    const faqs = first.groups[0]
    expect(faqs.pageSize).toBe(10)
    expect(faqs.total).toBeGreaterThan(10)
    const second = (await q('补贴', '&types=faq&page=2')).groups[0]
    expect(second.items.length).toBe(Math.min(10, faqs.total - 10))
    const ids = [...faqs.items, ...second.items].map((h) => h.id)
    expect(new Set(ids).size).toBe(ids.length)
    const bySize = (await q('补贴', '&types=faq&pageSize=20')).groups[0]
    expect(bySize.items.map((h) => h.id)).toEqual(ids.slice(0, 20))
  })

  it('gives the answer on page 1 only and never in a search without FAQs', async () => {
    expect((await q('社保卡丢了', '&types=faq&page=2')).answer).toBeUndefined()
    expect((await q('社保卡丢了', '&types=policy,video')).answer).toBeUndefined()
  })

  it('refuses bad input with 400 and a Chinese sentence', async () => {
    const cases: [string, RegExp][] = [
      [`q=${'养'.repeat(101)}`, /^搜索内容太长了，请控制在100字以内$/],
      ['q=医保&types=news', /^参数错误：types 只能是 policy、interpretation、faq、video、course/],
      ['q=医保&types=policy,,faq', /^参数错误：types/],
      ['q=医保&page=0', /^参数错误：page 必须是正整数$/],
      ['q=医保&page=10001', /^页码超出范围，最大为 10000$/],
      ['q=医保&pageSize=51', /^参数错误：pageSize 必须是 1 到 50 之间的整数$/],
      ['q=医保&q=社保', /[\u4e00-\u9fff]/],
    ]
    for (const [query, message] of cases) {
      const res = await server.api(`/search?${query}`)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect([query, res.status, body.error.code]).toEqual([query, 400, 'bad_request'])
      expect(body.error.message).toMatch(message)
    }
  })
})

describe('caching and published content only', () => {
  it('is cached like every content read: the same ETag, 304 for If-None-Match', async () => {
    const first = await server.api('/search?q=%E5%8C%BB%E4%BF%9D')
    const etag = first.headers.get('etag')
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    expect(etag).toBeTruthy()
    const again = await server.api('/search?q=%E5%8C%BB%E4%BF%9D', { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
  })

  it('finds a FAQ only while it is published: not as a draft, at once after 发布, no more after 撤回', async () => {
    const words = '椒江渔船燃油补贴'
    const ids = async () => (await q(words, '&types=faq')).groups[0].items.map((h) => h.id)
    expect(await ids()).toEqual([]) // and now cached
    let faq = await ok<EditorialItem>(
      await call(server, editor, 'POST', '/admin/faqs', {
        orgCode: '331000',
        draft: {
          question: '椒江渔船燃油补贴怎么领？',
          answer: '渔船燃油补贴按渔船功率核定，向所在街道申领。',
          topic: 'agriculture',
          keywords: ['渔船', '燃油补贴'],
        },
      }),
      201,
    )
    expect(await ids()).toEqual([])
    faq = await ok(await call(server, editor, 'POST', `/admin/faqs/${faq.id}/submit`, { revision: faq.revision }))
    faq = await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/approve`, { revision: faq.revision }))
    expect(await ids()).toEqual([])
    faq = await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/publish`, { revision: faq.revision }))
    expect(await ids()).toContain(faq.id)
    await ok(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/withdraw`, { revision: faq.revision }))
    expect(await ids()).not.toContain(faq.id)
  })
})
