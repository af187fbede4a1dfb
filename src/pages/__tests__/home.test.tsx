import { fireEvent, render, screen } from '@testing-library/react'
import { fixtures } from '../../../mock/fixtures'
import { taroMock } from '../../../test/mocks/taro'
import { setupFixtureApi } from '../../../test/support/fixture-api'
import { FIRST_SCREEN_ELEMENT_ID } from '@common/contract'
import { shanghaiToday } from '@common/shanghai-date'
import HomePage from '../index/index'

setupFixtureApi()

describe('首页', () => {
  it('shows featured interpretations, every topic, the latest policies and ongoing campaigns', async () => {
    render(<HomePage />)
    await screen.findByText('精选解读')
    for (const i of fixtures.interpretations.filter((x) => x.featured)) {
      expect(screen.getByText(i.title)).toBeInTheDocument()
    }
    for (const t of fixtures.topics) expect(screen.getByRole('link', { name: t.name })).toBeInTheDocument()
    // 最新政策 leads with the newest policy still open: an 已截止 one never comes first
    const today = shanghaiToday(new Date())
    const newestOpen = [...fixtures.policies].filter((p) => !p.closesAt || p.closesAt >= today).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]
    const first = document.querySelector('.policy-card')
    expect(first?.textContent).toContain(newestOpen.title)
    expect(first?.textContent).not.toContain('已截止')
    expect(screen.getByText('正在进行的知识竞赛')).toBeInTheDocument()
    expect(screen.getAllByText('进行中').length).toBeGreaterThan(0)
    expect(screen.getAllByText(/距结束/).length).toBeGreaterThan(0)
  })

  it('opens the policy library filtered by a topic', async () => {
    render(<HomePage />)
    fireEvent.click(await screen.findByRole('link', { name: '养老服务' }))
    expect(taroMock.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/policy/pages/list/index?topic=yanglao' }])
  })

  it('opens search from the search bar', async () => {
    render(<HomePage />)
    await screen.findByText('精选解读')
    fireEvent.click(screen.getByRole('search'))
    expect(taroMock.navigations[0].url).toBe('/packages/search/pages/results/index')
  })

  it('removes the first screen the server drew once its own content is there (H5)', async () => {
    const layer = document.createElement('div')
    layer.id = FIRST_SCREEN_ELEMENT_ID
    document.body.appendChild(layer)
    render(<HomePage />)
    // still loading: the server's first screen stays in front
    expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).not.toBeNull()
    await screen.findByText('精选解读')
    expect(document.getElementById(FIRST_SCREEN_ELEMENT_ID)).toBeNull()
  })
})
