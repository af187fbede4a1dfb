import { fireEvent, render, screen } from '@testing-library/react'
import type { Banner } from '@common/contract'
import { taroMock } from '../../../../../test/mocks/taro'
import { HomeBanners } from '../home-banners'

const banner = (over: Partial<Banner>): Banner => ({
  id: 'b1',
  title: '医保个人账户家庭共济',
  image: '/media/banners/b1.jpg',
  alt: '一家三口看医保卡',
  link: '/packages/interpretation/pages/detail/index?id=i001',
  ...over,
})

beforeEach(() => taroMock.reset())

it('shows each banner with its picture described by its alt text, in order', () => {
  render(<HomeBanners banners={[banner({}), banner({ id: 'b2', title: '防范养老诈骗', alt: '老人接到陌生电话', link: '/pages/quiz/index' })]} />)
  const region = screen.getByRole('region', { name: '公益广告' })
  expect(region).toBeInTheDocument()
  const pictures = screen.getAllByRole('img')
  expect(pictures.map((p) => p.getAttribute('aria-label'))).toEqual(['一家三口看医保卡', '老人接到陌生电话'])
  expect(screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))).toEqual([
    '医保个人账户家庭共济：一家三口看医保卡',
    '防范养老诈骗：老人接到陌生电话',
  ])
})

it('an in-app path opens the page; a tab page switches to the tab', () => {
  render(<HomeBanners banners={[banner({}), banner({ id: 'b2', title: '来答题', link: '/pages/quiz/index' })]} />)
  fireEvent.click(screen.getByRole('link', { name: /医保个人账户家庭共济/ }))
  fireEvent.click(screen.getByRole('link', { name: /来答题/ }))
  expect(taroMock.navigations).toEqual([
    { kind: 'navigateTo', url: '/packages/interpretation/pages/detail/index?id=i001' },
    { kind: 'switchTab', url: '/pages/quiz/index' },
  ])
})

it('an https link is shown as text, not opened', () => {
  render(<HomeBanners banners={[banner({ link: 'https://www.zjtz.gov.cn/art/1.html' })]} />)
  expect(screen.queryByRole('link')).toBeNull()
  expect(screen.getByText('https://www.zjtz.gov.cn/art/1.html')).toBeInTheDocument()
  fireEvent.click(screen.getByText('医保个人账户家庭共济'))
  expect(taroMock.navigations).toEqual([])
})

it('shows nothing without banners', () => {
  const { container } = render(<HomeBanners banners={[]} />)
  expect(container).toBeEmptyDOMElement()
})
