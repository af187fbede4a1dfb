import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { isSubpage, TitleBar } from '..'

beforeEach(() => {
  taroMock.reset()
  document.title = '政策原文'
})

it('a subpage on H5 shows its title and 返回, which goes back one page', () => {
  taroMock.routerPath = '/packages/policy/pages/detail/index'
  taroMock.pageDepth = 2
  render(<TitleBar enabled />)
  expect(screen.getByTestId('title-bar')).toHaveTextContent('政策原文')
  fireEvent.click(screen.getByLabelText('返回上一页'))
  expect(taroMock.navigations).toEqual([{ kind: 'navigateBack' }])
})

it('a subpage opened directly (no page behind it) offers 首页 instead', () => {
  taroMock.routerPath = '/packages/qa/pages/ask/index'
  taroMock.pageDepth = 1
  render(<TitleBar enabled />)
  expect(screen.getByTestId('title-bar')).toHaveTextContent('首页')
  fireEvent.click(screen.getByLabelText('回到首页'))
  expect(taroMock.navigations).toEqual([{ kind: 'switchTab', url: '/pages/index/index' }])
})

it('follows the title the page sets later (setNavigationBarTitle writes document.title on H5)', async () => {
  taroMock.routerPath = '/packages/interpretation/pages/detail/index'
  render(<TitleBar enabled />)
  document.title = '图解政策'
  expect(await screen.findByText('图解政策')).toBeInTheDocument()
})

it('nothing on tab pages, nor in the mini-program (which draws its own bar)', () => {
  expect(isSubpage('/pages/index/index')).toBe(false)
  expect(isSubpage('pages/mine/index')).toBe(false)
  expect(isSubpage('packages/policy/pages/list/index')).toBe(true)
  taroMock.routerPath = '/pages/mine/index'
  const { container, rerender } = render(<TitleBar enabled />)
  expect(container).toBeEmptyDOMElement()
  taroMock.routerPath = '/packages/policy/pages/list/index'
  rerender(<TitleBar enabled={false} />)
  expect(container).toBeEmptyDOMElement()
})
