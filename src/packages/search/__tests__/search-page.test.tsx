import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import SearchPage from '../pages/results/index'
import { piecesOf } from '@/features/search/components/ranged-text'

const api = setupFixtureApi()

async function typeAndSearch(text: string) {
  const input = document.querySelector('.search-bar__input') as HTMLElement
  // Taro's H5 Input renders its native <input> a moment later
  const native = await waitFor(() => {
    const el = input.querySelector('input')
    if (!el) throw new Error('no input yet')
    return el
  })
  fireEvent.input(native, { target: { value: text } })
  fireEvent.click(screen.getByText('搜索'))
}

const hitTitles = (type: string) => [...document.querySelectorAll(`[data-testid="search-hit-${type}"] .search-hit__title`)].map((n) => n.textContent)

describe('一站搜索 results', () => {
  it('puts the 智能问答 answer on top for 社保卡丢了, with its highlights as text, and opens it on 智能问答', async () => {
    taroMock.routerParams = { q: encodeURIComponent('社保卡丢了') }
    render(<SearchPage />)
    const card = await screen.findByTestId('search-answer', {}, { timeout: 30_000 })
    expect(card.textContent).toContain('社保卡丢了怎么挂失和补办？')
    expect(card.textContent).toContain('12333')
    // the matched words are spans of text, not markup from the server
    const marked = [...card.querySelectorAll('.search-hl')].map((n) => n.textContent)
    expect(marked.join('')).toContain('社保卡丢了')
    expect(card.innerHTML).not.toMatch(/<(em|mark|b)\b/)
    fireEvent.click(screen.getByText('查看完整回答 ›'))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/qa/pages/ask/index?q=${encodeURIComponent('社保卡丢了怎么挂失和补办？')}`)
  })

  it('shows the groups with their counts and 「查看全部」, which opens that type paged', async () => {
    taroMock.routerParams = { q: encodeURIComponent('补贴') }
    render(<SearchPage />)
    const faqs = await screen.findByTestId('search-group-faq')
    expect(faqs.textContent).toMatch(/问答 · \d+ 条/)
    expect(hitTitles('faq')).toHaveLength(3)
    expect(screen.getByTestId('search-group-policy').textContent).toMatch(/政策 · \d+ 条/)
    expect(screen.getByText(/^全部 \d+$/)).toBeTruthy()
    const more = faqs.querySelector('.section__more') as HTMLElement
    const total = Number(more.textContent?.match(/查看全部 (\d+) 条/)?.[1])
    expect(total).toBeGreaterThan(10)
    fireEvent.click(more)
    await waitFor(() => expect(hitTitles('faq')).toHaveLength(10))
    expect(screen.queryByTestId('search-group-policy')).toBeNull()
    act(() => taroMock.fire('reachBottom'))
    await waitFor(() => expect(hitTitles('faq').length).toBe(Math.min(20, total)))
    expect(api.requests.some((r) => r.includes('/api/v1/search?q=%E8%A1%A5%E8%B4%B4&types=faq&page=2'))).toBe(true)
    // a hit opens what it is
    fireEvent.click(document.querySelector('[data-testid="search-hit-faq"]') as HTMLElement)
    expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/qa\/pages\/ask\/index\?q=/)
  })

  it('starts on the tab of the list it came from (解读)', async () => {
    taroMock.routerParams = { q: encodeURIComponent('医保'), type: 'interpretation' }
    render(<SearchPage />)
    await waitFor(() => expect(hitTitles('interpretation').length).toBeGreaterThan(0))
    expect(hitTitles('policy')).toEqual([])
    fireEvent.click(document.querySelector('[data-testid="search-hit-interpretation"]') as HTMLElement)
    expect(taroMock.navigations.at(-1)?.url).toMatch(/^\/packages\/interpretation\/pages\/detail\/index\?id=/)
  })

  it('leads an empty result to 问政策 and 向部门咨询 with the query', async () => {
    taroMock.routerParams = {}
    render(<SearchPage />)
    await typeAndSearch('量子纠缠火星旅行')
    await screen.findByText('没有找到与“量子纠缠火星旅行”相关的内容')
    fireEvent.click(screen.getByText('问政策'))
    fireEvent.click(screen.getByText('向部门咨询'))
    const q = encodeURIComponent('量子纠缠火星旅行')
    expect(taroMock.navigations.slice(-2).map((n) => n.url)).toEqual([`/packages/qa/pages/ask/index?q=${q}`, `/packages/qa/pages/consult/index?q=${q}`])
  })

  it('takes a query with a stray % from the route as it is', async () => {
    taroMock.routerParams = { q: '100%' }
    render(<SearchPage />)
    await waitFor(() => expect(api.requests.some((r) => r.includes('/api/v1/search?q=100%25'))).toBe(true))
  })

  it('shows the error with a retry when the search fails', async () => {
    taroMock.routerParams = { q: encodeURIComponent('医保') }
    api.failNext(3, /\/search/)
    render(<SearchPage />)
    fireEvent.click(await screen.findByText('重新加载'))
    await screen.findByTestId('search-group-policy')
  })
})

it('cuts text at the ranges and ignores ranges out of order or beyond the text', () => {
  expect(piecesOf('社保卡丢了', [{ start: 0, end: 3 }])).toEqual([
    { text: '社保卡', hit: true },
    { text: '丢了', hit: false },
  ])
  expect(
    piecesOf('abc', [
      { start: 2, end: 9 },
      { start: 0, end: 1 },
    ]),
  ).toEqual([
    { text: 'ab', hit: false },
    { text: 'c', hit: true },
  ])
})
