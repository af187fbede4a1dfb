import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import PolicyDetailPage from '../pages/detail/index'
import PolicyListPage from '../pages/list/index'

const api = setupFixtureApi()

async function typeAndSearch(text: string) {
  const input = document.querySelector('.search-bar__input') as HTMLElement & { value: string }
  // Taro's H5 Input is a web component wrapping a native <input>; it emits `input` events.
  const native = input.querySelector('input') ?? input
  fireEvent.input(native, { target: { value: text } })
  fireEvent.click(screen.getByText('搜索'))
}

describe('政策库 (policy library)', () => {
  it('lists policies newest first with their 文号 and validity, and the total', async () => {
    render(<PolicyListPage />)
    await screen.findByText(/共 \d+ 条政策/)
    const cards = document.querySelectorAll('.policy-card')
    expect(cards.length).toBe(10)
    expect(cards[0].textContent).toMatch(/〔\d{4}〕\d+号/)
    expect(cards[0].textContent).toMatch(/有效|已修订|已废止/)
    // the newest (2026 义务教育招生, 报名 closed 2026-05-20) says so
    expect(cards[0].textContent).toContain('已截止')
    expect(api.requests[api.requests.length - 1]).toContain('/api/v1/policies?page=1&pageSize=10')
  })

  it('searches by keyword and shows only matching policies', async () => {
    render(<PolicyListPage />)
    await screen.findByText(/共 \d+ 条政策/)
    await typeAndSearch('政务公开')
    await screen.findByText(/“政务公开”共 \d+ 条政策/)
    const titles = [...document.querySelectorAll('.policy-card__title')].map((n) => n.textContent)
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.some((t) => t?.includes('政务公开'))).toBe(true)
  })

  it('shows an empty state with 清除筛选 when nothing matches, and clearing brings the list back', async () => {
    render(<PolicyListPage />)
    await screen.findByText(/共 \d+ 条政策/)
    await typeAndSearch('完全不存在的关键词xyz')
    await screen.findByText('没有找到相关政策')
    fireEvent.click(screen.getByText('清除筛选'))
    await waitFor(() => expect(document.querySelectorAll('.policy-card').length).toBe(10))
  })

  it('filters by topic from the route and loads the next page on reaching the bottom', async () => {
    taroMock.routerParams = {}
    render(<PolicyListPage />)
    const count = await screen.findByText(/共 \d+ 条政策/)
    const total = Number(count.textContent?.match(/共 (\d+) 条/)?.[1])
    expect(total).toBeGreaterThan(10)
    // a page at a time, as the resident scrolls (the fixtures fill three pages)
    const cards = () => document.querySelectorAll('.policy-card').length
    while (cards() < total) {
      const before = cards()
      act(() => taroMock.fire('reachBottom'))
      await waitFor(() => expect(cards()).toBeGreaterThan(before))
    }
    expect(cards()).toBe(total)
    await screen.findByText('没有更多了')
  })

  it('loads the next page by tapping 加载更多 too (not only by scrolling)', async () => {
    render(<PolicyListPage />)
    const count = await screen.findByText(/共 \d+ 条政策/)
    const total = Number(count.textContent?.match(/共 (\d+) 条/)?.[1])
    const cards = () => document.querySelectorAll('.policy-card').length
    while (cards() < total) {
      const before = cards()
      fireEvent.click(await screen.findByRole('button', { name: '加载更多' }))
      await waitFor(() => expect(cards()).toBeGreaterThan(before))
    }
    expect(cards()).toBe(total)
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull()
    await screen.findByText('没有更多了')
  })

  it('filters by a topic chip', async () => {
    render(<PolicyListPage />)
    await screen.findByText(/共 \d+ 条政策/)
    fireEvent.click(await screen.findByRole('button', { name: '医疗保障' }))
    await waitFor(() => expect(api.requests[api.requests.length - 1]).toContain('topic=yibao'))
    await waitFor(() => {
      const tags = [...document.querySelectorAll('.policy-card')].map((c) => c.textContent)
      expect(tags.length).toBeGreaterThan(0)
      tags.forEach((t) => expect(t).toContain('医疗保障'))
    })
  })

  it('opens a policy on tap', async () => {
    render(<PolicyListPage />)
    await screen.findByText(/共 \d+ 条政策/)
    fireEvent.click(document.querySelector('.policy-card') as Element)
    expect(taroMock.navigations[0]).toEqual({ kind: 'navigateTo', url: expect.stringMatching(/^\/packages\/policy\/pages\/detail\/index\?id=p\d+$/) })
  })

  it('shows an error with retry when the network fails, and recovers', async () => {
    api.failNext(3, /\/policies\?/)
    render(<PolicyListPage />)
    await screen.findByText('网络不给力，请检查网络后重试')
    fireEvent.click(screen.getByText('重新加载'))
    await screen.findByText(/共 \d+ 条政策/)
  })
})

