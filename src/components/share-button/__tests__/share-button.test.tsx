import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { ShareButton } from '..'

beforeEach(() => taroMock.reset())
afterEach(() => {
  delete (navigator as { share?: unknown }).share
})

it('H5 with a share sheet: navigator.share gets the title and the full link', async () => {
  const share = jest.fn().mockResolvedValue(undefined)
  Object.assign(navigator, { share })
  render(<ShareButton title='政策原文' path='/packages/policy/pages/detail/index?id=p002' weapp={false} />)
  fireEvent.click(screen.getByText('分享'))
  await waitFor(() => expect(share).toHaveBeenCalledWith({ title: '政策原文', url: `${location.origin}/packages/policy/pages/detail/index?id=p002` }))
  expect(taroMock.toasts).toEqual([])
})

it('H5 without one: the link is copied and the user told 链接已复制', async () => {
  render(<ShareButton title='政策短视频' path='/packages/video/pages/play/index?id=v002' weapp={false} />)
  fireEvent.click(screen.getByText('分享'))
  await waitFor(() => expect(taroMock.toasts).toEqual(['链接已复制']))
})