describe('政策原文 (policy detail)', () => {
  it('shows title, 文号, department, dates, validity and the original sections', async () => {
    taroMock.routerParams = { id: 'p001' }
    render(<PolicyDetailPage />)
    await screen.findByText('台政办发〔2021〕28号')
    expect(screen.getByText(/政务公开工作的实施意见/)).toBeInTheDocument()
    expect(screen.getByText('文号')).toBeInTheDocument()
    expect(screen.getByText('发布日期')).toBeInTheDocument()
    expect(document.querySelector('.validity-banner__label')?.textContent).toMatch(/^(有效|已修订|已废止)$/)
    expect(document.querySelectorAll('.policy-text__section').length).toBeGreaterThanOrEqual(3)
    // 相关解读: no dead end, the policy's 图解 is a tap away
    const related = await screen.findByRole('region', { name: '相关解读' })
    fireEvent.click(within(related).getByText('一图读懂：2021年台州市政务公开工作实施意见'))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/interpretation/pages/detail/index?id=i001' })
  })

  it('links its videos and FAQs (相关视频, 常见问答): no dead end', async () => {
    const { fixtures } = await import('../../../../mock/fixtures')
    taroMock.routerParams = { id: 'p002' }
    render(<PolicyDetailPage />)
    const videos = await screen.findByRole('region', { name: '相关视频' })
    const video = fixtures.videos.find((v) => v.interpretationId === 'i002')!
    fireEvent.click(within(videos).getByText(video.title))
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `/packages/video/pages/play/index?id=${video.id}` })
    const faqs = await screen.findByRole('region', { name: '常见问答' })
    const faq = fixtures.faqs.find((f) => f.policyId === 'p002')!
    fireEvent.click(within(faqs).getByText(faq.question))
    expect(taroMock.navigations.at(-1)?.url).toBe(`/packages/qa/pages/ask/index?q=${encodeURIComponent(faq.question)}`)
  })

  it('marks a policy whose window has closed 已截止, with its 截止日期', async () => {
    taroMock.routerParams = { id: 'p014' } // 稳岗返还 2022: closed 2022-12-31
    render(<PolicyDetailPage />)
    expect(await screen.findByText('截止日期')).toBeInTheDocument()
    expect(screen.getByText('2022年12月31日（已截止）')).toBeInTheDocument()
  })

  it('shows a revised policy with its note and a link to the new version', async () => {
    const { fixtures } = await import('../../../../mock/fixtures')
    const revised = fixtures.policies.find((p) => p.validity === 'revised' && p.replacedBy)
    expect(revised).toBeDefined()
    taroMock.routerParams = { id: revised!.id }
    render(<PolicyDetailPage />)
    await screen.findByText('本文件已被修订，请以新版为准')
    fireEvent.click(screen.getByText('查看新版文件 ›'))
    expect(taroMock.navigations[0]).toEqual({ kind: 'redirectTo', url: `/packages/policy/pages/detail/index?id=${revised!.replacedBy}` })
  })

  it('shows 找不到该政策 for an unknown id', async () => {
    taroMock.routerParams = { id: 'p999' }
    render(<PolicyDetailPage />)
    await screen.findByText('找不到该政策')
    expect(screen.getByText('重新加载')).toBeInTheDocument()
  })
})
